// Module resolution hooks that append every module URL Node resolves to the file named by CX_SHOP_MODULE_LOG.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (process.env.CX_SHOP_MODULE_LOG) appendFileSync(process.env.CX_SHOP_MODULE_LOG, `${result.url}\n`);
  return result;
}

import { fileURLToPath } from 'node:url';
import { startDemoShop, type ShopVariant } from '../demo-shop/server.js';
import { EXIT } from '../gate/budget.js';
import { UsageError } from './errors.js';
import { execute, loadOrExplain, type ExecuteOptions } from './execute.js';

/** cx-shop's own folder: the bundled scenarios are in its scenarios/ and run against the demo shop. */
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface DemoOptions extends Omit<ExecuteOptions, 'baseUrl'> {
  variant: string;
  port?: string;
  strict?: boolean;
}

/**
 * `cx-shop demo`: serve the bundled shop, run the bundled scenarios against it. The shipped variant is
 * full of friction on purpose, so the demo exits 0 whenever it ran, unless --strict asks for run's codes.
 */
export async function demoCommand(options: DemoOptions): Promise<number> {
  if (options.variant !== 'shipped' && options.variant !== 'fixed') {
    throw new UsageError(`--variant "${options.variant}" is not a variant of the demo shop`, 'use shipped or fixed');
  }
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port "${options.port}" is not a port number`);
  const scenarios = await loadOrExplain(['scenarios'], PACKAGE_ROOT);
  const shop = await startDemoShop({ variant: options.variant as ShopVariant, port }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`port ${port} is already in use`, 'give --port a free port, or leave it out and cx-shop picks one');
    if (error.code === 'EACCES') throw new UsageError(`port ${port} needs more rights than cx-shop has`, 'give --port a port above 1023');
    throw error;
  });
  process.stderr.write(`Demo shop (${shop.variant}) serving at ${shop.url}\n`);
  try {
    const code = await execute(scenarios, { ...options, baseUrl: shop.url });
    return options.strict || code === EXIT.runError || code === EXIT.interrupted || code === EXIT.terminated ? code : EXIT.ok;
  } finally {
    await shop.close();
  }
}

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { UsageError } from './errors.js';
import { TEMPLATES } from './templates.js';

/** `cx-shop init [dir]`: a scenarios folder for the user's own site, one commented template per journey. */
export async function initCommand(dir: string, options: { baseUrl?: string; force?: boolean }): Promise<number> {
  const baseUrl = options.baseUrl ?? 'https://shop.example.com';
  if (!URL.canParse(baseUrl)) throw new UsageError(`--base-url "${baseUrl}" is not a URL`);
  const existing = Object.keys(TEMPLATES).filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0 && !options.force) {
    throw new UsageError(
      `${existing.map((name) => join(dir, name)).join(', ')} already exist${existing.length === 1 ? 's' : ''}`,
      'choose another folder, or add --force to overwrite',
    );
  }
  await mkdir(dir, { recursive: true });
  for (const [name, template] of Object.entries(TEMPLATES)) {
    await writeFile(join(dir, name), template(baseUrl));
    process.stdout.write(`created ${relative(process.cwd(), join(dir, name)) || name}\n`);
  }
  process.stdout.write(`\nNext: edit the steps to match your site, then\n  cx-shop validate ${dir}\n  cx-shop run ${dir}\n`);
  return 0;
}

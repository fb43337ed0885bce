import { existsSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { makeFolder } from '../output/write-whole.js';
import { baseUrlToWrite } from '../scenario/import-recording.js';
import { baseUrlProblem } from '../scenario/site-access.js';
import { UsageError, whyNotWritten } from './errors.js';
import { TEMPLATES } from './templates.js';

/** `cx-shop init [dir]`: a scenarios folder for the user's own site, one commented template per journey. */
export async function initCommand(dir: string, options: { baseUrl?: string; force?: boolean }): Promise<number> {
  const given = options.baseUrl ?? 'https://shop.example.com';
  const problem = baseUrlProblem(given);
  if (problem) throw new UsageError(problem, 'e.g. --base-url https://shop.example.com, or https://team:PASSWORD@staging.shop.example for a site behind a sign-in prompt');
  // The site's password is not written into the files: they read it from a variable set at run time.
  const { baseUrl, note } = baseUrlToWrite(given);
  if ((await stat(dir).catch(() => null))?.isFile()) throw new UsageError(`${dir} is a file`, 'give a folder for the scenarios, e.g. cx-shop init scenarios');
  const existing = Object.keys(TEMPLATES).filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0 && !options.force) {
    throw new UsageError(
      `${existing.map((name) => join(dir, name)).join(', ')} already exist${existing.length === 1 ? 's' : ''}`,
      'choose another folder, or add --force to overwrite',
    );
  }
  const cannot = (error: NodeJS.ErrnoException) => new UsageError(`cannot write to ${dir} (${whyNotWritten(error)})`, 'choose another folder');
  await makeFolder(dir).catch((error: NodeJS.ErrnoException) => {
    throw cannot(error);
  });
  for (const [name, template] of Object.entries(TEMPLATES)) {
    await writeFile(join(dir, name), template(baseUrl)).catch((error: NodeJS.ErrnoException) => {
      throw cannot(error);
    });
    process.stdout.write(`created ${relative(process.cwd(), join(dir, name)) || name}\n`);
  }
  if (note) process.stdout.write(`\nNote: ${note}\n`);
  process.stdout.write(`\nNext: edit the steps to match your site, then\n  cx-shop validate ${dir}\n  cx-shop run ${dir}\n`);
  return 0;
}

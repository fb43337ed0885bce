/** Files a reader may open while cx-shop writes them (a report, a baseline): written whole or not at all. */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes `text` to a temporary file beside `path` and renames it into place, making the folder if needed. */
export async function writeWhole(path: string, text: string | Uint8Array): Promise<void> {
  await makeFolder(dirname(path));
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    // Nothing half-written is left behind (a path that is a folder cannot take the file).
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Creates a folder and its missing parents one level at a time. (Node's recursive mkdir never returns on some
 * paths, /proc/foo among them: one level at a time fails at once.)
 */
export async function makeFolder(path: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    const exists = await stat(at).then((s) => (s.isDirectory() ? true : 'file'), () => false);
    if (exists === 'file') throw Object.assign(new Error(`${at} is a file`), { code: 'ENOTDIR' });
    if (exists) break;
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

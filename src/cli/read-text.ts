import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.js';

/**
 * A text file a person saved (a recording, a filled-in checklist) as UTF-8, without a byte order mark; one saved in
 * another encoding (UTF-16, Latin-1) is refused, saying so, where it would be read with its letters corrupted.
 */
export async function readText(file: string, hint: string): Promise<string> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file} (${error.code === 'EISDIR' ? 'it is a folder' : (error.code ?? 'error')})`, hint);
  });
  const save = 'save it as UTF-8 (in most editors: File > Save with encoding > UTF-8)';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 8192).includes(0)) {
    throw new UsageError(`${file} is UTF-16 text (or binary), not UTF-8`, save);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The line of the first character that is no UTF-8 (a Latin-1 "é", say).
    const read = new TextDecoder('utf-8').decode(bytes);
    const line = read.slice(0, read.indexOf('\uFFFD')).split('\n').length;
    throw new UsageError(`${file}:${line}: not UTF-8 text (another encoding, such as Latin-1 or Windows-1252)`, save);
  }
}

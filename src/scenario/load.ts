/**
 * Loading scenarios from what the user named on the command line: files, folders or globs. Every problem in
 * every file is collected, so one run shows them all (as Checkly's `validate` does).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { parseScenario } from './parse.js';
import { sortProblems, type Problem } from './problems.js';
import type { ResolvedScenario } from './schema.js';

export { formatProblem, type Problem } from './problems.js';
export { parseScenario } from './parse.js';

const SCENARIO_FILES = '**/*.{yaml,yml}';
const IGNORED = ['**/node_modules/**'];

/** Problems printed per file at most: a file of thousands of bad steps needs its first ones fixed, not all listed. */
export const MAX_PROBLEMS_PER_FILE = 50;

function inputProblem(input: string, message: string, hint: string, line = 1, col = 1): Problem {
  return { file: input, line, col, path: '', message, hint };
}

/** Where the first byte is that cannot be UTF-8 (a lead byte without its continuation bytes, or a stray one). */
function firstInvalidByte(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const follow = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (follow < 0) return i;
    for (let k = 1; k <= follow; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // The second byte's narrower range after E0, ED, F0 and F4: no overlong forms, no surrogates, nothing past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += follow + 1;
  }
  return -1;
}

/**
 * The file's text, or the one problem that says why it is not a scenario's text: a binary file, or text that is not
 * UTF-8 (a Latin-1 file would otherwise be read with its accented letters corrupted).
 */
function textOf(file: string, bytes: Buffer): string | Problem {
  if (bytes.subarray(0, 8192).includes(0)) {
    return inputProblem(file, 'is a binary file, not a scenario', 'scenario files are YAML text (*.yaml, *.yml)');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidByte(bytes));
    const before = bytes.subarray(0, at);
    const line = before.filter((byte) => byte === 0x0a).length + 1;
    const col = at - before.lastIndexOf(0x0a);
    const byte = bytes[at]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
    return inputProblem(file, `is not UTF-8 text (byte 0x${byte})`, 'save the file as UTF-8 (in most editors: File > Save with encoding > UTF-8)', line, col);
  }
}

/** The files one input names, as paths the user would recognise, sorted; or the problem with the input. */
async function filesFor(input: string, cwd: string): Promise<string[] | Problem> {
  if (isDynamicPattern(input)) {
    const files = await glob(input, { cwd, onlyFiles: true, expandDirectories: false, ignore: IGNORED, absolute: path.isAbsolute(input) });
    if (files.length > 0) return files.sort();
    return inputProblem(input, 'matches no files', 'check the pattern, and quote it so the shell does not expand it');
  }
  const target = path.resolve(cwd, input);
  const stats = await stat(target).catch(() => undefined);
  if (!stats) {
    return inputProblem(input, 'no such file or folder', `check the spelling; paths are relative to the current folder`);
  }
  if (!stats.isDirectory()) return [input];
  const found = await glob(SCENARIO_FILES, { cwd: target, onlyFiles: true, ignore: IGNORED });
  if (found.length === 0) {
    return inputProblem(input, 'no scenario files (*.yaml, *.yml) in this folder', 'name scenario files with .yaml or .yml');
  }
  return found.sort().map((file) => path.join(input, file));
}

/**
 * Loads every scenario named by `inputs`: files, folders (their *.yaml and *.yml files, recursively, sorted)
 * or glob patterns. Never throws for a user's mistake: each problem, in any file, is returned in `problems`,
 * and only files without problems yield a scenario. A file named twice is loaded once.
 */
export async function loadScenarios(
  inputs: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ scenarios: ResolvedScenario[]; problems: Problem[] }> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const scenarios: ResolvedScenario[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();

  for (const input of inputs) {
    const files = await filesFor(input, cwd);
    if (!Array.isArray(files)) {
      problems.push(files);
      continue;
    }
    // Read all at once (hundreds of files wait on the disk, not on each other), then taken in order.
    const read = await Promise.all(
      files.map(async (file) => {
        const absolute = path.resolve(cwd, file);
        const real = await realpath(absolute).catch(() => absolute);
        const bytes = await readFile(absolute).catch((error: NodeJS.ErrnoException) => error);
        return { file, real, bytes };
      }),
    );
    for (const { file, real, bytes } of read) {
      // A file reached twice (named twice, or through a link) is loaded once.
      if (seen.has(real)) continue;
      seen.add(real);
      if (!Buffer.isBuffer(bytes)) {
        problems.push(inputProblem(file, `cannot read the file (${bytes.code ?? 'error'})`, 'check that it exists and is readable'));
        continue;
      }
      const source = textOf(file, bytes);
      if (typeof source !== 'string') {
        problems.push(source);
        continue;
      }
      const result = parseScenario(file, source, env);
      // parseScenario returns its problems sorted.
      const found = result.problems;
      problems.push(...found.slice(0, MAX_PROBLEMS_PER_FILE));
      if (found.length > MAX_PROBLEMS_PER_FILE) {
        const last = found[MAX_PROBLEMS_PER_FILE - 1]!;
        problems.push({
          file,
          line: last.line,
          col: last.col,
          path: '',
          message: `and ${found.length - MAX_PROBLEMS_PER_FILE} more problems in this file, not listed`,
          more: found.length - MAX_PROBLEMS_PER_FILE,
          hint: 'fix the ones above and validate again',
        });
      }
      if (result.scenario) scenarios.push(result.scenario);
    }
  }
  return { scenarios, problems: sortProblems(problems) };
}

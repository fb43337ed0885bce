/**
 * Loading scenarios from what the user named on the command line: files, folders or globs. Every problem in
 * every file is collected, so one run shows them all (as Checkly's `validate` does).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { parseScenario } from './parse.js';
import { sortProblems, type Problem } from './problems.js';
import type { ResolvedScenario } from './schema.js';

export { formatProblem, type Problem } from './problems.js';
export { parseScenario } from './parse.js';

const SCENARIO_FILES = '**/*.{yaml,yml}';
const IGNORED = ['**/node_modules/**'];

function inputProblem(input: string, message: string, hint: string): Problem {
  return { file: input, line: 1, col: 1, path: '', message, hint };
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
    for (const file of files) {
      const absolute = path.resolve(cwd, file);
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      let source: string;
      try {
        source = await readFile(absolute, 'utf8');
      } catch (error) {
        problems.push(inputProblem(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check that it exists and is readable'));
        continue;
      }
      const result = parseScenario(file, source, env);
      problems.push(...result.problems);
      if (result.scenario) scenarios.push(result.scenario);
    }
  }
  return { scenarios, problems: sortProblems(problems) };
}

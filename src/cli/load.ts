/** Loading scenario files for a command: every problem printed with its place, then one usage error. */
import { formatProblem, loadScenarios } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import { UsageError } from './errors.js';

export async function loadOrExplain(inputs: string[], cwd?: string): Promise<ResolvedScenario[]> {
  const { scenarios, problems } = await loadScenarios(inputs, { env: process.env, cwd });
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    const files = new Set(problems.map((p) => p.file)).size;
    // The line that stands for a file's problems not listed counts as those problems.
    const count = problems.reduce((sum, p) => sum + (p.more ?? 1), 0);
    throw new UsageError(`${count} problem${count === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; nothing was run`);
  }
  if (scenarios.length === 0) throw new UsageError('no scenarios to run', 'name YAML files or folders, e.g. cx-shop run scenarios/');
  return scenarios;
}

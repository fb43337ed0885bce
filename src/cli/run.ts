import { execute, loadOrExplain, type ExecuteOptions } from './execute.js';

/** `cx-shop run [paths...]`: the scenarios named, against any site. */
export async function runCommand(inputs: string[], options: ExecuteOptions): Promise<number> {
  const scenarios = await loadOrExplain(inputs.length > 0 ? inputs : ['scenarios']);
  return execute(scenarios, options);
}

import chalk from 'chalk';
import { redact } from '../output/safe.js';
import { loadOrExplain } from './load.js';

/** `cx-shop validate [paths...]`: check scenario files without a browser. */
export async function validateCommand(inputs: string[]): Promise<number> {
  const scenarios = await loadOrExplain(inputs.length > 0 ? inputs : ['scenarios']);
  for (const scenario of scenarios) {
    process.stdout.write(`${chalk.green('✓')} ${scenario.file}: "${redact(scenario.name, scenario.secrets)}", ${scenario.steps.length} steps\n`);
  }
  return 0;
}

/**
 * Progress while a run goes: a spinner on an interactive terminal, plain lines in CI or when piped.
 * Both go to stderr, so stdout holds only the report.
 */
import ora, { type Ora } from 'ora';
import { oneLine } from './terminal.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import type { ScenarioResult, StepResult } from '../report/types.js';

export interface Progress {
  scenarioStart(scenario: ResolvedScenario, position: number): void;
  step(scenario: ResolvedScenario, step: StepResult, index: number): void;
  scenarioEnd(result: ScenarioResult, position: number): void;
  stop(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  // A terminal that reports no width (some pseudo-terminals) cannot be redrawn safely: plain lines there.
  const interactive = Boolean(stream.isTTY) && (stream.columns ?? 0) > 0 && !process.env.CI;
  let spinner: Ora | undefined;
  // With several workers, several scenarios run at once: each line says which.
  const running = new Set<number>();
  const label = (position: number, scenario: { name: string }) => `[${position + 1}/${total}] ${oneLine(scenario.name)}`;
  const positions = new Map<ResolvedScenario, number>();
  return {
    scenarioStart(scenario, position) {
      running.add(position);
      positions.set(scenario, position);
      if (interactive) {
        if (spinner) spinner.text = label(position, scenario);
        else spinner = ora({ text: label(position, scenario), stream }).start();
      } else stream.write(`${label(position, scenario)}: starting\n`);
    },
    step(scenario, step, index) {
      const text = `step ${index + 1}/${scenario.steps.length} "${oneLine(step.name)}": ${step.status}`;
      const position = positions.get(scenario) ?? 0;
      if (spinner) spinner.text = `${running.size > 1 ? `${running.size} running · ` : ''}${label(position, scenario)}: ${text}`;
      else stream.write(`  ${running.size > 1 ? `[${position + 1}/${total}] ` : ''}${text}\n`);
    },
    scenarioEnd(result, position) {
      running.delete(position);
      const text = `${label(position, result)}: ${result.status}`;
      if (spinner) {
        spinner.stopAndPersist({ symbol: result.status === 'passed' ? '✔' : '✖', text });
        spinner = running.size > 0 ? ora({ text: `${running.size} running`, stream }).start() : undefined;
      } else stream.write(`${text}\n`);
    },
    stop() {
      spinner?.stop();
    },
  };
}

/** From validated data to the scenario the runner uses: each step's actions as a list, in the file's order. */
import { canonicalAction } from '../actions/index.js';
import type { ResolvedScenario, ResolvedStep, Scenario } from './schema.js';
import { siteSecrets } from './site-access.js';

type Step = Scenario['steps'][number];

function resolveStep(step: Step, keysInFileOrder: string[]): ResolvedStep {
  const values = step as unknown as Record<string, unknown>;
  const actions = keysInFileOrder.flatMap((key) => {
    const action = canonicalAction(key);
    return action ? [{ action, args: values[key] }] : [];
  });
  return {
    name: step.name,
    ...(step.timeout !== undefined && { timeout: step.timeout }),
    actions,
    ...(step.expect !== undefined && { expect: step.expect }),
    ...(step.rules !== undefined && { rules: step.rules }),
    ...(step.exclude !== undefined && { exclude: step.exclude }),
    ...(step.faults !== undefined && { faults: step.faults }),
    ...(step.budget !== undefined && { budget: step.budget }),
  };
}

/**
 * Builds the resolved scenario. zod's output lists keys in the schema's order, so the order of a step's
 * actions is taken from `input`, the data as it was written.
 */
export function resolveScenario(file: string, input: { steps: unknown[] }, scenario: Scenario, secrets: string[]): ResolvedScenario {
  const { steps, ...fields } = scenario;
  return {
    file,
    ...fields,
    steps: steps.map((step, index) => resolveStep(step, Object.keys(input.steps[index] as object))),
    // A password in the scenario's own base URL is as secret as an `${env.NAME}` value.
    secrets: [...new Set([...secrets, ...siteSecrets(scenario.baseUrl)])],
  };
}

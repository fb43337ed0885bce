/**
 * Rules that judge a journey as a whole, after its last step: whether a return can be finished, kept and
 * asked about. Each applies to the journeys it names; its findings are placed on the step of their evidence.
 */
import type { Finding } from '../../report/types.js';
import { findingOf, ruleFailure } from '../findings.js';
import type { JourneyArtifacts, JourneyRuleDefinition } from '../types.js';
import type { JourneyRuleId } from '../ids.js';
import returnsDeadEnd from './returns-dead-end.js';
import returnsLoginWall from './returns-login-wall.js';
import returnsNoConfirmation from './returns-no-confirmation.js';
import returnsNoHuman from './returns-no-human.js';
import returnsPolicy from './returns-policy.js';

export const journeyRules: Record<JourneyRuleId, JourneyRuleDefinition> = {
  'returns-login-wall': returnsLoginWall,
  'returns-policy': returnsPolicy,
  'returns-dead-end': returnsDeadEnd,
  'returns-no-confirmation': returnsNoConfirmation,
  'returns-no-human': returnsNoHuman,
};

export type { JourneyRuleId };

export function applyJourneyRules(journey: JourneyArtifacts): Array<{ step: number; finding: Finding }> {
  const found: Array<{ step: number; finding: Finding }> = [];
  for (const [id, rule] of Object.entries(journeyRules) as Array<[string, JourneyRuleDefinition]>) {
    if (!rule.journeys.includes(journey.journey)) continue;
    try {
      for (const { step, ...hit } of rule.detect(journey)) found.push({ step, finding: findingOf(id, rule, hit) });
    } catch (error) {
      found.push({ step: Math.max(0, journey.steps.length - 1), finding: ruleFailure(id, rule.area, error) });
    }
  }
  return found;
}

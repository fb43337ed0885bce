/**
 * SARIF 2.1.0: each finding is a result of its rule, located at the line of its step in the scenario file (where a
 * developer goes to change the journey or turn the rule off), with the page address and element in its properties.
 * Budget misses and regressions are results of cx-shop's own gate rules. Code-scanning tools read this file.
 */
import { createHash } from 'node:crypto';
import type { BudgetMiss, Finding, GateChange, Instability, Report, ScenarioResult, Severity, StepResult } from '../report/types.js';
import { rules } from '../rules/index.js';
import { journeyRules } from '../rules/journey/index.js';
import { elementOf, findingIdentity, scenarioLabel, stableElement, stepKeys, subjectsOf } from '../gate/compare.js';
import { toolVersion } from '../report/build.js';
import { whyNotMeasured } from '../report/verdict.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note' };

const GATE_RULES = {
  'gate-budget': { title: 'A budget of the scenario file was exceeded', threshold: 'the budget: effort, findings per severity, forbidden rules', source: 'the scenario file' },
  'gate-regression': { title: 'The customer experience got worse than the baseline', threshold: 'a new finding at or above --fail-on, a step whose effort rose by max(1.35 s, 5%), a journey no longer completed', source: 'cx-shop convention; 1.35 s is one mental operator (Card, Moran & Newell 1980)' },
  'gate-unstable': { title: 'A deterministic figure changed between repeats', threshold: 'the same figure in every repeat of the run', source: 'cx-shop convention' },
} as const;

function location(scenario: ScenarioResult, step: StepResult | undefined) {
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: fileUri(scenario.file) },
        region: { startLine: step?.line ?? 1 },
      },
      ...(step ? { logicalLocations: [{ name: step.name, fullyQualifiedName: `${scenario.name} > ${step.name}`, kind: 'member' }] } : {}),
    },
  ];
}

/**
 * A scenario file as a URI reference: a relative path stays relative (code-scanning tools resolve it against the
 * repository), an absolute one becomes a file: URI; each segment percent-encoded, so a space or a # is no break.
 */
export function fileUri(file: string): string {
  const path = file.split('\\').join('/');
  const encoded = path.split('/').map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/');
  if (/^[A-Za-z]:\//.test(path)) return `file:///${encoded}`;
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

const fingerprint = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

export function renderSarif(report: Report): string {
  const all = { ...rules, ...journeyRules } as Record<string, { title: string; threshold: string; source: string; severity: Severity; area: string; class: string }>;
  const used = new Set(report.scenarios.flatMap((s) => s.steps.flatMap((step) => step.findings.map((f) => f.rule))));
  const ruleIds = [...Object.keys(all).filter((id) => used.has(id)), ...Object.keys(GATE_RULES)];
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const descriptors = ruleIds.map((id) => {
    const rule = all[id] ?? { ...GATE_RULES[id as keyof typeof GATE_RULES], severity: 'high' as Severity, area: 'gate', class: 'deterministic' };
    return {
      id,
      name: id,
      shortDescription: { text: rule.title },
      fullDescription: { text: `${rule.title}: ${rule.threshold}` },
      help: { text: `Threshold: ${rule.threshold}. Source: ${rule.source}.` },
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { area: rule.area, class: rule.class },
    };
  });

  const results: unknown[] = [];
  for (const scenario of report.scenarios) {
    const keys = stepKeys(scenario.steps);
    // A scenario as the gate names it: with its file, where another of the run has its name (one per device).
    const label = scenarioLabel(scenario, report.scenarios);
    scenario.steps.forEach((step, i) => {
      for (const finding of step.findings) results.push(findingResult(scenario, label, step, keys[i]!, finding, index.get(finding.rule)));
    });
    const stepNamed = (name?: string) => (name === undefined ? undefined : scenario.steps[keys.indexOf(name)]);
    const gate = report.gate;
    const own = <T extends { scenario: string; step?: string; message: string }>(items: T[] | undefined) => (items ?? []).filter((item) => item.scenario === label);
    // What the result is about, never its message: a message quotes addresses with session ids and reference numbers.
    const about = (item: GateItem) =>
      'kind' in item ? [item.kind, item.rule ?? '', stableElement(item.element ?? '')] : 'figure' in item && 'limit' in item ? [item.limit] : [item.figure];
    for (const [rule, items] of [['gate-budget', own(gate?.budgets)], ['gate-regression', own(gate?.regressions)], ['gate-unstable', own(gate?.unstable)]] as const) {
      for (const item of items as GateItem[]) {
        results.push({
          ruleId: rule,
          ruleIndex: index.get(rule),
          level: 'error',
          message: { text: item.message },
          locations: location(scenario, stepNamed(item.step)),
          partialFingerprints: { 'cxShopGate/v2': fingerprint([rule, label, item.step ?? '', ...about(item)].join('\u0000')) },
        });
      }
    }
  }

  const unmeasured = report.scenarios.filter((s) => s.status === 'error');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cx-shop', version: toolVersion(), rules: descriptors } },
        invocations: [
          {
            // A journey cx-shop could not finish measuring (the page stopped answering, the browser broke) is a run
            // that did not do all it was asked: said, with why, as the tool's own notifications.
            executionSuccessful: report.complete && !report.interrupted && unmeasured.length === 0,
            startTimeUtc: report.startedAt,
            ...(report.interrupted && { exitSignalName: report.interrupted }),
            ...(unmeasured.length > 0 && {
              toolExecutionNotifications: unmeasured.map((s) => ({ level: 'error', message: { text: `${scenarioLabel(s, report.scenarios)}: could not be measured: ${whyNotMeasured(s)}` } })),
            }),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

type GateItem = BudgetMiss | GateChange | Instability;

function findingResult(scenario: ScenarioResult, label: string, step: StepResult, key: string, finding: Finding, ruleIndex: number | undefined) {
  const { url, measured, threshold, selector } = finding.evidence;
  return {
    ruleId: finding.rule,
    ...(ruleIndex !== undefined && { ruleIndex }),
    level: LEVEL[finding.severity],
    message: { text: `${label}, step "${step.name}": ${finding.message}` },
    locations: location(scenario, step),
    // Each thing the finding is about, in one order: the same broken links in a shuffled list are the same result.
    partialFingerprints: { 'cxShopFinding/v2': fingerprint(findingIdentity(label, key, finding, subjectsOf(finding).sort().join('\u0000'))) },
    properties: {
      severity: finding.severity,
      area: finding.area,
      class: finding.class,
      element: elementOf(finding),
      ...(typeof selector === 'string' && { selector }),
      ...(typeof url === 'string' && { url }),
      ...(measured !== undefined && { measured: String(measured) }),
      ...(threshold !== undefined && { threshold: String(threshold) }),
      source: finding.source,
    },
  };
}

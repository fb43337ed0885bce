/**
 * The gate in every format for a run with two scenarios of one name (one per device) and findings whose messages
 * change on every load: each regression and budget miss lands in its own scenario's suite, results and annotations,
 * and a SARIF fingerprint stays the same while what it is about does.
 */
import { describe, expect, it } from 'vitest';
import { decideGate } from '../../src/gate/verdict.js';
import { renderGithub } from '../../src/reporters/github.js';
import { renderHtml } from '../../src/reporters/html/render.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { renderSarif } from '../../src/reporters/sarif.js';
import type { Finding, Report } from '../../src/report/types.js';
import type { Budgets } from '../../src/gate/budget.js';
import { finding, report, scenario, step } from '../helpers/report.js';

const failedCall = (path: string) => {
  const f = finding('failed-request', 'high', '', `POST ${path} answered HTTP 500`);
  f.evidence = { url: `https://shop.test${path}`, measured: 'HTTP 500', threshold: 'HTTP status below 400' };
  return f;
};

/** "Add to cart" on a phone and on a laptop, each from its own file; the laptop's step holds `desktop`. */
const devices = (desktop: Finding[] = [], mobile: Finding[] = []) =>
  report([scenario('Add to cart', [step('Add', 4, mobile, 'passed', 5)], 'scenarios/add-mobile.yaml'), scenario('Add to cart', [step('Add', 4, desktop, 'passed', 7)], 'scenarios/add-desktop.yaml')]);

const gated = (baseline: Report, run: Report, budgets: Budgets[] = [{ steps: [{ name: 'Add' }] }, { steps: [{ name: 'Add' }] }]): Report => ({
  ...run,
  gate: decideGate(run, { budgets, baseline: { file: 'cx-baseline.json', report: baseline } }),
});

interface SarifResult {
  ruleId: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
  partialFingerprints: Record<string, string>;
}
const sarifResults = (r: Report) => (JSON.parse(renderSarif(r)) as { runs: Array<{ results: SarifResult[] }> }).runs[0]!.results;
const fingerprintOf = (result: SarifResult) => Object.values(result.partialFingerprints)[0];

describe('two scenarios of one name in two files', () => {
  const run = () => gated(devices(), devices([failedCall('/api/bag')]), [{ steps: [{ name: 'Add' }] }, { budget: { findings: { high: 0 } }, steps: [{ name: 'Add' }] }]);

  it('JUnit fails the suite of the scenario that regressed and missed its budget, and no other', () => {
    const xml = renderJunit(run());
    const suites = xml.split('<testsuite ').slice(1);
    expect(suites.map((s) => /failures="(\d+)"/.exec(s)![1])).toEqual(['0', '2']);
    expect(suites[1]).toContain('regression: &quot;Add to cart (scenarios/add-desktop.yaml)&quot;, step &quot;Add&quot;: new high failed-request');
    expect(suites[1]).toContain('budget: the scenario: 1 high findings, the budget allows 0');
    expect(suites[0]).not.toContain('budget:');
    // Each suite, and each of its cases, is named with its file, as the gate names it: a CI's test view tells them apart.
    expect(suites.map((suite) => /name="([^"]*)"/.exec(suite)![1])).toEqual(['Add to cart (scenarios/add-mobile.yaml)', 'Add to cart (scenarios/add-desktop.yaml)']);
    expect(suites[1]).toContain('classname="Add to cart (scenarios/add-desktop.yaml)"');
  });

  it("SARIF has the regression and the budget miss at the laptop's file, and each scenario's findings have fingerprints of their own", () => {
    const results = sarifResults(run());
    const gate = results.filter((r) => r.ruleId.startsWith('gate-'));
    expect(gate.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['gate-budget', 'scenarios/add-desktop.yaml'],
      ['gate-regression', 'scenarios/add-desktop.yaml'],
    ]);
    const both = sarifResults(devices([failedCall('/api/bag')], [failedCall('/api/bag')])).map(fingerprintOf);
    expect(new Set(both).size).toBe(2);
  });

  it("GitHub annotates the regression on the line of the step, and the scenario's budget miss, in the laptop file", () => {
    const lines = renderGithub(run()).trim().split('\n');
    expect(lines.filter((l) => l.includes('title=cx-shop regression'))).toEqual([expect.stringContaining('file=scenarios/add-desktop.yaml,line=7,')]);
    expect(lines.filter((l) => l.includes('title=cx-shop budget'))).toEqual([expect.stringContaining('file=scenarios/add-desktop.yaml,line=1,')]);
  });
  it("the HTML report shows the regression in the laptop scenario's step, and none in the phone's", () => {
    const html = renderHtml(run(), { outDir: '/nonexistent' });
    const sections = html.split(/<section [^>]*id="scenario-/).slice(1);
    expect(sections).toHaveLength(2);
    expect(sections[0]).not.toContain('Worse than the baseline');
    expect(sections[1]).toContain('Worse than the baseline');
  });
});

describe('SARIF fingerprints', () => {
  const regressed = (sid: string, ref: string) => {
    const call = failedCall(`/api/giftcard?sid=${sid}`);
    call.message = `POST /api/giftcard?sid=${sid} answered HTTP 500 (reference ${ref})`;
    return gated(devices(), devices([call]));
  };

  it("a regression's fingerprint is what regressed, not its message with this load's session id and reference number", () => {
    const [first, second] = [regressed('a81f0c9d2e', '48213'), regressed('77d0e2b4c1', '99120')].map((r) => sarifResults(r));
    const pick = (results: SarifResult[], rule: string) => results.filter((r) => r.ruleId === rule).map(fingerprintOf);
    expect(pick(first!, 'gate-regression')).toHaveLength(1);
    expect(pick(first!, 'gate-regression')).toEqual(pick(second!, 'gate-regression'));
    expect(pick(first!, 'failed-request')).toEqual(pick(second!, 'failed-request'));
  });

  it('two uncaught errors new in one step are two gate results with two fingerprints', () => {
    const thrown = (text: string) => ({ ...finding('page-error', 'high', '', `The page threw an uncaught error: ${text}`), evidence: { text, url: 'https://shop.test/bag' } });
    const results = sarifResults(gated(devices(), devices([thrown('basket is not defined'), thrown('Order 48213 could not be saved')])));
    expect(new Set(results.filter((r) => r.ruleId === 'gate-regression').map(fingerprintOf)).size).toBe(2);
  });

  it('two failed requests of one step are two results with two fingerprints', () => {
    const results = sarifResults(devices([failedCall('/api/giftcard'), failedCall('/api/loyalty')]));
    expect(new Set(results.map(fingerprintOf)).size).toBe(2);
  });
});

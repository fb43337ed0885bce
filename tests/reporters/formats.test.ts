/**
 * Every format from one report: JUnit XML validated against the Ant JUnit schema CI systems read, SARIF against
 * the OASIS SARIF 2.1.0 schema (each with a negative control, so the validators can say no), Markdown and GitHub
 * annotations that a hostile page cannot inject into, and a registry where a failing reporter spares the others.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { decideGate } from '../../src/gate/verdict.js';
import { renderGithub } from '../../src/reporters/github.js';
import { renderHtml } from '../../src/reporters/html/render.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { clearEarlierRun } from '../../src/output/earlier-run.js';
import { REPORTERS, parseReporter, writeReports } from '../../src/reporters/registry.js';
import { renderSarif } from '../../src/reporters/sarif.js';
import type { Report } from '../../src/report/types.js';
import { finding, report, scenario, step } from '../helpers/report.js';

const REFERENCE = new URL('../fixtures/reference/', import.meta.url);
const XSD = readFileSync(new URL('junit-ant.xsd', REFERENCE), 'utf8');
const SARIF_SCHEMA = JSON.parse(readFileSync(new URL('sarif-schema-2.1.0.json', REFERENCE), 'utf8')) as object;

const HOSTILE = 'Sold out <img src=x onerror=alert(1)> [click](https://evil.test) & "quotes" \u001b[2J\u0007 ::error::owned';

/** A run with a passed, a failed, a blocked and a skipped step, hostile text, a budget miss and a regression. */
function sample(): Report {
  const baseline = report([scenario('Check out', [step('Open the cart', 5, [], 'passed', 6), step('Pay', 10, [], 'passed', 9)])]);
  const run = report([
    scenario('Check out', [
      step('Open the cart', 5, [finding('tap-target-size', 'high', 'link "Cart"')], 'passed', 6),
      step('Pay', 12, [finding('error-message', 'medium', 'p "Error"', HOSTILE)], 'failed', 9),
    ]),
    scenario('Return a shirt', [step('Start', 3, [], 'passed', 5), step('Print the label', 0, [finding('returns-dead-end', 'high', 'link "Call us"')], 'blocked', 8), step('Done', 0, [], 'skipped', 12)], 'scenarios/returns.yaml'),
  ]);
  run.scenarios[1]!.steps[1]!.reason = `tap: ${HOSTILE}`;
  const gate = decideGate(run, { budgets: [{ budget: { effort: 10 }, steps: [{ name: 'Open the cart' }, { name: 'Pay' }] }], baseline: { file: 'cx-baseline.json', report: baseline } });
  return { ...run, gate };
}

async function junitProblems(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [XSD] });
  return result.errors.map((e) => e.message);
}

describe('JUnit XML', () => {
  it('is valid against the Ant JUnit schema, with one test case per step and the right counts', async () => {
    const xml = renderJunit(sample());
    expect(await junitProblems(xml)).toEqual([]);
    expect(xml.match(/<testcase /g)).toHaveLength(5 + 1);
    expect(xml).toContain('<testsuite package="cx-shop" id="0" name="Check out"');
    expect(xml).toMatch(/name="Check out"[^>]* tests="3" failures="3" errors="0" skipped="0"/);
    expect(xml).toMatch(/name="Return a shirt"[^>]* tests="3" failures="1" errors="0" skipped="1"/);
    expect(xml).toContain('type="gate">budget: the scenario: effort 17.0 s is over the budget of 10 s');
    // A step not run says why (valid against the schema, checked above).
    expect(xml).toMatch(/<testcase name="03 Done"[^>]*>\s*<skipped message="not run"\/>/);
    expect(xml).toContain('regression: &quot;Check out&quot;, step &quot;Open the cart&quot;: new high tap-target-size');
    // Site text is escaped, and characters XML cannot hold are gone, a terminal's escape sequences whole.
    expect(xml).not.toContain('<img');
    expect(xml).toContain('&quot;quotes&quot;  ::error::owned');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('a run interrupted by Ctrl-C is a broken test case of its own, still valid against the schema', async () => {
    const xml = renderJunit({ ...sample(), interrupted: 'SIGINT' });
    expect(await junitProblems(xml)).toEqual([]);
    expect(xml).toMatch(/<testsuite [^>]*name="cx-shop run"[^>]* tests="1" failures="0" errors="1"/);
    expect(xml).toContain('<error message="interrupted by Ctrl-C: 2 journey(s) measured before it, the rest not run" type="interrupted">');
    expect(renderJunit(sample())).not.toContain('cx-shop run');
  });

  it('the validator can say no: a test case without its class name fails', async () => {
    const broken = renderJunit(sample()).replace(/ classname="[^"]*"/, '');
    expect((await junitProblems(broken)).join('\n')).toContain('classname');
  });
});

describe('SARIF 2.1.0', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(SARIF_SCHEMA);

  it('is valid against the OASIS schema; each finding a result of its rule at the line of its step', () => {
    const log = JSON.parse(renderSarif(sample()));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    const results = run.results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
    const dead = results.find((r) => r.ruleId === 'returns-dead-end')!;
    expect(dead.level).toBe('error');
    expect(dead.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'scenarios/returns.yaml' }, region: { startLine: 8 } });
    expect(results.find((r) => r.ruleId === 'error-message')!.level).toBe('warning');
    expect(results.filter((r) => r.ruleId === 'gate-budget')).toHaveLength(1);
    expect(results.filter((r) => r.ruleId === 'gate-regression').length).toBeGreaterThan(0);
    const ids = (run.tool.driver.rules as Array<{ id: string }>).map((r) => r.id);
    for (const result of results) expect(ids).toContain(result.ruleId);
  });

  it("a scenario file's path is a URI reference: segments percent-encoded, an absolute path a file: URI", () => {
    const run = sample();
    run.scenarios[1]!.file = 'journeys/my returns #2.yaml';
    const uriOf = (log: string) => (JSON.parse(log).runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>)
      .find((r) => r.ruleId === 'returns-dead-end')!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(uriOf(renderSarif(run))).toBe('journeys/my%20returns%20%232.yaml');
    run.scenarios[1]!.file = '/home/cx/shop tests/returns.yaml';
    expect(uriOf(renderSarif(run))).toBe('file:///home/cx/shop%20tests/returns.yaml');
    run.scenarios[1]!.file = 'C:\\cx\\returns.yaml';
    expect(uriOf(renderSarif(run))).toBe('file:///C:/cx/returns.yaml');
    const log = JSON.parse(renderSarif(run));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('an interrupted run is an execution that did not succeed, with the signal that stopped it', () => {
    const log = JSON.parse(renderSarif({ ...sample(), interrupted: 'SIGTERM' }));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].invocations[0]).toMatchObject({ executionSuccessful: false, exitSignalName: 'SIGTERM' });
    expect(JSON.parse(renderSarif(sample())).runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  it('a journey cx-shop could not finish measuring makes an execution that did not succeed, saying which and why', () => {
    const run = sample();
    run.scenarios[1] = { ...run.scenarios[1]!, status: 'error', reason: 'step 2 "Print the label": the page stopped answering' };
    const log = JSON.parse(renderSarif(run));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: 'Return a shirt: could not be measured: step 2 "Print the label": the page stopped answering' } },
    ]);
  });

  it('the validator can say no: a result without a message fails', () => {
    const log = JSON.parse(renderSarif(sample()));
    delete log.runs[0].results[0].message;
    expect(validate(log)).toBe(false);
  });
});

describe('Markdown and annotations', () => {
  it('Markdown: the verdict first, then regressions and budgets, then the journeys; nothing from the site becomes markup', () => {
    const run = sample();
    // A regression whose words came from the site: listed, and escaped.
    run.gate!.regressions.push({ kind: 'new-finding', scenario: 'Check out', message: HOSTILE });
    const md = renderMarkdown(run);
    expect(md).toContain('Sold out &lt;img src=x onerror=alert(1)&gt; \\[click\\](https://evil.test) &amp;');
    expect(md.split('\n')[2]).toMatch(/^❌ \*\*cx-shop: failed\*\*: \d+ regressions?, 1 budget miss, 2 scenarios not passed$/);
    expect(md.indexOf('### Regressions')).toBeLessThan(md.indexOf('### Journeys'));
    expect(md).toContain('| Return a shirt | blocked |');
    // Why each journey that did not pass stopped: where, and the step's reason.
    expect(md).toContain('### Why journeys stopped (2)\n\n- Check out: step 2 "Pay" failed\n- Return a shirt: step 2 "Print the label" blocked: tap: Sold out &lt;img');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('[click](');
    expect(md).not.toMatch(/[\u0000-\u0008\u001b]/);
  });

  it('Markdown lists the journeys cx-shop could not finish measuring, with why, before the journeys', () => {
    const run = sample();
    run.scenarios[1] = { ...run.scenarios[1]!, name: 'Returns & exchanges_v2', status: 'error', reason: 'step 2 "Print the label": net::ERR_CONNECTION_REFUSED' };
    const md = renderMarkdown(run);
    // Escaped once, as any line of a list.
    expect(md).toContain('### Could not be measured (1)\n\n- Returns &amp; exchanges\\_v2: step 2 "Print the label": net::ERR\\_CONNECTION\\_REFUSED');
    expect(md.indexOf('### Could not be measured')).toBeLessThan(md.indexOf('### Journeys'));
    expect(renderMarkdown(sample())).not.toContain('Could not be measured');
  });

  it('Markdown and HTML of an interrupted run say so first, not passed or failed', () => {
    const interrupted = { ...report([scenario('Check out', [step('Open the cart', 5, [], 'passed', 6)])]), interrupted: 'SIGINT' as const };
    const md = renderMarkdown(interrupted);
    expect(md.split('\n')[2]).toBe('⏹ **cx-shop: interrupted** (Ctrl-C): the journeys below were measured before it, the rest were not run');
    const html = renderHtml(interrupted, { outDir: '/nonexistent' });
    expect(html).toContain('<strong>Interrupted</strong>: stopped by Ctrl-C; the 1 journey below was measured before it, the rest were not run.');
    expect(html).not.toContain('<strong>Passed</strong>');
  });

  it('GitHub annotations: on the step\'s line, most severe first, and a message cannot start a command of its own', () => {
    const lines = renderGithub(sample()).trimEnd().split('\n');
    // Why a journey stopped comes first, on its step's line (the step that failed without a reason has no more to say).
    expect(lines[0]).toMatch(/^::error file=scenarios\/returns\.yaml,line=8,title=cx-shop%3A Return a shirt blocked::Print the label: tap: Sold out /);
    expect(lines[1]).toMatch(/^::error file=scenarios\/check-out\.yaml,line=6,title=cx-shop tap-target-size::/);
    expect(lines.every((line) => line.startsWith('::'))).toBe(true);
    expect(lines.filter((line) => line.includes('owned')).map((line) => line.slice(0, line.indexOf(' ')))).toEqual(['::error', '::warning']);
  });
});

describe('the reporter registry', () => {
  it('parses name and name=path, and says what is wrong with an unknown one', () => {
    expect(parseReporter('junit')).toEqual({ name: 'junit' });
    expect(parseReporter('sarif=out/x.sarif')).toEqual({ name: 'sarif', path: 'out/x.sarif' });
    expect(parseReporter('pdf')).toBe(`unknown reporter "pdf" (known: ${Object.keys(REPORTERS).join(', ')})`);
  });

  it("takes away an earlier run's report, formats, artifacts and repeats from a reused folder, and nothing of the project's own", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-reporters-'));
    const all = (['json', 'junit', 'markdown', 'sarif', 'html'] as const).map((name) => ({ name }));
    const earlier = sample();
    await writeReports(earlier, all, dir, [], {});
    await writeReports(earlier, all, join(dir, 'repeats', '2'), [], {});
    for (const run of [dir, join(dir, 'repeats', '2')]) {
      mkdirSync(join(run, 'scenarios', '01-check-out'), { recursive: true });
      for (const file of ['artifacts.json', '01-open-the-cart.png', '01-open-the-cart-1-tap-target-size.png']) writeFileSync(join(run, 'scenarios', '01-check-out', file), 'earlier');
    }
    // The project's own (cx-shop run with --out . at its root): its scenarios in a folder named scenarios/ too.
    mkdirSync(join(dir, 'scenarios', '02-returns'), { recursive: true });
    writeFileSync(join(dir, 'scenarios', 'home.yaml'), 'name: Home');
    writeFileSync(join(dir, 'scenarios', '02-returns', 'returns.yaml'), 'name: Returns');
    writeFileSync(join(dir, 'repeats', 'important.txt'), 'mine');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await clearEarlierRun(dir);
    const left = readdirSync(dir, { recursive: true }).map(String).sort();
    expect(left).toEqual(['notes.txt', 'repeats', 'repeats/important.txt', 'scenarios', 'scenarios/02-returns', 'scenarios/02-returns/returns.yaml', 'scenarios/home.yaml']);
  });

  it("leaves files of the project's own named as cx-shop's formats are; an earlier run of no scenarios goes", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-reporters-'));
    const own = { 'junit.xml': '<?xml version="1.0"?><testsuites><testsuite package="unit" name="api"/></testsuites>', 'summary.md': '# Sprint 12', 'report.html': '<!doctype html><title>Q3</title>', 'report.json': '{"tool":{"name":"lighthouse"}}', 'cx-shop.sarif': '{"runs":[{"tool":{"driver":{"name":"eslint"}}}]}' };
    for (const [file, text] of Object.entries(own)) writeFileSync(join(dir, file), text);
    await clearEarlierRun(dir);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(own).sort());
    const empty = mkdtempSync(join(tmpdir(), 'cx-shop-reporters-'));
    await writeReports({ ...report([]), gate: undefined }, [{ name: 'json' }, { name: 'junit' }], empty, [], {});
    expect(readdirSync(empty).sort()).toEqual(['junit.xml', 'report.json']);
    await clearEarlierRun(empty);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('writes each format; a reporter that throws is reported and the others still write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-reporters-'));
    // A finding without evidence (a report edited by hand) is more than SARIF can locate: that reporter throws.
    const broken = sample();
    broken.scenarios[0]!.steps[0]!.findings[0]!.evidence = null as never;
    const outcomes = await writeReports(broken, [{ name: 'sarif' }, { name: 'markdown' }], dir, [], {});
    expect(outcomes[0]!.failure).toBeTruthy();
    expect(outcomes[1]).toEqual({ name: 'markdown', wrote: join(dir, 'summary.md') });
    expect(existsSync(join(dir, 'cx-shop.sarif'))).toBe(false);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('cx-shop');
  });

  it('Markdown also goes to $GITHUB_STEP_SUMMARY when it is set; secrets are masked in every format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-reporters-'));
    const summary = join(dir, 'step-summary.md');
    const run = sample();
    run.scenarios[0]!.steps[0]!.findings[0]!.message = 'shows card 4242 4242 4242 4242';
    run.gate!.regressions.push({ kind: 'new-finding', scenario: 'Check out', message: 'the page shows card 4242 4242 4242 4242' });
    await writeReports(run, [{ name: 'markdown' }, { name: 'sarif' }], dir, ['4242424242424242'], { GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, 'utf8')).toContain('## Customer experience (cx-shop)');
    for (const file of ['summary.md', 'cx-shop.sarif']) {
      expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/4242/);
      expect(readFileSync(join(dir, file), 'utf8')).toContain('•••');
    }
  });
});

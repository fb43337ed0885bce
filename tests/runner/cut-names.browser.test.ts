/**
 * A name longer than a finding quotes is cut, and marked cut ("…"), in real Chromium: where the cut goes through a
 * secret the customer typed (a password reset that says back the address it sent the link to), what is left of the
 * secret is masked in the findings and the saved artifacts, not shown from its start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { redactJson } from '../../src/output/safe.js';
import { scenarioFolder } from '../../src/runner/run-scenario.js';
import { pageScenario, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();
const EMAIL = 'jane.doe@example.com';

beforeAll(() => {
  process.env.CX_TEST_RESET_EMAIL = EMAIL;
});
afterAll(() => {
  delete process.env.CX_TEST_RESET_EMAIL;
});

it('masks the start of a secret a finding cut its words through', async () => {
  const steps = [
    '  - name: Enter my email',
    '    type: { label: Email address, text: "${env.CX_TEST_RESET_EMAIL}" }',
    '  - name: Send the link',
    '    tap: { role: button, name: Send reset link }',
    '    expect: { text: so you can reset it }',
    '',
  ].join('\n');
  const result = await fixtures.run(pageScenario('secrets', 'forgot.html', { steps }));
  expect(result.steps.map((step) => step.status)).toEqual(['passed', 'passed', 'passed']);
  const quoted = result.steps[2]!.findings.map((finding) => String(finding.evidence?.element ?? ''));
  // The words as the page says them, cut where the address begins: what leaves cx-shop holds none of it.
  expect(quoted).toContain(`p "If that address has an account, we've sent a link to jane.do…"`);
  const report = redactJson(JSON.stringify(result), [EMAIL]);
  expect(report).toContain(`we've sent a link to •••…`);
  expect(report).not.toContain('jane.do');
  const artifacts = readFileSync(join(result.outDir, scenarioFolder(0, 'fixture'), 'artifacts.json'), 'utf8');
  expect(artifacts).toContain("we've sent a link to");
  expect(artifacts).not.toContain('jane.do');
});

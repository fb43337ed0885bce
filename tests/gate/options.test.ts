/** The gate's options are checked before anything runs: each mistake is a usage error that says what to write. */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareGate } from '../../src/cli/gate.js';
import { UsageError } from '../../src/cli/errors.js';
import { report, scenario, step } from '../helpers/report.js';

const problem = (options: Parameters<typeof prepareGate>[0]) => prepareGate(options, {}).then(() => null, (error: UsageError) => `${error.message} | ${error.hint ?? ''}`);

describe('gate options', () => {
  it('refuses a bad severity, repeat count or reporter, and timing without repeats and a baseline', async () => {
    expect(await problem({ failOn: 'critical' })).toBe('--fail-on "critical" is not a severity | one of high, medium, low');
    expect(await problem({ repeat: '0' })).toContain('--repeat "0" is not a whole number from 1 to 20');
    expect(await problem({ reporter: ['pdf'] })).toContain('unknown reporter "pdf"');
    expect(await problem({ reporter: ['junit='] })).toContain('needs a path after =');
    expect(await problem({ gateTiming: true, repeat: '2' })).toContain('--gate-timing needs --repeat 3 or more and a --baseline');
  });

  it('refuses a baseline that is missing, not JSON, or not a cx-shop report, saying which', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-shop-gate-options-'));
    expect(await problem({ baseline: join(dir, 'none.json') })).toMatch(/^cannot read the baseline .*none\.json \(ENOENT\)/);
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    expect(await problem({ baseline: join(dir, 'bad.json') })).toMatch(/bad\.json is not valid JSON/);
    // On one line, whatever the parser quotes of the file (here a line break).
    writeFileSync(join(dir, 'text.json'), 'vm\n');
    expect(await problem({ baseline: join(dir, 'text.json') })).toMatch(/^the baseline .*text\.json is not valid JSON: [^\n]*$/);
    writeFileSync(join(dir, 'other.json'), '{"scenarios": []}');
    expect(await problem({ baseline: join(dir, 'other.json') })).toMatch(/other\.json is not a cx-shop report/);
    // One that looks like a report at the top but is cut short or edited: said before the run, where it is short.
    writeFileSync(join(dir, 'shallow.json'), JSON.stringify({ ...report([scenario('A', [step('S', 1)])]), scenarios: [{ name: 'A' }] }));
    expect(await problem({ baseline: join(dir, 'shallow.json') })).toMatch(/shallow\.json is not a whole cx-shop report: scenarios\[0\]\.file is missing/);
    writeFileSync(join(dir, 'good.json'), JSON.stringify(report([scenario('A', [step('S', 1)])])));
    const gate = await prepareGate({ baseline: join(dir, 'good.json'), reporter: ['junit', 'sarif=x.sarif'] }, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '/tmp/summary' });
    // In GitHub Actions the annotations and the job summary come by themselves.
    expect(gate.reporters).toEqual([{ name: 'junit' }, { name: 'sarif', path: 'x.sarif' }, { name: 'github' }, { name: 'markdown' }]);
    expect(gate.baseline?.report.scenarios).toHaveLength(1);
  });
});

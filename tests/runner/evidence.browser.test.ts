/**
 * Through the whole runner, in real Chromium: accessibility and speed findings reach the step, each finding
 * with a box carries a crop of its element, and timing findings never add to the gate-able effort.
 * Crops are cut from the step's saved screenshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsOf, useFixtures } from '../helpers/browser.js';

const fixtures = useFixtures();

/** Width and height from a PNG's header. */
function pngSize(path: string): { width: number; height: number } {
  const header = readFileSync(path).subarray(0, 24);
  expect(header.subarray(1, 4).toString()).toBe('PNG');
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

describe('evidence from a run', () => {
  it('reports axe-core violations of a new page state, each with a crop of its element', async () => {
    const result = await fixtures.run('name: a11y\nsteps:\n  - name: Open\n    goto: /a11y/bad.html\n');
    const rules = findingsOf(result, 'accessibility').map((f) => f.evidence.axeRule);
    expect(rules).toEqual(expect.arrayContaining(['button-name', 'image-alt', 'label', 'color-contrast']));
    expect(rules).not.toContain('target-size');
    const label = findingsOf(result, 'accessibility').find((f) => f.evidence.axeRule === 'label')!;
    expect(label.severity).toBe('high');
    expect(label.evidence.crop).toMatch(/^scenarios\/01-a11y\/01-open-\d+-accessibility\.png$/);
    const box = label.evidence.box as { x: number; y: number; width: number; height: number };
    const crop = pngSize(join(result.outDir, label.evidence.crop as string));
    // Cut from the saved screenshot (in CSS pixels): the element plus up to 8 px around it.
    expect(crop.width).toBeGreaterThanOrEqual(Math.floor(box.width));
    expect(crop.width).toBeLessThanOrEqual(Math.ceil(box.width) + 17);
    expect(crop.height).toBeGreaterThanOrEqual(Math.floor(box.height));
    expect(crop.height).toBeLessThanOrEqual(Math.ceil(box.height) + 17);
  });

  it('records a long task after a tap as a timing finding that adds nothing to the effort', async () => {
    const result = await fixtures.run(
      'name: busy\nsteps:\n  - name: Open\n    goto: /speed/busy.html\n  - name: Run the report\n    tap: Run report\n',
    );
    const [longTask] = findingsOf(result, 'long-task');
    expect(longTask).toMatchObject({ class: 'timing', area: 'speed', severity: 'medium' });
    const step = result.steps[1]!;
    // Recovery comes only from what friction forced the customer to do; a slow page forces nothing.
    expect(step.recovery.map((item) => item.rule)).not.toContain('long-task');
    expect(step.effortBreakdown.recovery).toBeCloseTo(step.recovery.reduce((sum, item) => sum + item.seconds, 0), 3);
  });

  // axe-core on a long page keeps the main thread busy for hundreds of milliseconds in one go: cx-shop's own work.
  it("does not blame the site for long tasks of cx-shop's own look (picture, accessibility check) on a long, quiet page", async () => {
    const result = await fixtures.run(
      `name: long catalogue
device: Desktop Chrome
steps:
  - name: Open
    goto: /speed/big-quiet.html
  - name: Sort
    tap: Sort by price
`,
    );
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    // The page was checked (its accessibility findings are there), and nothing after the tap is a long task.
    expect(findingsOf(result, 'accessibility').length).toBeGreaterThan(0);
    expect(result.steps[1]!.findings.filter((f) => f.rule === 'long-task')).toEqual([]);
    // axe-core on 1500 rows takes most of a minute on a busy shared machine.
  });
});

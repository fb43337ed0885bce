/** The terminal report: one line per step in its table, whatever a scenario's names hold. */
import { describe, expect, it } from 'vitest';
import { formatFinding, formatScenario } from '../../src/reporters/terminal.js';
import { scenario, step } from '../helpers/report.js';

const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('formatScenario', () => {
  it('shows a step name written over two lines, with a tab and a bell in it, on one line of the table', () => {
    const out = plain(formatScenario(scenario('Track\nmy order', [step('Open the page', 0), step('Type it\nacross two lines\t| with \u0007a bell', 11)])));
    const lines = out.split('\n');
    expect(lines[1]).toMatch(/^Track my order  /);
    const rows = lines.filter((line) => /^\s+\d+\s{2}/.test(line));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Type it across two lines | with a bell');
    expect(rows[1]).toContain('✓ passed');
    expect(out).not.toContain('\u0007');
  });
});

describe('formatFinding', () => {
  const finding = (element: string, selector: string) => ({
    rule: 'accessibility',
    area: 'accessibility',
    severity: 'high' as const,
    title: 'Breaks an accessibility rule',
    message: '1 element: Buttons must have discernible text (button-name)',
    evidence: { element, selector },
    source: 'axe-core',
    class: 'deterministic' as const,
  });

  it('says where in the page an element with no name of its own is; a named one by its name alone', () => {
    expect(plain(formatFinding(finding('button', 'header > .wish'))).split('\n')[0]).toBe('      HIGH   Breaks an accessibility rule — button (header > .wish)');
    expect(plain(formatFinding(finding('button "Add to bag"', '#add'))).split('\n')[0]).toBe('      HIGH   Breaks an accessibility rule — button "Add to bag"');
  });
});

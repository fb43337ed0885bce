/**
 * From artifacts to the findings a step reports: run the rules, apply the scenario's and step's rule settings,
 * drop what this scenario reported already on an earlier page state, and crop a picture of each element.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright';
import type { Finding } from '../report/types.js';
import { withSetting } from '../rules/findings.js';
import { applyRules, rules, type RuleId } from '../rules/index.js';
import type { EvidenceItem } from '../rules/support/items.js';
import type { RulesConfig } from '../scenario/schema.js';
import type { Box, StepArtifacts } from './artifacts.js';

/** At most this many element crops per step: enough to show each finding, bounded for pages full of them. */
const MAX_CROPS = 12;
const CROP_MARGIN = 8;

export function judge(artifacts: StepArtifacts, config: RulesConfig, reported: Set<string>): Finding[] {
  const findings: Finding[] = [];
  for (const finding of applyRules(artifacts)) {
    const set = withSetting(finding, config[finding.rule as RuleId]);
    const kept = set && rules[finding.rule as RuleId]?.scope === 'page' ? firstReport(set, reported) : set;
    if (kept) findings.push(kept);
  }
  return findings;
}

/**
 * The same page problem on several pages (a tiny navigation bar, a locked zoom) is one thing to fix: each
 * element is reported the first time the scenario meets it.
 */
function firstReport(finding: Finding, reported: Set<string>): Finding | null {
  const items = finding.evidence.items as EvidenceItem[] | undefined;
  if (!items) {
    const key = [finding.rule, finding.evidence.element, finding.evidence.selector, finding.evidence.measured].join('|');
    if (reported.has(key)) return null;
    reported.add(key);
    return finding;
  }
  const fresh = items.filter((item) => {
    const key = [finding.rule, finding.severity, item.selector, item.text ?? item.element].join('|');
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  });
  if (fresh.length === 0) return null;
  if (fresh.length === items.length) return finding;
  const [first] = fresh;
  return {
    ...finding,
    message: `${finding.message} (${fresh.length} not reported on an earlier page)`,
    evidence: { ...finding.evidence, element: first!.element, selector: first!.selector, box: first!.box, count: fresh.length, items: fresh },
  };
}

/** Crops the element of each finding out of the page as it is now, and adds the picture to the evidence. */
export async function cropEvidence(page: Page, findings: Finding[], outDir: string, stem: string, masked: string): Promise<void> {
  let made = 0;
  for (const [i, finding] of findings.entries()) {
    const box = finding.evidence.box as Box | null | undefined;
    if (!box || box.width <= 0 || box.height <= 0 || made >= MAX_CROPS) continue;
    const relative = `${stem}-${i + 1}-${finding.rule}.png`;
    const path = join(outDir, relative);
    const clip = {
      x: Math.max(0, box.x - CROP_MARGIN),
      y: Math.max(0, box.y - CROP_MARGIN),
      width: box.width + 2 * CROP_MARGIN,
      height: box.height + 2 * CROP_MARGIN,
    };
    try {
      await mkdir(dirname(path), { recursive: true });
      await page.screenshot({ path, clip, fullPage: true, timeout: 5000, mask: [page.locator(masked)] });
      finding.evidence.crop = relative.split('\\').join('/');
      made += 1;
    } catch {
      // A box outside the page (the element moved or went away) has no picture; the finding stands without one.
    }
  }
}

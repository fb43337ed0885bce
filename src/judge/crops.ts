/**
 * Pictures of each finding's element, cut from the step's saved full-page screenshot (already masked): the live
 * page is never touched, so judging changes nothing the customer sees, and a re-judge makes the same pictures.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Box, StepScreenshot } from '../artifacts/types.js';
import type { StepResult } from '../report/types.js';
import { encodePng } from '../output/png.js';

/** At most this many element crops per step: enough to show each finding, bounded for pages full of them. */
const MAX_CROPS = 12;
const CROP_MARGIN = 8;

/** Adds `evidence.crop` to the findings of a step whose element lies inside its screenshot. */
export async function cropEvidence(outDir: string, step: StepResult, screenshot: StepScreenshot | null): Promise<void> {
  if (!screenshot) return;
  let image: PNG | null = null;
  let made = 0;
  for (const [i, finding] of step.findings.entries()) {
    const box = finding.evidence.box as Box | null | undefined;
    if (!box || box.width <= 0 || box.height <= 0 || made >= MAX_CROPS) continue;
    const x0 = Math.max(0, Math.floor(box.x - screenshot.offset.x - CROP_MARGIN));
    const y0 = Math.max(0, Math.floor(box.y - screenshot.offset.y - CROP_MARGIN));
    image ??= await readFile(join(outDir, screenshot.path)).then((bytes) => PNG.sync.read(bytes), () => null);
    if (!image) return;
    const x1 = Math.min(image.width, Math.ceil(box.x - screenshot.offset.x + box.width + CROP_MARGIN));
    const y1 = Math.min(image.height, Math.ceil(box.y - screenshot.offset.y + box.height + CROP_MARGIN));
    // An element outside the picture (gone, or on a part of a very long page left out) has no crop.
    if (x1 - x0 < 2 || y1 - y0 < 2) continue;
    const crop = new PNG({ width: x1 - x0, height: y1 - y0 });
    PNG.bitblt(image, crop, x0, y0, x1 - x0, y1 - y0, 0, 0);
    const relative = `${screenshot.path.replace(/\.png$/, '')}-${i + 1}-${finding.rule}.png`;
    await writeFile(join(outDir, relative), encodePng(crop));
    finding.evidence.crop = relative;
    made += 1;
  }
}

/**
 * A step's screenshot made fit for the HTML report: scaled down to a readable width, cut to a window of bounded
 * height around what the findings point at, and compressed as JPEG, so a long run stays a file of a few megabytes.
 * The screenshot on disk is already masked (passwords, card fields, secrets): nothing is unmasked here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Box } from '../../artifacts/types.js';

/** Width of a picture in the report, in image pixels (about the width of a phone screen shown at 1.2×). */
export const PICTURE_WIDTH = 480;
/** Most height of a picture, in image pixels: a long page is shown as the window the findings are in. */
export const PICTURE_MAX_HEIGHT = 1600;
const QUALITY = 70;

export interface Picture {
  /** A data: address of the JPEG. */
  src: string;
  width: number;
  height: number;
  /** Maps a box in page CSS pixels to percentages of the picture, or null when it lies outside the window. */
  place(box: Box): { left: number; top: number; width: number; height: number } | null;
}

export function loadPicture(outDir: string, path: string, geometry: { width: number; height: number; offset: { x: number; y: number } }, focus: Box[]): Picture | null {
  let image: PNG;
  try {
    image = PNG.sync.read(readFileSync(join(outDir, path)));
  } catch {
    return null;
  }
  // The picture's pixels per CSS pixel (1 for cx-shop's captures; kept general for pictures of other scales).
  const density = image.width / Math.max(1, geometry.width);
  const scale = Math.min(1, PICTURE_WIDTH / image.width);
  const windowHeight = Math.min(image.height, Math.floor(PICTURE_MAX_HEIGHT / scale));
  // The window starts a little above the highest element a finding points at, and never runs past the end.
  const tops = focus.map((box) => (box.y - geometry.offset.y) * density).filter((y) => y >= 0 && y < image.height);
  const start = Math.max(0, Math.min(image.height - windowHeight, Math.floor((tops.length > 0 ? Math.min(...tops) : 0) - 120 * density)));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(windowHeight * scale));
  const data = downscale(image, start, windowHeight, width, height);
  const encoded = jpeg.encode({ data, width, height }, QUALITY).data;
  return {
    src: `data:image/jpeg;base64,${Buffer.from(encoded).toString('base64')}`,
    width,
    height,
    place(box) {
      const x = (box.x - geometry.offset.x) * density;
      const y = (box.y - geometry.offset.y) * density - start;
      const w = box.width * density;
      const h = box.height * density;
      if (w <= 0 || h <= 0 || x + w <= 0 || y + h <= 0 || x >= image.width || y >= windowHeight) return null;
      const pct = (value: number, whole: number) => Math.round((value / whole) * 10_000) / 100;
      const left = Math.max(0, x);
      const top = Math.max(0, y);
      return {
        left: pct(left, image.width),
        top: pct(top, windowHeight),
        width: pct(Math.min(image.width, x + w) - left, image.width),
        height: pct(Math.min(windowHeight, y + h) - top, windowHeight),
      };
    },
  };
}

/** Averages each block of source pixels into one (a box filter): sharp enough for text at these scales. */
function downscale(image: PNG, startRow: number, rows: number, width: number, height: number): Buffer {
  const out = Buffer.alloc(width * height * 4);
  const sx = image.width / width;
  const sy = rows / height;
  for (let y = 0; y < height; y++) {
    const y0 = startRow + Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, startRow + Math.floor((y + 1) * sy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let yy = y0; yy < y1 && yy < image.height; yy++) {
        for (let xx = x0; xx < x1 && xx < image.width; xx++) {
          const i = (yy * image.width + xx) * 4;
          // Transparent pixels are shown as white, as a page's background would be.
          const a = image.data[i + 3]! / 255;
          r += image.data[i]! * a + 255 * (1 - a);
          g += image.data[i + 1]! * a + 255 * (1 - a);
          b += image.data[i + 2]! * a + 255 * (1 - a);
          n += 1;
        }
      }
      const o = (y * width + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return out;
}

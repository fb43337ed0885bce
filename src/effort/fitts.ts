import type { Box } from '../artifacts/types.js';
import { OPERATORS } from './operators.js';

export interface Point {
  x: number;
  y: number;
}

export function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where pointing starts on a new page session: a thumb rests at the bottom centre, a mouse at the centre. */
export function restingPoint(touch: boolean, viewport: { width: number; height: number }): Point {
  return touch ? { x: viewport.width / 2, y: viewport.height } : { x: viewport.width / 2, y: viewport.height / 2 };
}

/** Seconds to move to and tap or click a target of the given box from a point (Fitts' law). */
export function pointingTime(from: Point, box: Box, touch: boolean, click = true): number {
  const target = centre(box);
  const distance = Math.hypot(target.x - from.x, target.y - from.y);
  // The effective width is the smaller side; a box under one pixel is treated as one pixel.
  const width = Math.max(1, Math.min(box.width, box.height));
  if (touch) return OPERATORS.touchA + OPERATORS.touchB * Math.log2(distance / width + 1);
  const move = Math.max(OPERATORS.mouseMin, OPERATORS.mouseB * Math.log2(distance / width + 0.5));
  return move + (click ? OPERATORS.mouseClick : 0);
}

/** Small statistics for guided runs: medians and Spearman's rank correlation. */

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Ranks from 1, ties sharing the mean of the ranks they span. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) out[order[k]!.index] = rank;
    i = j + 1;
  }
  return out;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks (ties averaged). Null with fewer than 3 pairs, or
 * when either side is all one value (no order to compare).
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < 3) return null;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (rx.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i += 1) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.round((sxy / Math.sqrt(sxx * syy)) * 1000) / 1000;
}

export function spread(values: readonly number[]): { median: number | null; min: number | null; max: number | null } {
  return { median: median(values), min: values.length ? Math.min(...values) : null, max: values.length ? Math.max(...values) : null };
}

/** "42 s (30–61 s)": a median and its range, for reports; a dash when there is none. */
export function formatSpread(r: { median: number | null; min: number | null; max: number | null }, unit = ''): string {
  const num = (x: number | null) => (x === null ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(1));
  return r.median === null ? '–' : `${num(r.median)}${unit} (${num(r.min)}–${num(r.max)}${unit})`;
}

/**
 * "Did you mean" for keys, device names and enum values. Matching ignores case, spaces and punctuation, so
 * `iphone13` finds "iPhone 13" and `base_url` finds "baseUrl".
 */

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Edit distance where swapping two neighbouring letters counts as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/** The known words closest to what was written, best first (at most `limit`); empty when none is close. */
export function closestMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = normalize(input);
  if (!wanted) return [];
  const tolerance = Math.max(1, Math.floor(wanted.length / 3));
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    const known = normalize(candidate);
    const distance = editDistance(wanted, known);
    if (distance <= tolerance) scored.push({ candidate, score: distance });
    // A shortened word ("promo" for "promo-code") is a weaker match than a typo.
    else if (wanted.length >= 3 && (known.startsWith(wanted) || wanted.startsWith(known))) {
      scored.push({ candidate, score: tolerance + 1 });
    }
  }
  if (scored.length === 0) return [];
  const best = Math.min(...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score === best)
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** `did you mean "a"?` or `did you mean "a" or "b"?`; undefined when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const matches = closestMatches(input, candidates);
  if (matches.length === 0) return undefined;
  return `did you mean ${matches.map((m) => JSON.stringify(m)).join(' or ')}?`;
}

/**
 * Regular expressions written in scenarios (`url: /pattern/flags`): checked when the file is validated, so a bad
 * one is a located problem, not a crash mid-run; and kept from taking forever on a long address.
 */
import { z } from 'zod';

/**
 * `/pattern/flags`, or null for a plain substring. Only regular-expression flags count as flags, so an address path
 * such as `/api/payment` stays a substring.
 */
export function regexParts(text: string): { source: string; flags: string } | null {
  const match = /^\/(.+)\/([dgimsuy]*)$/.exec(text);
  return match ? { source: match[1]!, flags: match[2]! } : null;
}

/** Nested quantifiers such as (a+)+ or (\w*)*: patterns that backtrack without end on a near-miss. */
const CATASTROPHIC = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;

/** What is wrong with a `/pattern/flags` text, or null when it is fine (or is no regular expression at all). */
export function regexProblem(text: string): string | null {
  const parts = regexParts(text);
  if (!parts) return null;
  try {
    new RegExp(parts.source, parts.flags);
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  if (CATASTROPHIC.test(parts.source)) {
    return 'repeats a group that itself repeats (like (a+)+): it can take minutes on one address; write it without the nested repeat';
  }
  return null;
}

/** `/pattern/flags` is a regular expression; anything else is a substring of the address. */
export function urlMatcher(pattern: string): (url: string) => boolean {
  const parts = regexParts(pattern);
  if (parts) {
    // g and y would make one compiled pattern remember where it last matched: every other address would miss.
    const compiled = new RegExp(parts.source, parts.flags.replace(/[gy]/g, ''));
    // Validation refused nested repeats; a cap on the address bounds what is left.
    return (url) => compiled.test(url.slice(0, 2048));
  }
  return (url) => url.includes(pattern);
}

/** An address pattern in a scenario (a substring, or /a regular expression/), checked when the file is validated. */
export const AddressPatternSchema = z
  .string()
  .min(1)
  .superRefine((pattern, ctx) => {
    const problem = regexProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * Turns zod's issue tree into the flat list of issues worth showing. A union that fails reports every branch's
 * issues; a person only wants those of the branch they were writing, which is the one that fits the shape of
 * what they wrote.
 */
import type { z } from 'zod';
import type { PathSegment } from './problems.js';
import { plainType, quoteLiteral } from './words.js';

type Issue = z.core.$ZodIssue;

type WithFullPath<T> = T extends unknown ? Omit<T, 'path'> & { path: PathSegment[] } : never;

/** An issue with its full path, or a value whose shape fits no branch of a union. */
export type FlatIssue =
  | WithFullPath<Exclude<Issue, { code: 'invalid_union' }>>
  | { code: 'no_branch_fits'; path: PathSegment[]; expected: string[]; message: string }
  | { code: 'one_key_needed'; path: PathSegment[]; keys: string[]; message: string };

function identity(issue: FlatIssue): string {
  const keys = 'keys' in issue ? issue.keys.join(',') : '';
  return `${issue.code} ${JSON.stringify(issue.path)} ${keys} ${issue.message}`;
}

/** True when a branch rejected the value for its basic shape (text where it wants a mapping, and so on). */
function rejectsShape(branch: readonly Issue[]): boolean {
  return branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'));
}

/** What a branch that rejects the shape wanted, in words: "text", "a mapping (key: value)", '"bottom"'. */
function expectedShape(branch: readonly Issue[]): string[] {
  return branch.flatMap((i) => {
    if (i.path.length > 0) return [];
    if (i.code === 'invalid_type') return [plainType(i.expected)];
    if (i.code === 'invalid_value') return i.values.map(quoteLiteral);
    return [];
  });
}

function chooseBranch(union: Issue & { code: 'invalid_union' }, path: PathSegment[]): FlatIssue[] {
  const fitting = union.errors.filter((branch) => !rejectsShape(branch));
  if (fitting.length === 0) {
    const expected = [...new Set(union.errors.flatMap(expectedShape))];
    return [{ code: 'no_branch_fits', path, expected, message: union.message }];
  }
  const candidates = fitting.map((branch) => flattenIssues(branch, path));
  const fewest = Math.min(...candidates.map((c) => c.length));
  const closest = candidates.filter((c) => c.length === fewest);
  if (closest.length === 1) return closest[0]!;
  // Several branches fit equally badly (an unknown key in a union of one-key mappings): what they agree on
  // is the real mistake.
  const shared = closest[0]!.filter((issue) => closest.every((c) => c.some((other) => identity(other) === identity(issue))));
  if (shared.length > 0) return shared;
  // A union of one-key mappings given none of its keys (`wait: {}`): say which keys would do.
  const wanted = closest.map(([only, ...others]) =>
    others.length === 0 && only?.code === 'invalid_type' && only.path.length === path.length + 1 ? only.path.at(-1) : undefined,
  );
  if (wanted.every((key) => typeof key === 'string')) {
    return [{ code: 'one_key_needed', path, keys: wanted as string[], message: union.message }];
  }
  return closest[0]!;
}

/** Flattens issues (paths relative to `prefix`) into issues with full paths, resolving unions. */
export function flattenIssues(issues: readonly Issue[], prefix: PathSegment[] = []): FlatIssue[] {
  const flat: FlatIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) flat.push(...chooseBranch(issue, path));
    else flat.push({ ...issue, path } as WithFullPath<typeof issue> as FlatIssue);
  }
  const unique = new Map(flat.map((issue) => [identity(issue), issue]));
  return [...unique.values()];
}

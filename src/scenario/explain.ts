/**
 * Each validation issue becomes one readable complaint, located later (see locate.ts). Unions are resolved to
 * the branch that fits what was written, and complaints that only follow from a typo are left out.
 */
import type { z } from 'zod';
import { explainOne, isMapping, valueAt, type Complaint, type Context } from './issue-messages.js';
import { formatPath } from './problems.js';
import { allowedKeysAt } from './schema-walk.js';
import { closestMatches } from './suggest.js';
import { flattenIssues, type FlatIssue } from './union-issues.js';

export type { Complaint } from './issue-messages.js';

/**
 * The input with each unknown key renamed to the known key it most likely meant, or undefined when no key
 * has a likely meaning.
 */
function withTyposCorrected(issues: readonly FlatIssue[], ctx: Context): unknown {
  const corrected: unknown = structuredClone(ctx.input);
  let changed = false;
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const mapping = valueAt(corrected, issue.path);
    if (!isMapping(mapping)) continue;
    const allowed = allowedKeysAt(ctx.schema, issue.path);
    for (const key of issue.keys) {
      const meant = closestMatches(key, allowed)[0];
      if (meant === undefined || meant in mapping) continue;
      mapping[meant] = mapping[key];
      delete mapping[key];
      changed = true;
    }
  }
  return changed ? corrected : undefined;
}

function explainAll(issues: readonly FlatIssue[], ctx: Context): Complaint[] {
  return issues.flatMap((issue) => explainOne(issue, ctx));
}

/** Explains zod's issues for `input` (the data before validation) as complaints, one per mistake. */
export function explainIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  schema: z.ZodType,
  secrets: readonly string[],
): Complaint[] {
  const ctx: Context = { schema, input, secrets };
  const flat = flattenIssues(issues);
  const complaints = explainAll(flat, ctx);
  const corrected = withTyposCorrected(flat, ctx);
  if (corrected === undefined) return complaints;

  // A complaint that goes away once the typos are corrected ("a step needs an action" next to `tapp`,
  // `missing "option"` next to `optoin`) is a consequence of a typo, not a mistake of its own.
  const recheck = schema.safeParse(corrected);
  const remaining = new Set(
    explainAll(flattenIssues(recheck.error?.issues ?? []), { ...ctx, input: corrected }).map(
      (c) => `${formatPath(c.path)} ${c.message}`,
    ),
  );
  return complaints.filter((c) => c.anchor === 'key' || remaining.has(`${formatPath(c.path)} ${c.message}`));
}

/**
 * The sentence for each kind of validation issue: words a CX person can act on, with a hint when there is
 * one; never zod's own wording.
 */
import type { z } from 'zod';
import { DEVICE_NAMES } from './device-names.js';
import type { Anchor } from './locate.js';
import { formatPath, type PathSegment } from './problems.js';
import { allowedKeysAt, descriptionAt } from './schema-walk.js';
import { choicesFor, type UnknownName } from './names.js';
import { didYouMean } from './suggest.js';
import type { FlatIssue } from './union-issues.js';
import { describeValue, orList, plainType, quoteLiteral } from './words.js';

/** A problem in the data, not yet given a line and column. */
export interface Complaint {
  path: PathSegment[];
  anchor: Anchor;
  message: string;
  hint?: string;
}

export interface Context {
  schema: z.ZodType;
  input: unknown;
  secrets: readonly string[];
}

export function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(issue: FlatIssue & { code: 'unrecognized_keys' }, ctx: Context): Complaint[] {
  const allowed = allowedKeysAt(ctx.schema, issue.path);
  const mapping = valueAt(ctx.input, issue.path);
  return issue.keys.map((key) => {
    const path = [...issue.path, key];
    // A key one form of the value takes, given with a key of another form (`{ key: Enter, role: button }`).
    if (allowed.includes(key)) {
      const others = isMapping(mapping) ? Object.keys(mapping).filter((other) => other !== key && !issue.keys.includes(other)) : [];
      const with_ = others.length > 0 ? ` with ${others.map((other) => `"${other}"`).join(', ')}` : '';
      return { path, anchor: 'key' as const, message: `"${key}" does not go${with_} here`, hint: 'give one or the other' };
    }
    return { path, anchor: 'key' as const, message: `unknown key "${key}"`, hint: didYouMean(key, allowed) ?? `allowed here: ${allowed.join(', ')}` };
  });
}

/** A required key that is absent is reported on the mapping that lacks it. */
function missingKey(path: PathSegment[], ctx: Context): Complaint | undefined {
  const parentPath = path.slice(0, -1);
  const key = path.at(-1);
  if (valueAt(ctx.input, path) !== undefined || typeof key !== 'string' || !isMapping(valueAt(ctx.input, parentPath))) {
    return undefined;
  }
  const description = descriptionAt(ctx.schema, path);
  return { path: parentPath, anchor: 'value', message: `missing "${key}"`, hint: description && `${key}: ${description}` };
}

function wrongType(issue: FlatIssue & { code: 'invalid_type' }, ctx: Context): Complaint {
  const missing = missingKey(issue.path, ctx);
  if (missing) return missing;
  const value = valueAt(ctx.input, issue.path);
  const quote =
    issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
      ? `put it in quotes to make it text: "${String(value)}"`
      : undefined;
  const step = issue.expected === 'object' && /^steps\[\d+\]$/.test(formatPath(issue.path))
    ? 'a step is a mapping such as { name: Open the cart, goto: /cart }'
    : undefined;
  return {
    path: issue.path,
    anchor: 'value',
    message: `expected ${plainType(issue.expected)}, got ${describeValue(value, ctx.secrets)}`,
    hint: quote ?? step,
  };
}

function wrongValue(issue: FlatIssue & { code: 'invalid_value' }, ctx: Context): Complaint {
  const value = valueAt(ctx.input, issue.path);
  const key = issue.path.at(-1);
  const allowed = issue.values.map(quoteLiteral);
  if (typeof value === 'string' && typeof key === 'string' && issue.values.length > 1) {
    const names = issue.values.map(String);
    const suggestion = didYouMean(value, names);
    const list = `allowed: ${names.join(', ')}`;
    return {
      path: issue.path,
      anchor: 'value',
      message: `unknown ${key} ${describeValue(value, ctx.secrets)}`,
      hint: suggestion ? `${suggestion} (${list})` : list,
    };
  }
  return { path: issue.path, anchor: 'value', message: `expected ${orList(allowed)}, got ${describeValue(value, ctx.secrets)}` };
}

function outOfRange(issue: FlatIssue & { code: 'too_small' | 'too_big' }, ctx: Context): Complaint {
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
  const inclusive = issue.inclusive !== false;
  const key = issue.path.at(-1);
  const at = (message: string): Complaint => ({ path: issue.path, anchor: 'value', message });
  if (issue.origin === 'string') {
    if (small && limit === 1) return at('must not be empty');
    return at(`must be ${small ? 'at least' : 'at most'} ${limit} characters long`);
  }
  if (issue.origin === 'array') {
    const item = key === 'steps' ? 'step' : 'item';
    if (small && limit === 1) return at(`needs at least one ${item}`);
    return at(`needs ${small ? 'at least' : 'at most'} ${limit} ${item}s`);
  }
  const bound = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  const value = valueAt(ctx.input, issue.path);
  return at(`must be ${bound} ${limit}${typeof value === 'number' ? `, got ${value}` : ''}`);
}

function refinementFailed(issue: FlatIssue & { code: 'custom' }, ctx: Context): Complaint {
  const value = valueAt(ctx.input, issue.path);
  if (issue.path.length === 1 && issue.path[0] === 'device' && typeof value === 'string') {
    return {
      path: issue.path,
      anchor: 'value',
      message: `unknown device ${describeValue(value, ctx.secrets)}`,
      hint: didYouMean(value, [...DEVICE_NAMES]) ?? 'use a Playwright device name such as "Pixel 7", "iPhone 13" or "Desktop Chrome"',
    };
  }
  const unknown = (issue as { params?: Partial<UnknownName> }).params;
  if (unknown?.known && typeof unknown.value === 'string') {
    const { names, otherwise } = choicesFor(unknown as UnknownName);
    return {
      path: issue.path,
      anchor: 'value',
      message: `unknown ${unknown.known} ${describeValue(unknown.value, ctx.secrets)}`,
      hint: didYouMean(unknown.value, names) ?? `use ${otherwise}`,
    };
  }
  return { path: issue.path, anchor: 'value', message: issue.message };
}

/** The complaints for one issue (an unknown-keys issue names several keys). */
export function explainOne(issue: FlatIssue, ctx: Context): Complaint[] {
  const value = () => describeValue(valueAt(ctx.input, issue.path), ctx.secrets);
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeys(issue, ctx);
    case 'invalid_type':
      return [wrongType(issue, ctx)];
    case 'invalid_value':
      return [wrongValue(issue, ctx)];
    case 'too_small':
    case 'too_big':
      return [outOfRange(issue, ctx)];
    case 'custom':
      return [refinementFailed(issue, ctx)];
    case 'invalid_format': {
      // A pattern of the schema's says in its own words what the value is not ("is not an attribute name").
      if (issue.format === 'regex' && !/^Invalid/.test(issue.message)) return [{ path: issue.path, anchor: 'value', message: `${value()} ${issue.message}` }];
      const wanted = issue.format === 'url' ? 'a full address such as https://shop.example.com' : `a valid ${issue.format}`;
      return [{ path: issue.path, anchor: 'value', message: `expected ${wanted}, got ${value()}` }];
    }
    case 'no_branch_fits': {
      const missing = missingKey(issue.path, ctx);
      if (missing) return [missing];
      const keys = allowedKeysAt(ctx.schema, issue.path);
      const mapping = issue.expected.includes(plainType('object')) && keys.length > 0;
      return [
        {
          path: issue.path,
          anchor: 'value',
          message: `expected ${orList(issue.expected)}, got ${value()}`,
          hint: mapping ? `as a mapping it takes: ${keys.join(', ')}` : undefined,
        },
      ];
    }
    case 'one_key_needed':
      return [{ path: issue.path, anchor: 'value', message: `needs one of ${orList(issue.keys)}` }];
    default:
      return [{ path: issue.path, anchor: 'value', message: issue.message }];
  }
}

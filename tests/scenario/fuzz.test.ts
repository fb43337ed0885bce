/**
 * Thousands of malformed, truncated, mistyped and oversized scenario files, generated with fast-check: the loader
 * never throws, never accepts a file it should not, and every problem it gives is located and in words. A sample
 * goes through `cx-shop validate` too: exit code 2, one located line per problem, no stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario, type Problem } from '../../src/scenario/load.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLED = readdirSync(join(ROOT, 'scenarios')).map((name) => readFileSync(join(ROOT, 'scenarios', name), 'utf8'));

/** Inputs tried, per property: printed at the end so the closing figures come from the run itself. */
const tried: Record<string, number> = {};

/** What every outcome must be: a scenario and no problems, or problems that each say where and what. */
function checkOutcome(source: string): { accepted: boolean; problems: Problem[] } {
  const result = parseScenario('fuzz.yaml', source, { CARD: '4242424242424242' });
  if (result.scenario) {
    expect(result.problems).toEqual([]);
    expect(result.scenario.steps.length).toBeGreaterThan(0);
    return { accepted: true, problems: [] };
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.file).toBe('fuzz.yaml');
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.col).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(source.split('\n').length + 1);
    expect(typeof problem.message).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
    // Words for a person: no raw validator output, no stack, no unformatted values.
    expect(problem.message).not.toMatch(/ZodError|\[object Object\]|\n\s+at |\bundefined\b|"code":/);
  }
  return { accepted: false, problems: result.problems };
}

/** A change a careless edit, a bad merge or a truncated download makes to a file. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(':', ': ', '- ', '\t', '"', "'", '{', '}', '[', ']', '&a ', '*a', '*nope', '!!binary ', '%YAML 1.2\n', '---\n', '\n  ', '    ', '#', '|', '>', '\u0000', '\u001b[2J', '\uFEFF', '${env.', '${env.MISSING}', '/(a+)+$/', '😀'),
      fc.string({ maxLength: 12 }),
    ),
  }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('reindent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(source: string, changes: Mutation[]): string {
  let text = source;
  for (const change of changes) {
    const at = text.length === 0 ? 0 : change.at % (text.length + 1);
    const lines = text.split('\n');
    const line = lines.length === 0 ? 0 : change.at % lines.length;
    switch (change.kind) {
      case 'truncate':
        text = text.slice(0, at);
        break;
      case 'delete':
        text = text.slice(0, at) + text.slice(at + change.length);
        break;
      case 'insert':
        text = text.slice(0, at) + change.text + text.slice(at);
        break;
      case 'duplicate-line':
        lines.splice(line, 0, lines[line] ?? '');
        text = lines.join('\n');
        break;
      case 'reindent':
        lines[line] = change.by > 0 ? ' '.repeat(change.by) + lines[line] : (lines[line] ?? '').slice(-change.by);
        text = lines.join('\n');
        break;
    }
  }
  return text;
}

const STEP_KEYS = ['name', 'goto', 'tap', 'type', 'select', 'check', 'press', 'hover', 'scroll', 'wait', 'back', 'read', 'promo', 'invoice', 'click', 'fill', 'expect', 'rules', 'exclude', 'faults', 'timeout', 'colour'];
const SCENARIO_KEYS = ['name', 'journey', 'device', 'baseUrl', 'budget', 'rules', 'exclude', 'faults', 'timeout', 'goal', 'tags', 'testIdAttribute', 'steps', 'stpes'];

/** Any value, as YAML can hold it: the wrong type in every place. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  { maxDepth: 3 },
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('/', '/api/payment', 'button', 'iPhone 13', 'Pixel 7', 'promo-code', 'off', 'high', '${env.CARD}', '${env.NOPE}', '/[/'),
);
const deepValue = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, value, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...STEP_KEYS, 'role', 'name', 'label', 'text', 'match', 'status', 'offline'), tie('node'), { maxKeys: 4 })),
})).node;

/** A scenario-shaped mapping with mistyped and unknown keys and values anywhere. */
const mistyped = fc.record(
  {
    ...Object.fromEntries(SCENARIO_KEYS.filter((k) => k !== 'steps').map((key) => [key, deepValue])),
    steps: fc.oneof(deepValue, fc.array(fc.dictionary(fc.constantFrom(...STEP_KEYS), deepValue, { maxKeys: 5 }), { maxLength: 6 })),
  },
  { requiredKeys: [] },
);

describe('the loader under malformed input', () => {
  it('bundled scenarios with random edits: never a throw, a scenario or located problems', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUNDLED), fc.array(mutation, { minLength: 1, maxLength: 6 }), (source, changes) => {
        tried.edited = (tried.edited ?? 0) + 1;
        checkOutcome(mutate(source, changes));
      }),
      { numRuns: 2000 },
    );
  });

  it('scenario-shaped data with the wrong type, an unknown key or a missing key anywhere', () => {
    fc.assert(
      fc.property(mistyped, (data) => {
        tried.mistyped = (tried.mistyped ?? 0) + 1;
        checkOutcome(stringify(data));
      }),
      { numRuns: 1500 },
    );
  });

  it('arbitrary text, including control characters and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        tried.text = (tried.text ?? 0) + 1;
        checkOutcome(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('oversized files: long strings, thousands of steps, deep nesting', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1000, max: 5000 }).map((n) => `name: A\nsteps:\n${'  - name: S\n    tap: 12\n'.repeat(n)}`),
          fc.integer({ min: 10_000, max: 200_000 }).map((n) => `name: ${'x'.repeat(n)}\nsteps: 1\n`),
          fc.integer({ min: 50, max: 400 }).map((n) => `name: A\nsteps:\n  - name: B\n    tap: ${'['.repeat(n)}${']'.repeat(n)}\n`),
          fc.integer({ min: 5, max: 12 }).map((n) => `a: &a [x]\n${Array.from({ length: n }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`).join('\n')}\nname: A\nsteps: 1\n`),
        ),
        (source) => {
          tried.oversized = (tried.oversized ?? 0) + 1;
          const { accepted, problems } = checkOutcome(source);
          expect(accepted).toBe(false);
          expect(problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 25 },
    );
    console.log(`loader fuzzing, inputs tried: ${JSON.stringify(tried)}, ${Object.values(tried).reduce((a, b) => a + b, 0)} in all`);
  });

  it('cx-shop validate on a folder of generated broken files: exit 2, every file named with a located problem, no stack', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cx-shop-fuzz-'));
    const files = fc.sample(
      fc.tuple(fc.constantFrom(...BUNDLED), fc.array(mutation, { minLength: 2, maxLength: 6 })).map(([source, changes]) => mutate(source, changes)),
      { numRuns: 200, seed: 42 },
    );
    const broken = files.filter((text) => !parseScenario('x.yaml', text, {}).scenario);
    broken.forEach((text, i) => writeFileSync(join(folder, `broken-${String(i).padStart(3, '0')}.yaml`), text));
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [join(ROOT, 'bin/cx-shop.js'), 'validate', folder], { env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout: out, stderr: err }),
      );
    });
    expect(broken.length).toBeGreaterThan(100);
    expect(code).toBe(2);
    const output = `${stdout}${stderr}`;
    expect(output).not.toMatch(/\n\s+at .*\.js:\d+|cx-shop crashed/);
    for (let i = 0; i < broken.length; i++) expect(output).toMatch(new RegExp(`broken-${String(i).padStart(3, '0')}\\.yaml:\\d+:\\d+ `));
  });
});

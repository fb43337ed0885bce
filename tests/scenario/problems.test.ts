import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarios } from '../../src/scenario/load.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Each problem of one fixture as the CLI prints it (a hint is the indented second line). */
async function problemsIn(fixture: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const { scenarios, problems } = await loadScenarios([fixture], { cwd: fixtures, env });
  expect(scenarios).toEqual([]);
  return problems.map(formatProblem);
}

describe('problems in a scenario file, one fixture each', () => {
  it('reports YAML syntax errors with their position', async () => {
    expect(await problemsIn('bad-syntax.yaml')).toEqual([
      'bad-syntax.yaml:5:1 YAML syntax error: Sequence item without - indicator\n' +
        '  hint: check for a missing quote, bracket or "- " before a list item, and the indentation',
    ]);
  });

  it('reports a key written twice in one mapping', async () => {
    expect(await problemsIn('duplicate-key.yaml')).toEqual([
      'duplicate-key.yaml:5:5 duplicate key "tap"\n' +
        '  hint: a key may appear once per mapping; to do the same thing twice, write two steps',
    ]);
  });

  it('reports a key written twice with the file\'s other problems, all at once', async () => {
    const problems = await problemsIn('duplicate-key-and-more.yaml');
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['duplicate-key-and-more.yaml:2:9', 'duplicate-key-and-more.yaml:6:5', 'duplicate-key-and-more.yaml:8:5']);
    expect(problems[1]).toContain('duplicate key "tap"');
  });

  it('says in its own words what a value is not, where a pattern decides', async () => {
    expect(await problemsIn('bad-patterns.yaml')).toEqual([
      'bad-patterns.yaml:2:18 testIdAttribute: "data test" is not an attribute name',
      'bad-patterns.yaml:3:39 siteHosts[1]: "https://images.shop.example/" is not a host name (such as api.shop-backend.example)',
    ]);
  });

  it('reports an empty file', async () => {
    expect(await problemsIn('empty.yaml')).toEqual([
      'empty.yaml:1:1 the file is empty\n  hint: a scenario needs at least a name and steps',
    ]);
  });

  it('reports a file that is not a mapping at the top', async () => {
    expect(await problemsIn('not-a-mapping.yaml')).toEqual([
      'not-a-mapping.yaml:1:1 a scenario must be a mapping of keys (name: ..., steps: ...), got a list',
    ]);
  });

  it('points at an unknown top-level key and suggests the close one', async () => {
    expect(await problemsIn('unknown-top-level-key.yaml')).toEqual([
      'unknown-top-level-key.yaml:2:1 jouney: unknown key "jouney"\n  hint: did you mean "journey"?',
    ]);
  });

  it('points at an unknown step key, suggests the action, and does not add "needs an action"', async () => {
    expect(await problemsIn('unknown-step-key.yaml')).toEqual([
      'unknown-step-key.yaml:6:5 steps[1].tapp: unknown key "tapp"\n  hint: did you mean "tap"?',
    ]);
  });

  it('suggests the Playwright device name for an unknown device', async () => {
    expect(await problemsIn('unknown-device.yaml')).toEqual([
      'unknown-device.yaml:2:9 device: unknown device "iphone 13"\n  hint: did you mean "iPhone 13"?',
    ]);
  });

  it('finds a role, a key or an address the run would have found wrong only when it came to the step', async () => {
    expect(await problemsIn('misspelt-names.yaml')).toEqual([
      'misspelt-names.yaml:5:18 steps[0].tap.role: unknown role "buttn"\n  hint: did you mean "button"?',
      'misspelt-names.yaml:7:19 steps[1].press.key: unknown key "Entr"\n  hint: did you mean "Enter"?',
      'misspelt-names.yaml:9:12 steps[2].press: unknown key "Tabb"\n  hint: did you mean "Tab"?',
      'misspelt-names.yaml:11:11 steps[3].goto: a "javascript:" address is no page to open: goto takes a path such as /cart or an http(s) address',
      'misspelt-names.yaml:13:11 steps[4].goto: a "localhost:" address is no page to open: goto takes a path such as /cart or an http(s) address; a host and port is written http://localhost:3000/cart',
      'misspelt-names.yaml:15:32 steps[5].expect.visible.role: unknown role "Heading"\n  hint: did you mean "heading"?',
    ]);
  });

  it('lists the allowed journeys for an invalid one', async () => {
    expect(await problemsIn('bad-journey.yaml')).toEqual([
      'bad-journey.yaml:2:10 journey: unknown journey "return"\n' +
        '  hint: did you mean "returns"? (allowed: mobile-visit, promo-code, returns, invoice, custom)',
    ]);
  });

  it('says what type was expected, in words', async () => {
    expect(await problemsIn('wrong-type.yaml')).toEqual([
      'wrong-type.yaml:2:10 timeout: expected a number, got "soon"',
      'wrong-type.yaml:4:11 steps[0].name: expected text, got a number\n' +
        '  hint: put it in quotes to make it text: "2024"',
    ]);
  });

  it('reports a step without a name on the step', async () => {
    expect(await problemsIn('step-without-name.yaml')).toEqual([
      'step-without-name.yaml:3:5 steps[0]: missing "name"\n' +
        "  hint: name: What the customer does, in the customer's words",
    ]);
  });

  it('reports a step without any action', async () => {
    expect(await problemsIn('step-without-action.yaml')).toEqual([
      'step-without-action.yaml:3:5 steps[0]: a step needs an action ' +
        '(goto, tap, type, select, check, press, hover, scroll, wait, back, read, promo, invoice) or an expect',
    ]);
  });

  it('reports a missing environment variable where it is used', async () => {
    expect(await problemsIn('missing-env.yaml', { PROMO_USER: 'ann@example.com' })).toEqual([
      'missing-env.yaml:8:36 steps[2].type.text: environment variable PROMO_PASSWORD is not set\n' +
        '  hint: export PROMO_PASSWORD before running, or set it in your CI secrets',
    ]);
  });

  it('reports two ways of finding one element', async () => {
    expect(await problemsIn('two-locators.yaml')).toEqual([
      'two-locators.yaml:4:10 steps[0].tap: use one way to find the element, not role and text',
    ]);
  });

  it('reports an empty list of steps', async () => {
    expect(await problemsIn('empty-steps.yaml')).toEqual(['empty-steps.yaml:2:8 steps: needs at least one step']);
  });

  it('explains a union by the branch that fits what was written, never "Invalid input"', async () => {
    expect(await problemsIn('union-branches.yaml')).toEqual([
      'union-branches.yaml:4:13 steps[0].scroll: expected "bottom" or a mapping (key: value), got "top"\n' +
        '  hint: as a mapping it takes: to, by',
      'union-branches.yaml:6:13 steps[1].wait.txt: unknown key "txt"\n  hint: did you mean "text"?',
      'union-branches.yaml:8:19 steps[2].press.key: expected text, got a number\n' +
        '  hint: put it in quotes to make it text: "13"',
      'union-branches.yaml:10:10 steps[3].tap: expected text or a mapping (key: value), got a number\n' +
        '  hint: as a mapping it takes: role, name, label, text, placeholder, testId, css, exact, nth',
      // Keys of two forms of a value in one mapping: neither is unknown, they do not go together.
      'union-branches.yaml:12:13 steps[4].wait.ms: "ms" does not go with "text" here\n  hint: give one or the other',
      'union-branches.yaml:14:72 steps[5].promo.apply.key: only Enter applies a code from the keyboard; a button is given as what to tap, e.g. { role: button, name: Apply }',
      'union-branches.yaml:16:79 steps[6].promo.apply.role: "role" does not go with "key" here\n  hint: give one or the other',
    ]);
  });

  it('reports every problem of a file, in file order, without follow-on noise from typos', async () => {
    expect(await problemsIn('several-problems.yaml')).toEqual([
      'several-problems.yaml:2:1 jouney: unknown key "jouney"\n  hint: did you mean "journey"?',
      'several-problems.yaml:3:9 device: unknown device "Pixl 7"\n  hint: did you mean "Pixel 7"?',
      'several-problems.yaml:4:10 baseUrl: expected a full address such as https://shop.example.com, got "not a url"',
      'several-problems.yaml:8:5 steps[1]: missing "name"\n' +
        "  hint: name: What the customer does, in the customer's words",
      'several-problems.yaml:10:30 steps[2].select.optoin: unknown key "optoin"\n  hint: did you mean "option"?',
      'several-problems.yaml:12:5 steps[3].clik: unknown key "clik"\n  hint: did you mean "click"?',
      'several-problems.yaml:14:17 steps[4].wait.ms: must be at most 60000, got 120000',
    ]);
  });
});

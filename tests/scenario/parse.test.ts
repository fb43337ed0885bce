import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario, type Problem } from '../../src/scenario/load.js';

const lines = (file: string, source: string, env: NodeJS.ProcessEnv = {}) =>
  parseScenario(file, source, env).problems.map(formatProblem);

describe('formatProblem', () => {
  it('prints file:line:col path: message, and the hint on an indented line', () => {
    const problem: Problem = { file: 'a.yaml', line: 3, col: 5, path: 'steps[0].tap', message: 'bad', hint: 'fix it' };
    expect(formatProblem(problem)).toBe('a.yaml:3:5 steps[0].tap: bad\n  hint: fix it');
    expect(formatProblem({ ...problem, path: '', hint: undefined })).toBe('a.yaml:3:5 bad');
  });
});

describe('parseScenario', () => {
  it('lists the allowed keys when no known key is close', () => {
    expect(lines('a.yaml', 'name: A\nsteps:\n  - name: B\n    goto: /\n    colour: red\n')).toEqual([
      'a.yaml:5:5 steps[0].colour: unknown key "colour"\n' +
        '  hint: allowed here: name, description, timeout, goto, tap, type, select, check, press, hover, scroll, wait, back, read, promo, invoice, click, fill, expect, rules, exclude, faults, budget',
    ]);
  });

  it('does not report a missing locator or name when an unknown key is a typo for role', () => {
    expect(lines('a.yaml', 'name: A\nsteps:\n  - name: B\n    tap: { rol: button, name: Apply }\n')).toEqual([
      'a.yaml:4:12 steps[0].tap.rol: unknown key "rol"\n  hint: did you mean "role"?',
    ]);
  });

  it("suggests a rule's id for a misspelling in rules, of the scenario or of a step", () => {
    expect(lines('a.yaml', 'name: A\nrules: { smal-text: low }\nsteps:\n  - name: B\n    goto: /\n    rules: { zoom-disable: off }\n')).toEqual([
      'a.yaml:2:10 rules["smal-text"]: unknown key "smal-text"\n  hint: did you mean "small-text"?',
      'a.yaml:6:14 steps[0].rules["zoom-disable"]: unknown key "zoom-disable"\n  hint: did you mean "zoom-disabled"?',
    ]);
  });

  it('suggests a device for a misspelling, not only for a different case', () => {
    expect(lines('a.yaml', 'name: A\ndevice: Pixl 7\nsteps: [{ name: B, goto: / }]\n')).toEqual([
      'a.yaml:2:9 device: unknown device "Pixl 7"\n  hint: did you mean "Pixel 7"?',
    ]);
  });

  it('reports a missing key on the empty mapping it belongs to', () => {
    expect(lines('a.yaml', 'name: A\nsteps:\n  - name: B\n    type: { label: Email }\n')).toEqual([
      'a.yaml:4:11 steps[0].type: missing "text"\n' + "  hint: text: What the customer types; ${env.NAME} for secrets",
    ]);
  });

  it('points at the key of an empty value', () => {
    expect(lines('a.yaml', 'name:\nsteps:\n  - name: B\n    goto: /\n')).toEqual(['a.yaml:1:1 name: expected text, got nothing']);
  });

  it('never shows the value of a secret in a message', () => {
    const problems = lines('a.yaml', 'name: A\ntimeout: "${env.TOKEN}"\nsteps: [{ name: B, goto: / }]\n', { TOKEN: 'hunter2' });
    expect(problems).toEqual(['a.yaml:2:10 timeout: expected a number, got "•••"']);
  });

  it('reports a badly written environment reference', () => {
    expect(lines('a.yaml', 'name: "${env.my var}"\nsteps: [{ name: B, goto: / }]\n')).toEqual([
      'a.yaml:1:7 name: "${env.my var}" is not a valid environment variable reference\n' +
        '  hint: write ${env.NAME} with a name made of letters, digits and _',
    ]);
  });

  it('reports several YAML syntax errors of one file', () => {
    const problems = lines('a.yaml', 'name: "A\nsteps: [\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /^a\.yaml:\d+:\d+ YAML syntax error: /.test(p))).toBe(true);
  });
});

describe('parseScenario with unions of one-key mappings', () => {
  it('names the keys that would do when none is given', () => {
    expect(lines('a.yaml', 'name: A\nsteps:\n  - name: B\n    wait: {}\n')).toEqual([
      'a.yaml:4:11 steps[0].wait: needs one of text, url, visible or ms',
    ]);
  });

  it('reports the shared unknown key once, not once per branch', () => {
    expect(lines('a.yaml', 'name: A\nsteps:\n  - name: B\n    wait: { txt: Done, ms: 5 }\n')).toEqual([
      'a.yaml:4:13 steps[0].wait.txt: unknown key "txt"\n  hint: did you mean "text"?',
    ]);
  });
});

describe('regular expressions in scenarios', () => {
  it('an invalid one is a located problem at validation, not a crash mid-run', () => {
    const [problem] = lines('a.yaml', 'name: A\nsteps:\n  - name: B\n    goto: /\n    expect: { url: "/cart(/" }\n');
    expect(problem).toMatch(/^a\.yaml:5:20 steps\[0\]\.expect\.url: is not a valid regular expression: /);
  });

  it('one with a nested repeat, which can backtrack for minutes, is refused with a way out', () => {
    const [problem] = lines('a.yaml', 'name: A\nsteps:\n  - name: B\n    goto: /\n    expect: { url: "/^(a+)+$/" }\n');
    expect(problem).toContain('repeats a group that itself repeats');
  });

  it('a plain address part and a sound expression are fine', () => {
    expect(lines('a.yaml', 'name: A\nsteps:\n  - name: B\n    goto: /\n    expect: { url: /cart }\n')).toEqual([]);
    expect(lines('a.yaml', "name: A\nsteps:\n  - name: B\n    goto: /\n    expect: { url: '/order\\/HC-\\d+/' }\n")).toEqual([]);
  });
});

describe('problems inside YAML aliases', () => {
  it('are located at the alias that uses the text, and say where the text is', () => {
    const source = 'name: A\nsteps:\n  - name: C\n    tap: &t { rol: button }\n  - name: D\n    tap: *t\n';
    expect(lines('a.yaml', source)).toEqual([
      'a.yaml:4:15 steps[0].tap.rol: unknown key "rol"\n  hint: did you mean "role"?',
      'a.yaml:6:10 steps[1].tap.rol: unknown key "rol" (through the alias *t; the text is at 4:15)\n  hint: did you mean "role"?',
    ]);
  });

  it('a whole step repeated by an alias is located at each use', () => {
    const source = 'name: A\nsteps:\n  - &s\n    name: B\n    goto: 7\n  - *s\n';
    const found = lines('a.yaml', source);
    expect(found).toHaveLength(2);
    expect(found[1]).toMatch(/^a\.yaml:6:5 steps\[1\]\.goto: .* \(through the alias \*s; the text is at 5:11\)/);
  });
});

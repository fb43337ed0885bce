/**
 * The pure parts of guided runs: Spearman's rank correlation, the perception gap, rage taps, the paper checklist
 * written and read back, and several shoppers put together.
 */
import { describe, expect, it } from 'vitest';
import type { TapResponse } from '../../src/artifacts/types.js';
import { checklistArtifacts, ChecklistError, readChecklist, renderChecklist } from '../../src/guide/checklist.js';
import { combineGuided } from '../../src/guide/combine.js';
import { easeStatement, instructionsFor } from '../../src/guide/instructions.js';
import { gapOf } from '../../src/guide/person.js';
import { median, ranks, spearman } from '../../src/guide/stats.js';
import { judgeScenario } from '../../src/judge/judge.js';
import { rageBursts } from '../../src/rules/rage-tap.js';
import { parseScenario } from '../../src/scenario/load.js';
import { fillChecklist, type StepFill } from '../helpers/checklist.js';

const SCENARIO = `name: Return a jacket
device: Pixel 7
baseUrl: https://shop.example
steps:
  - name: Open my orders
    goto: /orders
  - name: Choose the jacket
    tap: { role: link, name: Wool jacket }
  - name: Say why
    select: { label: Reason, option: Too small }
  - name: Send the return
    tap: { role: button, name: Send }
`;
const scenario = parseScenario('returns.yaml', SCENARIO, {}).scenario!;

describe('the statement a shopper rates', () => {
  it('says what they did when the name says it, and quotes a name that does not', () => {
    expect(easeStatement('Add the mug to the cart')).toBe('It was easy to add the mug to the cart.');
    expect(easeStatement('Keep a copy of the invoice')).toBe('It was easy to keep a copy of the invoice.');
    expect(easeStatement('Recorded journey')).toBe('It was easy to do this: Recorded journey.');
    expect(easeStatement('What the import should have written')).toBe('It was easy to do this: What the import should have written.');
  });
});

describe('statistics', () => {
  it('ranks with ties averaged, and Spearman as the correlation of the ranks', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBe(-1);
    // A textbook example (d² = 0+1+1+0+4 → 1 − 6·6/(5·24) = 0.7).
    expect(spearman([1, 2, 3, 4, 5], [1, 3, 2, 4, 5])).toBeCloseTo(0.9, 3);
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 3);
    expect(spearman([1, 2], [1, 2])).toBeNull();
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
  });
});

describe('the perception gap', () => {
  const all = [{ effort: 2 }, { effort: 5 }, { effort: 20 }];
  it('names a step the script passed and the person could not do', () => {
    expect(gapOf('could not', 30, 1, { effort: 5, status: 'passed' }, all)).toContain('the automated run passed this step; the shopper could not do it');
  });
  it('names a step rated hard that the model thought easy, and one rated easy it thought hard', () => {
    expect(gapOf('done', 3, 2, { effort: 2, status: 'passed' }, all)).toBe('rated hard (2/7) though predicted among the easier steps (2.0 s)');
    expect(gapOf('done', 20, 7, { effort: 20, status: 'passed' }, all)).toBe('rated easy (7/7) though predicted among the harder steps (20.0 s)');
  });
  it('names a step that took far longer than predicted, and says nothing when they agree', () => {
    expect(gapOf('done', 40, 4, { effort: 5, status: 'passed' }, all)).toBe('took 40.0 s against 5.0 s predicted');
    expect(gapOf('done', 6, 5, { effort: 5, status: 'passed' }, all)).toBeNull();
  });
});

describe('rage taps', () => {
  const press = (at: number, x: number, responses: TapResponse['responses'] = []): TapResponse => ({
    input: 'press',
    target: { description: 'button "Gift wrap"', text: 'Gift wrap', box: null, pageBox: null },
    responses,
    watchedMs: 2500,
    at,
    point: { x, y: 100 },
  });
  it('are 3 presses within 1 s and 30 px that the page did not each answer', () => {
    expect(rageBursts([press(0, 100), press(200, 110), press(400, 95)])).toHaveLength(1);
    // Too slow, or too far apart.
    expect(rageBursts([press(0, 100), press(600, 100), press(1200, 100)])).toHaveLength(0);
    expect(rageBursts([press(0, 100), press(200, 160), press(400, 220)])).toHaveLength(0);
  });
  it('are not a stepper pressed three times, each press answered', () => {
    expect(rageBursts([press(0, 100, ['mutation']), press(200, 100, ['mutation']), press(400, 100, ['mutation'])])).toHaveLength(0);
  });
});

describe('what a shopper is told to do', () => {
  it('a promo code applied with Enter says so; one applied with a button says apply', () => {
    const promo = (apply: string) =>
      parseScenario('promo.yaml', `name: Promo\nsteps:\n  - name: Use the code\n    promo: { code: SAVE10, field: { label: Promo code }, apply: ${apply}, accepted: applied }\n`, {}).scenario!;
    const told = (apply: string) => instructionsFor(promo(apply).steps[0]!, promo(apply), 'https://shop.example');
    expect(told('{ key: Enter }')).toEqual(['Find where to enter a promo code, type "SAVE10" and press Enter']);
    expect(told('{ role: button, name: Apply }')).toEqual(['Find where to enter a promo code and apply "SAVE10"']);
  });
});

describe('the paper checklist', () => {
  const fill = fillChecklist;
  const blank = renderChecklist(scenario, 'https://shop.example');

  it('lists every step with what to do, a box to tick, the time and the 1-7 statement', () => {
    expect(blank).toContain('--- Step 2 of 4: Choose the jacket');
    expect(blank).toContain('Tap link "Wool jacket"');
    expect(blank).toContain('Open https://shop.example/orders');
    expect(blank).toContain(`"${easeStatement('Say why')}"`);
    expect(blank.match(/\[ \] done {4}\[ \] could not do it/g)).toHaveLength(4);
  });

  it('reads a filled-in checklist back into a guided report', () => {
    const filled = fill(blank, {
      shopper: 'S-031',
      steps: [
        ['done', '0:20', '6'],
        ['done', '1:05', '4', 'Had to scroll a lot'],
        ['could not', '2:30', '1', 'No reason fits'],
      ],
      overall: '2',
    });
    const answers = readChecklist(filled, scenario);
    expect(answers.shopper).toBe('S-031');
    const result = judgeScenario(checklistArtifacts(scenario, answers, { baseUrl: 'https://shop.example', predicted: null }));
    expect(result.guided).toMatchObject({ shopper: 'S-031', via: 'checklist', ease: 2 });
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'blocked', 'skipped']);
    expect(result.steps.slice(0, 3).map((s) => [s.person!.seconds, s.person!.ease, s.person!.said])).toEqual([
      [20, 6, 'done'],
      [65, 4, 'done'],
      [150, 1, 'could not'],
    ]);
    expect(result.steps[1]!.person!.note).toBe('Had to scroll a lot');
    expect(result.status).toBe('blocked');
  });

  it('says which line is wrong, and what is wrong with it', () => {
    const at = (text: string) => {
      try {
        readChecklist(text, scenario);
        return null;
      } catch (error) {
        return error instanceof ChecklistError ? `${error.line}: ${error.message}` : String(error);
      }
    };
    const line = (text: string, start: string) => text.split('\n').findIndex((l) => l.trim().startsWith(start)) + 1;
    const badAnswer = fill(blank, { shopper: 'S-1', steps: [['done', '0:20', '9']] });
    expect(at(badAnswer)).toBe(`${line(badAnswer, 'Answer: 9')}: the answer "9" is not a number from 1 to 7`);
    const badTime = fill(blank, { shopper: 'S-1', steps: [['done', 'soon', '5']] });
    expect(at(badTime)).toContain('the time taken "soon" is not minutes:seconds (e.g. 1:30)');
    expect(at(fill(blank, { steps: [['done', '0:20', '5']] }))).toContain('the shopper id is empty');
    const gap = fill(blank, { shopper: 'S-1', steps: [['done', '0:20', '5'], ['', '', ''], ['done', '0:10', '5']] });
    expect(at(gap)).toContain('this step is ticked, but the walk stopped at step 2');
    const other = blank.replace('Choose the jacket', 'Choose the coat');
    expect(at(fill(other, { shopper: 'S-1', steps: [] }))).toContain('step 2 is "Choose the coat" here, but "Choose the jacket" in returns.yaml');
  });
});

describe('a filled-in checklist that stops short, runs over, or has more to say', () => {
  const blank = renderChecklist(scenario, 'https://shop.example');
  const judged = (text: string) => judgeScenario(checklistArtifacts(scenario, readChecklist(text, scenario), { baseUrl: '', predicted: null }));

  it('a step with neither box ticked ends the walk there: the journey is not completed', () => {
    const result = judged(fillChecklist(blank, { shopper: 'S-1', steps: [['done', '0:20', '5'], ['done', '0:20', '5']] }));
    expect(result.completed).toBe(false);
    expect(result.status).toBe('error');
    expect(result.reason).toContain('no box ticked at step 3 "Say why"');
  });

  it('steps cut off the paper end the walk where the paper does', () => {
    const done = fillChecklist(blank, { shopper: 'S-1', steps: [['done', '0:20', '5'], ['done', '0:20', '5'], ['done', '0:20', '5'], ['done', '0:20', '5']] });
    expect(judged(done).completed).toBe(true);
    const cut = done.slice(0, done.indexOf('--- Step 3'));
    expect(judged(cut).reason).toContain('ends after step 2, and steps 3 to 4 are not on it');
  });

  it('a step past the last one is a mistake on its line, not a crash', () => {
    const extra = fillChecklist(blank, { shopper: 'S-1', steps: [] }).replace('--- Overall', '--- Step 5 of 4: Pay\n    [x] done\n\n--- Overall');
    expect(() => readChecklist(extra, scenario)).toThrow('there is no step 5 in this scenario: it has 4 steps');
  });

  it('a note over several lines is kept whole', () => {
    const filled = fillChecklist(blank, { shopper: 'S-1', steps: [['done', '0:20', '5', 'The button was hard to find,'], ['could not', '0:20', '2']] }).replace(
      'The button was hard to find,',
      'The button was hard to find,\n    I scrolled twice. Took ages.',
    );
    expect(readChecklist(filled, scenario).steps[0]!.note).toBe('The button was hard to find,\nI scrolled twice. Took ages.');
  });

  it('a shopper id that is not one is said on its line', () => {
    expect(() => readChecklist(fillChecklist(blank, { shopper: 'Ann Smith!', steps: [] }), scenario)).toThrow('the shopper id "Ann Smith!" is not one');
  });
});

describe('a checklist of a scenario with secrets', () => {
  const env = { SHOP_EMAIL: 'jane.q.shopper+vip@example.com', SHOP_TOKEN: 'tok9fKq2LmZ7xW', SHOP_OTP: '739184', SHOP_PHONE: '5551234567', SHOP_CARD: '4242424242424242' };
  const text = (value: (name: keyof typeof env) => string) => `name: Check out as ${value('SHOP_EMAIL')}
device: Pixel 7
steps:
  - name: Open details for ${value('SHOP_EMAIL')}
    goto: /misc.html?e=${value('SHOP_EMAIL')}&t=${value('SHOP_TOKEN')}&o=${value('SHOP_OTP')}&n=x&c=${value('SHOP_CARD')}
  - name: Voucher ${value('SHOP_TOKEN')} goes in
    type: { label: Voucher code, text: "${value('SHOP_TOKEN')}" }
  - name: Tap the code
    tap: { text: "Send ${value('SHOP_OTP')} to ${value('SHOP_PHONE')}" }
`;
  const secret = parseScenario('secret.yaml', text((name) => `\${env.${name}}`), env).scenario!;
  const plain = parseScenario('plain.yaml', text((name) => env[name]), {}).scenario!;
  const paper = renderChecklist(secret, 'https://shop.example');

  it('shows no secret: ••• where one sits in a name, an address or a locator, and a typed one is given apart', () => {
    for (const value of Object.values(env)) {
      expect(paper).not.toContain(value);
      expect(paper).not.toContain(encodeURIComponent(value));
    }
    expect(paper).toContain('Scenario: Check out as •••');
    expect(paper).toContain('Where you see •••, use the value you were given for it (not shown here).');
    expect(paper).toContain('--- Step 1 of 3: Open details for •••');
    expect(paper).toContain('Open https://shop.example/misc.html?e=•••&t=•••&o=•••&n=x&c=•••');
    expect(paper).toContain('--- Step 2 of 3: Voucher ••• goes in');
    expect(paper).toContain('Type the value you were given for this (not shown here) into field labelled "Voucher code"');
    expect(paper).toContain('"It was easy to do this: Voucher ••• goes in."');
    expect(paper).toContain('Tap text "Send ••• to •••"');
    expect(paper).toContain('"It was easy to check out as •••."');
  });

  it('the same scenario with no secrets prints its names and addresses as they are', () => {
    const clean = renderChecklist(plain, 'https://shop.example');
    expect(clean).toContain('Scenario: Check out as jane.q.shopper+vip@example.com');
    expect(clean).toContain('--- Step 2 of 3: Voucher tok9fKq2LmZ7xW goes in');
    expect(clean).toContain('Open https://shop.example/misc.html?e=jane.q.shopper+vip@example.com&t=tok9fKq2LmZ7xW&o=739184&n=x&c=4242424242424242');
    expect(clean).toContain('Type "tok9fKq2LmZ7xW" into field labelled "Voucher code"');
    expect(clean).toContain('Tap text "Send 739184 to 5551234567"');
    expect(clean).not.toContain('•••');
    expect(clean).not.toContain('Where you see');
  });

  it('the instructions a shopper sees in the browser hide them the same way', () => {
    expect(secret.steps.flatMap((step) => instructionsFor(step, secret, 'https://shop.example'))).toEqual([
      'cx-shop opens https://shop.example/misc.html?e=•••&t=•••&o=•••&n=x&c=••• for you',
      'Type the value you were given for this (not shown here) into field labelled "Voucher code"',
      'Tap text "Send ••• to •••"',
    ]);
  });

  it('reads the filled-in paper back, its masked step names matching the scenario\'s', () => {
    const filled = fillChecklist(paper, { shopper: 'S-7', steps: [['done', '0:20', '6'], ['done', '0:30', '5'], ['could not', '1:00', '2']], overall: '3' });
    const answers = readChecklist(filled, secret);
    const result = judgeScenario(checklistArtifacts(secret, answers, { baseUrl: 'https://shop.example', predicted: null }));
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'blocked']);
    const wrong = filled.replace('Voucher ••• goes in', 'Voucher ••• comes out');
    expect(() => readChecklist(wrong, secret)).toThrow('step 2 is "Voucher ••• comes out" here, but "Voucher ••• goes in" in secret.yaml');
  });
});

describe('several shoppers put together', () => {
  it('puts answers on the steps of their names when a step was added to the scenario between two walks', () => {
    const longer = parseScenario('returns.yaml', SCENARIO.replace('  - name: Say why', '  - name: Sign in\n    tap: { role: button, name: Sign in }\n  - name: Say why'), {}).scenario!;
    const walk = (of: typeof scenario, shopper: string, times: string[]) => {
      const filled = fillChecklist(renderChecklist(of, ''), { shopper, steps: times.map((time) => ['done', time, '5'] as StepFill), overall: '5' });
      return judgeScenario(checklistArtifacts(of, readChecklist(filled, of), { baseUrl: '', predicted: null }));
    };
    const [panel] = combineGuided([walk(scenario, 'A', ['0:05', '0:10', '0:30', '0:40']), walk(longer, 'B', ['0:07', '0:20', '1:00', '0:32', '0:44'])]);
    expect(panel!.steps.map((s) => [s.name, s.runs, s.seconds.median])).toEqual([
      ['Open my orders', 2, 6],
      ['Choose the jacket', 2, 15],
      ['Sign in', 1, 60],
      ['Say why', 2, 31],
      ['Send the return', 2, 42],
    ]);
  });

  it('gives per step the runs, the median time and range, the spread of answers, and the rank correlation', () => {
    const predicted = { from: 'run', steps: [{ name: 'Open my orders', effort: 0, status: 'passed' }, { name: 'Choose the jacket', effort: 3, status: 'passed' }, { name: 'Say why', effort: 6, status: 'passed' }, { name: 'Send the return', effort: 9, status: 'passed' }] };
    const walk = (shopper: string, times: string[], eases: string[], overall: string) => {
      const filled = fillChecklist(renderChecklist(scenario, ''), { shopper, steps: times.map((time, i) => ['done', time, eases[i]!] as StepFill), overall });
      return judgeScenario(checklistArtifacts(scenario, readChecklist(filled, scenario), { baseUrl: '', predicted }));
    };
    const [panel] = combineGuided([
      walk('A', ['0:05', '0:10', '0:30', '0:40'], ['7', '6', '4', '3'], '5'),
      walk('B', ['0:07', '0:20', '0:25', '1:00'], ['7', '5', '3', '2'], '4'),
      walk('C', ['0:06', '0:15', '0:50'], ['6', '6', '2'], '3'),
    ]);
    expect(panel!.shoppers).toEqual(['A', 'B', 'C']);
    expect(panel!.steps.map((s) => s.runs)).toEqual([3, 3, 3, 2]);
    expect(panel!.steps[2]!.seconds).toEqual({ median: 30, min: 25, max: 50 });
    expect(panel!.steps[3]!.seconds).toEqual({ median: 50, min: 40, max: 60 });
    expect(panel!.steps[1]!.ease).toEqual({ median: 6, min: 5, max: 6, answers: [5, 6, 6] });
    expect(panel!.ease).toEqual({ median: 4, min: 3, max: 5, answers: [3, 4, 5] });
    expect(panel!.steps.map((s) => s.predictedEffort)).toEqual([0, 3, 6, 9]);
    // Predicted effort and median time rise together over the steps.
    expect(panel!.rankCorrelation).toBe(1);
  });
});

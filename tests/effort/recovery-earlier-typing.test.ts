/**
 * The retyping an error message forces does not hang on how a scenario splits its steps: the field it names may have
 * been typed in the step that showed it or in an earlier step on the same page.
 */
import { describe, expect, it } from 'vitest';
import type { TypedField } from '../../src/artifacts/types.js';
import { OPERATORS } from '../../src/effort/operators.js';
import { recoveryFor, retap } from '../../src/effort/recovery.js';
import { ruleFinding as finding } from '../helpers/report.js';
import { judgedStep } from '../helpers/artifacts.js';

const M = OPERATORS.mental;
const P = retap(true) - M;
const K = OPERATORS.keystroke;

const field = (label: string, chars: number, overrides: Partial<TypedField> = {}): TypedField => ({
  target: { description: `textbox labelled "${label}"`, text: '', box: null, pageBox: null },
  label,
  keptAfterTyping: true,
  keptAtStepEnd: true,
  chars,
  valueAtEnd: 'x'.repeat(chars),
  ...overrides,
});
const invalidEmail = finding('error-message', { evidence: { text: 'Please enter a valid email address.' } });

describe('an error message names a field typed in an earlier step', () => {
  it('typed a step before the tap, or in the step of the tap: the same retyping', () => {
    const name = judgedStep({ index: 1, typed: [field('Full name', 12)] });
    const email = judgedStep({ index: 2, typed: [field('Email address', 24)] });
    const split = recoveryFor([invalidEmail], judgedStep({ index: 3 }), [judgedStep({ index: 0, pages: ['/signup'] }), name, email]);
    const together = recoveryFor([invalidEmail], judgedStep({ index: 2, typed: [field('Email address', 24)] }), [judgedStep({ index: 0, pages: ['/signup'] }), name]);
    expect(split).toEqual(together);
    expect(split[0]!.seconds).toBeCloseTo(M + P + 24 * K, 3);
    expect(split[0]!.what).toBe('go to textbox labelled "Email address" and type it again (24 characters)');
  });

  it('a field typed twice is typed again as it was typed last', () => {
    const earlier = [judgedStep({ index: 0, typed: [field('Email address', 24)] }), judgedStep({ index: 1, typed: [field('Email address', 17)] })];
    const [item] = recoveryFor([invalidEmail], judgedStep({ index: 2 }), earlier);
    expect(item!.seconds).toBeCloseTo(M + P + 17 * K, 3);
  });

  it('a field on a page the customer has since left is not the one named: nothing to retype', () => {
    const login = judgedStep({ index: 0, typed: [field('Email address', 24)] });
    const newsletter = judgedStep({ index: 1, pages: ['/newsletter'] });
    const [item] = recoveryFor([invalidEmail], judgedStep({ index: 2 }), [login, newsletter]);
    expect(item!.seconds).toBeCloseTo(M + P, 3);
    expect(item!.what).toBe('work out what to fix and go to it');
  });

  it('a field gone when its step ended (the step typed it and moved on to a new page) is not on the page', () => {
    const sent = judgedStep({ index: 0, typed: [field('Email address', 24, { keptAtStepEnd: null, valueAtEnd: null })], pages: ['/welcome'] });
    const [item] = recoveryFor([invalidEmail], judgedStep({ index: 1 }), [sent]);
    expect(item!.seconds).toBeCloseTo(M + P, 3);
  });

  it('a form the step emptied is filled again once, with the form: the field typed earlier is not typed again here', () => {
    const email = judgedStep({ index: 0, typed: [field('Email address', 24)] });
    const cleared = finding('form-cleared', { evidence: { items: [{ element: 'textbox labelled "Email address"', chars: 24 }] } });
    const [item] = recoveryFor([invalidEmail, cleared], judgedStep({ index: 1 }), [email]);
    expect(item!.seconds).toBeCloseTo(M + P, 3);
  });

  it('the message names the field: one it does not name, typed earlier, is not typed again', () => {
    const [item] = recoveryFor([invalidEmail], judgedStep({ index: 1 }), [judgedStep({ index: 0, typed: [field('Phone', 11)] })]);
    expect(item!.seconds).toBeCloseTo(M + P, 3);
  });
});

describe('a field typed earlier and lost since', () => {
  it('emptied in an earlier step (value-not-kept priced typing it again there): not typed again for the message', () => {
    const typed = judgedStep({ index: 0, typed: [field('Phone', 12)] });
    const blanked = judgedStep({ index: 1, typed: [field('Postcode', 8), field('Phone', 12, { keptAtStepEnd: false, valueAtEnd: '' })] });
    const [item] = recoveryFor([finding('error-message', { evidence: { text: 'Enter your phone number with 10 or 11 digits.' } })], judgedStep({ index: 2 }), [typed, blanked]);
    expect(item!.seconds).toBeCloseTo(M + P, 3);
  });

  it('emptied by the step that shows the message (a password a refused sign-in hands back empty): typed again, as before', () => {
    const typed = judgedStep({ index: 0, typed: [field('Password', 14)] });
    const refused = judgedStep({ index: 1, typed: [field('Password', 14, { keptAtStepEnd: false, valueAtEnd: '' })] });
    const [item] = recoveryFor([finding('error-message', { evidence: { text: 'That password is not right.' } })], refused, [typed]);
    expect(item!.seconds).toBeCloseTo(M + P + 14 * K, 3);
  });
});

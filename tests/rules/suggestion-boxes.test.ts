/**
 * Boxes of suggestions (an address finder: a text field with the combobox role and a list of options) on
 * hand-built artifacts: one emptied once the customer picked a suggestion is no lost value, and its words ("Find your
 * address") name what it finds, not personal data the browser could fill in. A plain field, or no pick, still is.
 */
import { describe, expect, it } from 'vitest';
import type { FieldInfo, Interaction, TargetInfo, TypedField } from '../../src/artifacts/types.js';
import missingAutocomplete from '../../src/rules/missing-autocomplete.js';
import type { EvidenceItem } from '../../src/rules/support/items.js';
import valueNotKept from '../../src/rules/value-not-kept.js';
import { judgedStep, pageSnapshot } from '../helpers/artifacts.js';

const target = (description: string): TargetInfo => ({ description, text: '', box: null, pageBox: null });

/** A field typed into in an earlier step and empty now: what the recorder says of a field the page emptied. */
const emptied = (description: string): TypedField => ({
  target: target(description),
  label: 'Find your address',
  keptAfterTyping: true,
  keptAtStepEnd: false,
  chars: 0,
  valueAtEnd: '',
});

const tapOn = (description: string): Interaction => ({ kind: 'tap', target: target(description), pointer: 'touch' });

const FINDER = 'combobox labelled "Find your address"';

describe('value-not-kept and a box of suggestions', () => {
  it('an address finder emptied once the customer picked a suggestion is no loss', () => {
    const step = judgedStep({ typed: [emptied(FINDER)], interactions: [tapOn('option "12 Fell Road, Keswick, CA12 5AB"')] });
    expect(valueNotKept.detect(step)).toEqual([]);
  });

  it('a suggestion picked with the keys (the arrows, then Enter or Tab) is a pick too', () => {
    const keys = (key: string): Interaction[] => [{ kind: 'press', key: 'ArrowDown' }, { kind: 'press', key }];
    for (const key of ['Enter', 'Tab']) expect(valueNotKept.detect(judgedStep({ typed: [emptied(FINDER)], interactions: keys(key) }))).toEqual([]);
    // The arrows alone pick nothing.
    expect(valueNotKept.detect(judgedStep({ typed: [emptied(FINDER)], interactions: [{ kind: 'press', key: 'ArrowDown' }] }))).toHaveLength(1);
  });

  it('the same box emptied without a pick is a loss', () => {
    const step = judgedStep({ typed: [emptied(FINDER)], interactions: [tapOn('button "Use my location"')] });
    expect(valueNotKept.detect(step).map((f) => f.message)).toEqual([`${FINDER} lost its value when the customer moved on`]);
  });

  it('a plain field emptied when an option is picked elsewhere is a loss', () => {
    const step = judgedStep({ typed: [emptied('textbox labelled "Address line 1"')], interactions: [tapOn('option "Next day"')] });
    expect(valueNotKept.detect(step)).toHaveLength(1);
  });
});

describe('value-not-kept and a control the customer tapped to clear', () => {
  const SEARCH = 'searchbox labelled "Search in Tops & shirts"';
  it.each(['button "Clear search"', 'button "✕"', 'button "Remove filter: Up to £40"', 'link "Reset filters"'])('a field emptied by a tap on %s is no loss', (control) => {
    expect(valueNotKept.detect(judgedStep({ typed: [emptied(SEARCH)], interactions: [tapOn(control)] }))).toEqual([]);
  });

  it('emptied by a tap on anything else, it is', () => {
    expect(valueNotKept.detect(judgedStep({ typed: [emptied(SEARCH)], interactions: [tapOn('button "Sort by price"')] }))).toHaveLength(1);
  });
});

describe('missing-autocomplete and a box of suggestions', () => {
  const field = (overrides: Partial<FieldInfo>): FieldInfo => ({
    element: 'textbox labelled "Find your address"',
    selector: '#finder',
    text: '',
    box: { x: 0, y: 0, width: 300, height: 48 },
    tag: 'input',
    type: 'text',
    inputMode: null,
    autocomplete: 'off',
    name: 'finder',
    label: 'Find your address',
    placeholder: null,
    filled: false,
    length: 0,
    form: 0,
    ...overrides,
  });
  const findings = (fields: FieldInfo[]) => missingAutocomplete.detect(judgedStep({ page: pageSnapshot({ fields }) }));

  it('an address finder with suggestions of its own needs no autocomplete token', () => {
    expect(findings([field({ element: FINDER })])).toEqual([]);
  });

  it('a plain address field with the same words does', () => {
    expect(findings([field({})])).toHaveLength(1);
  });

  it('a drop-down list (a combobox too, to assistive technology) is still judged by its words', () => {
    expect(findings([field({ element: 'combobox labelled "Country"', tag: 'select', label: 'Country', name: 'country', type: 'select-one' })])).toHaveLength(1);
  });
});

describe("missing-autocomplete and someone else's details", () => {
  const field = (label: string, type = 'text', autocomplete: string | null = null): FieldInfo => ({
    element: `textbox labelled "${label}"`,
    selector: '#f',
    text: '',
    box: { x: 0, y: 0, width: 300, height: 48 },
    tag: 'input',
    type,
    inputMode: null,
    autocomplete,
    name: '',
    label,
    placeholder: null,
    filled: false,
    length: 0,
    form: 0,
  });
  const flagged = (fields: FieldInfo[]) =>
    missingAutocomplete.detect(judgedStep({ page: pageSnapshot({ fields }) })).flatMap((f) => ((f.evidence.items ?? []) as EvidenceItem[]).map((item) => item.element));

  it("a gift's recipient and a friend to refer owe no token: the customer's own details do not belong there", () => {
    expect(flagged([field("Recipient's name", 'text', 'off'), field("Recipient's email", 'email', 'off'), field("Your friend's email", 'email'), field('Their phone number', 'tel')])).toEqual([]);
  });

  it("the customer's own fields beside them still do, and words that only look alike change nothing", () => {
    expect(flagged([field("Recipient's email", 'email', 'off'), field('Your email', 'email'), field('Email for friendly reminders', 'email'), field('Full name')])).toEqual([
      'textbox labelled "Your email"',
      'textbox labelled "Email for friendly reminders"',
      'textbox labelled "Full name"',
    ]);
  });
});

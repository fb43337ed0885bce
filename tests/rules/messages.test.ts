/**
 * A finding's message reads as a sentence for one item as for several: "1 link leads nowhere", "2 links lead
 * nowhere". Hand-built artifacts, one rule at a time.
 */
import { describe, expect, it } from 'vitest';
import brokenLink from '../../src/rules/broken-link.js';
import missingAutocomplete from '../../src/rules/missing-autocomplete.js';
import unlabelledField from '../../src/rules/unlabelled-field.js';
import wrongKeyboard from '../../src/rules/wrong-keyboard.js';
import { fieldInfo, judgedStep, pageSnapshot } from '../helpers/artifacts.js';

const field = (id: string, label: string | null) => fieldInfo(label, { selector: `#${id}`, name: id });

const link = (n: number) => ({ href: `https://shop.test/gone-${n}`, element: `link "Gone ${n}"`, selector: `#gone-${n}`, status: 404, failure: null });

const messages = (rule: { detect(step: never): Array<{ message: string }> }, step: ReturnType<typeof judgedStep>) => rule.detect(step as never).map((f) => f.message);

describe('one item, several items', () => {
  it('broken-link', () => {
    expect(messages(brokenLink, judgedStep({ links: [link(1)] }))[0]).toMatch(/^1 link leads nowhere: /);
    expect(messages(brokenLink, judgedStep({ links: [link(1), link(2)] }))[0]).toMatch(/^2 links lead nowhere: /);
  });

  it('wrong-keyboard, missing-autocomplete and unlabelled-field', () => {
    const one = judgedStep({ page: pageSnapshot({ fields: [field('email', 'Email')] }) });
    const two = judgedStep({ page: pageSnapshot({ fields: [field('email', 'Email'), field('email2', 'Confirm email')] }) });
    expect(messages(wrongKeyboard, one)[0]).toMatch(/^1 field opens the wrong keyboard: /);
    expect(messages(wrongKeyboard, two)[0]).toMatch(/^2 fields open the wrong keyboard: /);
    expect(messages(missingAutocomplete, one)[0]).toMatch(/^1 field makes the customer type /);
    expect(messages(missingAutocomplete, two)[0]).toMatch(/^2 fields make the customer type /);
    const bare = judgedStep({ page: pageSnapshot({ fields: [field('q', null)] }) });
    expect(messages(unlabelledField, bare)[0]).toMatch(/^1 field has no label: /);
  });
});

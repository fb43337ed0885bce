/**
 * What a field is for, read from its words, type and autocomplete token, and what that asks of its keyboard: a sign-in
 * field for an email address or a phone number, or a username, asks for no email keyboard.
 */
import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../src/artifacts/types.js';
import { eitherSignInName, fieldPurpose } from '../../src/rules/support/field-purpose.js';
import wrongKeyboard from '../../src/rules/wrong-keyboard.js';
import { fieldInfo, judgedStep, pageSnapshot } from '../helpers/artifacts.js';

const field = (label: string, more: Partial<FieldInfo> = {}) => fieldInfo(label, { selector: '#login', name: 'login', ...more });

const wrongKeyboards = (fields: FieldInfo[]) => wrongKeyboard.detect(judgedStep({ page: pageSnapshot({ fields }) }) as never);

describe('a sign-in name', () => {
  it('for an email address or another name is a text field, rightly', () => {
    const either = [
      field('Email or mobile number', { autocomplete: 'username' }),
      field('Mobile number or email'),
      field('Username or email address', { autocomplete: 'username' }),
      field('E-mail or customer number'),
    ];
    for (const f of either) expect(eitherSignInName(f)).toBe(true);
    expect(wrongKeyboards(either)).toEqual([]);
    // Still an email or a phone to the autocomplete rule, which "username" satisfies.
    expect(fieldPurpose(either[0]!)).toBe('email');
    expect(fieldPurpose(either[1]!)).toBe('phone');
  });

  it('named a username is no email address', () => {
    expect(fieldPurpose(field('Username', { autocomplete: 'username' }))).toBeNull();
    expect(wrongKeyboards([field('Username', { autocomplete: 'username' })])).toEqual([]);
  });

  it('that is an email address alone still asks for the email keyboard, whatever its token', () => {
    const email = field('Email', { autocomplete: 'username', name: 'email' });
    expect(eitherSignInName(email)).toBe(false);
    expect(fieldPurpose(email)).toBe('email');
    expect(wrongKeyboards([email]).map((f) => f.message)).toEqual(['1 field opens the wrong keyboard: "Email" needs type="email"']);
    expect(fieldPurpose(field('Mobile number'))).toBe('phone');
    expect(wrongKeyboards([field('Mobile number')])).toHaveLength(1);
  });
});

/**
 * error-message on hand-built artifacts: new plain text (no role, no error styling) is an error when its words say
 * so, in the ways shops say it; a confirmation is not.
 */
import { describe, expect, it } from 'vitest';
import { isErrorMessage } from '../../src/rules/error-message.js';

const plain = (text: string) => isErrorMessage({ kind: 'text', text, where: 'div' });

describe('error words', () => {
  it.each([
    "That code isn't valid for the items in your bag.",
    'This voucher has already been used.',
    'That email is already registered. Sign in instead?',
    "The passwords don't match.",
    'Order not found. Check the number on your confirmation email.',
    'Sorry, this size has sold out.',
    'This colour is out of stock.',
    'Your password is too short.',
    'Your card was declined.',
    'Payment refused by your bank.',
    'This offer is no longer available.',
  ])('"%s" is an error', (text) => {
    expect(plain(text)).toBe(true);
  });

  it.each(['Code applied: you save £6.75.', 'Added to your bag.', 'We found 3 addresses.', 'Your order is on its way.', 'In stock: ready to ship tomorrow.'])(
    '"%s" is not',
    (text) => {
      expect(plain(text)).toBe(false);
    },
  );
});

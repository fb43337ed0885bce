/** When a field's value is still what the customer typed, however the site writes it back (pure, no browser). */
import { describe, expect, it } from 'vitest';
import { browserFormatted, sameFieldValue, sameValue } from '../../src/recorder/values.js';
import { segmentKeys } from '../../src/driver/field-keys.js';

describe('sameValue', () => {
  it.each([
    ['4242 4242 4242 4242', '4242424242424242'],
    ['08 / 29', '0829'],
    ['SAVE10', 'save10'],
    ['£1,000.00', '1000'],
    ['50.00', '50'],
    ['$ 25', '25'],
    ['10.5', '10.50'],
    ['•••• •••• •••• 4242', '4242 4242 4242 4242'],
    ['Thu 10 Dec 2026', '10/12/2026'],
    ['December 10, 2026', '12/10/2026'],
    ['10.12.2026', '10/12/26'],
  ])('"%s" is still "%s"', (value, typed) => expect(sameValue(value, typed)).toBe(true));

  it.each([
    ['123', '0123'],
    ['1000', '100'],
    ['5', '50'],
    ['', 'ada@example.com'],
    ['SAVE1', 'SAVE10'],
    ['•••• •••• •••• 4243', '4242 4242 4242 4242'],
    ['Thu 10 Nov 2026', '10/12/2026'],
    ['Thu 10 Dec 2025', '10/12/2026'],
  ])('"%s" is not "%s"', (value, typed) => expect(sameValue(value, typed)).toBe(false));
});

describe('sameFieldValue', () => {
  const phone = { type: 'tel', words: 'phone' };
  it('a phone number written again with its country code is the same number', () => {
    expect(sameFieldValue(phone, '+44 7700 900123', '07700 900123')).toBe(true);
    expect(sameFieldValue(phone, '+1 503 555 0142', '503-555-0142')).toBe(true);
    expect(sameFieldValue({ type: 'text', words: 'mobile number' }, '+44 7700 900123', '07700 900123')).toBe(true);
  });

  it('a number cut short, another number, or a field that is no phone field is not', () => {
    expect(sameFieldValue(phone, '016329', '01632 960310')).toBe(false);
    expect(sameFieldValue(phone, '+44 7700 900124', '07700 900123')).toBe(false);
    expect(sameFieldValue({ type: 'text', words: 'account number' }, '447700900123', '07700900123')).toBe(false);
  });
});

describe('browserFormatted', () => {
  it('date and time fields hold the browser\'s own form; text and number fields do not', () => {
    expect(['date', 'time', 'datetime-local', 'month', 'week'].every(browserFormatted)).toBe(true);
    expect(['text', 'number', 'tel', 'email'].some(browserFormatted)).toBe(false);
  });
});

describe('segmentKeys: a value written in its standard form, typed into the date and time field segments', () => {
  it.each([
    ['date', '2026-12-10', '12102026'],
    ['time', '14:30', '0230P'],
    ['time', '00:15', '1215A'],
    ['time', '12:00', '1200P'],
    ['datetime-local', '2026-12-11T09:05', '121120260905A'],
    ['month', '2027-03', '032027'],
    ['week', '2026-W50', '502026'],
  ])('%s "%s" is typed as %s', (type, text, keys) => expect(segmentKeys(type, text)).toBe(keys));

  it.each([
    ['date', '12/10/2026'],
    ['time', '2:30 PM'],
    ['text', '2026-12-10'],
  ])('%s "%s" is typed as written', (type, text) => expect(segmentKeys(type, text)).toBeNull());
});

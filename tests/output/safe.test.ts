/** One redaction for every output, in every form a site shows a secret in; terminal text without escape sequences. */
import { describe, expect, it } from 'vitest';
import { redact, terminalSafe } from '../../src/output/safe.js';

describe('redact', () => {
  const card = '4111111111111111';

  it('masks a secret as typed, spaced, dashed, in another case and JSON-escaped', () => {
    for (const form of ['4111111111111111', '4111 1111 1111 1111', '4111-1111-1111-1111']) {
      expect(redact(`card ${form} declined`, [card])).toBe('card ••• declined');
    }
    expect(redact('token AbC-dEf9', ['abcdef9'])).toBe('token •••');
    expect(redact(JSON.stringify({ p: 'pa"ss\\word' }), ['pa"ss\\word'])).toBe('{"p":"•••"}');
  });

  it('masks a secret in an address: percent-encoded, its spaces as + or %20 (a form sent with GET, a redirect)', () => {
    const password = 'my s3cret&pass wörd';
    const query = new URLSearchParams({ email: 'ann@example.com', pw: password }).toString();
    expect(query).toContain('s3cret%26pass');
    expect(redact(`/welcome?${query}`, [password])).toBe('/welcome?email=ann%40example.com&pw=•••');
    expect(redact(`/welcome#pw=${encodeURIComponent(password)}`, [password])).toBe('/welcome#pw=•••');
    expect(redact('/reset?token=Ab%2Fc%2B9xyz', ['Ab/c+9xyz'])).toBe('/reset?token=•••');
  });

  it('leaves other text alone, and short secrets match only as they are', () => {
    expect(redact('order 4111 2222', [card])).toBe('order 4111 2222');
    expect(redact('a b c and abc', ['abc'])).toBe('a b c and •••');
    expect(redact('nothing', [])).toBe('nothing');
  });
});

describe('terminalSafe', () => {
  it('removes escape sequences and control characters, keeps the words, newlines and tabs', () => {
    const ESC = '\u001b';
    expect(terminalSafe(`Pay ${ESC}[2J${ESC}]0;pwned\u0007now`)).toBe('Pay now');
    expect(terminalSafe(`red ${ESC}[31mtext${ESC}[0m\tend\nnext\r\u0008`)).toBe('red text\tend\nnext');
    expect(terminalSafe('plain £45.00 — ok')).toBe('plain £45.00 — ok');
  });
});

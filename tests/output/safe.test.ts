/** One redaction for every output, in every form a site shows a secret in; terminal text without escape sequences. */
import { describe, expect, it } from 'vitest';
import { redact, redactJson, terminalSafe } from '../../src/output/safe.js';

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

  it('masks a secret a site wrote in base64: in a token, in JSON in an address, wherever it starts among its groups of three', () => {
    const email = 'ann@example.com';
    for (const before of ['', 'x', 'xy', '{"email":"', '{"id":7,"e":"']) {
      for (const written of [Buffer.from(`${before}${email}","n":1}`).toString('base64'), Buffer.from(`${before}${email}`).toString('base64url')]) {
        const masked = redact(`/welcome?u=${written}`, [email]);
        expect(masked, before).toContain('•••');
        // What is left on either side, read as base64, no longer holds the secret, nor most of it.
        for (const part of masked.slice('/welcome?u='.length).split('•••')) expect(Buffer.from(part, 'base64').toString('latin1'), before).not.toMatch(/ann@ex|example\.c/);
      }
    }
    // Another base64 value, and a short secret's, are left alone.
    const other = Buffer.from('{"email":"bob@example.org"}').toString('base64');
    expect(redact(`/welcome?u=${other}`, [email, '4321'])).toBe(`/welcome?u=${other}`);
  });

  it('leaves other text alone, and short secrets match only as they are', () => {
    expect(redact('order 4111 2222', [card])).toBe('order 4111 2222');
    expect(redact('a b c and abc', ['abc'])).toBe('a b c and •••');
    expect(redact('nothing', [])).toBe('nothing');
  });

  it('masks a short secret, a word or a number only whole: not inside other words or numbers', () => {
    // A security code, a colour word, a PIN, a memorable word.
    expect(redact('Reorder the red shirt, code 412 (412 px wide: 4120)', ['red', '412'])).toBe('Reorder the ••• shirt, code ••• (••• px wide: 4120)');
    expect(redact('Your orders: Order 1 ordered on 10000 days, PIN 0000.', ['Order', '0000'])).toBe('Your orders: ••• 1 ordered on 10000 days, PIN •••.');
    // A secret of letters and digits (a password, a token) is still masked wherever it sits.
    expect(redact('xtok9fKq2LmZ7xWy', ['tok9fKq2LmZ7xW'])).toBe('x•••y');
  });

  it('masks a number as sites write it: a phone with brackets and dots, a card with dots', () => {
    const phone = '5551234567';
    for (const form of ['(555) 123-4567', '555.123.4567', '555 123 4567']) expect(redact(`We will text ${form} today`, [phone])).toMatch(/^We will text \(?••• today$/);
    expect(redact('Dotted: 4111.1111.1111.1111.', [card])).toBe('Dotted: •••.');
  });

  it('masks a secret encoded twice in an address (a redirect in a query), escaped twice in JSON, or as HTML', () => {
    const email = 'jane.q+vip@example.com';
    const nested = `/welcome?next=${encodeURIComponent(`/verify?email=${encodeURIComponent(email)}`)}`;
    expect(nested).toContain('%252B');
    expect(redact(nested, [email])).toBe('/welcome?next=%2Fverify%3Femail%3D•••');
    const quoted = 'p"w\\d9Zq';
    expect(redact(JSON.stringify(JSON.stringify({ nick: quoted })), [quoted])).not.toMatch(/d9Zq/);
    expect(redact('<img data-pw="Hunter2&amp;Go!">', ['Hunter2&Go!'])).toBe('<img data-pw="•••">');
    // A "+" read back from a form sent in an address comes back as a space.
    expect(redact('Text message to jane.q vip@example.com', [email])).toBe('Text message to •••');
    expect(redact('<b>a&lt;b&#39;c&quot;</b>', ["a<b'c\""])).toBe('<b>•••</b>');
  });

  it('masks a phone number the site writes with its country code, and a date of birth it writes out', () => {
    expect(redact('We will text +44 7700 900123 and +44 (0)7700 900123', ['07700900123'])).toBe('We will text +44 ••• and +44 (•••');
    expect(redact('Call 07700 900123', ['+447700900123'])).toBe('Call •••');
    expect(redact('Born 14 March 1985, on 14/03/1985, or March 14, 1985', ['1985-03-14'])).toBe('Born •••, on •••, or •••');
    // Another number, another date, and the year alone are no secret.
    expect(redact('Our line +44 7700 900456, since 14 March 2019, in 1985', ['07700900123', '1985-03-14'])).toBe('Our line +44 7700 900456, since 14 March 2019, in 1985');
  });

  it('masks what is left of a secret where a text was cut short', () => {
    expect(redact('Continue as jane.q+vip@exa', ['jane.q+vip@example.com'])).toBe('Continue as •••');
    expect(redact('Use the card 4111 1111 1…', [card])).toBe('Use the card •••…');
    // Too little of it to tell: four digits of sixteen are on every receipt.
    expect(redact('card ending 4111', [card])).toBe('card ending 4111');
    // A name cx-shop cut, marked "…", where the cut went through the secret: its start is the secret.
    expect(redact(`p "If that address has an account, we've sent a link to jane.do…"`, ['jane.doe@example.com'])).toBe(`p "If that address has an account, we've sent a link to •••…"`);
    // A long secret cut short mid-sentence: three quarters of it, from its start, is masked wherever it shows.
    expect(redact('Card number 4111 1111 1111 1 is too short', [card])).toBe('Card number ••• is too short');
    expect(redact('IBAN GB29 NWBK 6016 1331 92 is incomplete', ['GB29NWBK60161331926819'])).toBe('IBAN ••• is incomplete');
    // Less of it, or a longer number that begins the same way, is no card.
    expect(redact('Reference 4111 1111 9, batch 4111 1111 1111 2222 0', [card])).toBe('Reference 4111 1111 9, batch 4111 1111 1111 2222 0');
    // Words that merely begin as the secret does, and are not cut there, stay.
    expect(redact('link "Jane" and a link to jane.do', ['jane.doe@example.com'])).toBe('link "Jane" and a link to jane.do');
  });
});

describe('redactJson', () => {
  const masked = (data: unknown, secrets: string[]) => JSON.parse(redactJson(JSON.stringify(data, null, 2), secrets)) as unknown;

  it('masks the strings of a report, never its numbers or its structure', () => {
    const report = { viewport: { width: 412, height: 915 }, timeout: 10000, steps: [{ name: 'Type 412 and 0000', url: '/pay?cvc=412' }] };
    expect(masked(report, ['412', '0000'])).toEqual({ viewport: { width: 412, height: 915 }, timeout: 10000, steps: [{ name: 'Type ••• and •••', url: '/pay?cvc=•••' }] });
  });

  it('masks keys, a text cut short among others, and a secret with quotes and backslashes as JSON writes it', () => {
    const email = 'jane.q+vip@example.com';
    const data = { [`by ${email}`]: ['Continue as jane.q+vip@exa', 'jane.q+vip@exa is not cut here, it goes on'] };
    expect(masked(data, [email])).toEqual({ 'by •••': ['Continue as •••', 'jane.q+vip@exa is not cut here, it goes on'] });
    const quoted = 'p"w\\d9Zq';
    expect(masked({ said: `nick ${quoted} taken`, twice: JSON.stringify({ nick: quoted }) }, [quoted])).toEqual({ said: 'nick ••• taken', twice: '{"nick":"•••"}' });
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

/**
 * What an imported DevTools recording keeps out of the scenario file: a value typed into a secret field, wherever it
 * turns up again in the recording (an address, raw or percent-encoded, a step's name, a locator), and the fields
 * that hold one-time codes, bank details and memorable words; fields that hold no secret are written as typed.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importRecording, parseRecording } from '../../src/scenario/import-recording.js';
import { parseScenario } from '../../src/scenario/load.js';

const recording = (steps: unknown[]) => importRecording(parseRecording(JSON.stringify({ title: 'Sign in', steps })));
const change = (label: string, value: string) => ({ type: 'change', selectors: [[`aria/${label}`], ['#field']], value });
const stepsOf = (yaml: string) => (parse(yaml) as { steps: Array<Record<string, unknown>> }).steps;

describe('secrets in an imported recording', () => {
  it('a secret typed once is its ${env} reference wherever it appears later: in an address, raw or percent-encoded, and a step name', () => {
    const { yaml, notes } = recording([
      { type: 'navigate', url: 'https://shop.test/signin.html' },
      change('Password', 'Hunter2&Go!'),
      { type: 'click', selectors: [['aria/Sign in']], assertedEvents: [{ type: 'navigation', url: 'https://shop.test/welcome.html?pw=Hunter2%26Go!' }] },
      { type: 'navigate', url: 'https://shop.test/welcome.html?pw=Hunter2%26Go!' },
      { type: 'navigate', url: 'https://elsewhere.test/back?from=Hunter2%26Go%21' },
      { type: 'click', selectors: [['text/Not Hunter2&Go!?'], ['#not-me']] },
    ]);
    expect(yaml).not.toContain('Hunter2');
    expect(stepsOf(yaml)).toEqual([
      { name: 'Open /signin.html', goto: '/signin.html' },
      { name: 'Type into "Password"', type: { role: 'textbox', name: 'Password', exact: true, text: '${env.CX_SHOP_SECRET_1}' } },
      { name: 'Tap "Sign in"', tap: { text: 'Sign in', exact: true }, expect: { url: '/welcome.html?pw=${env.CX_SHOP_SECRET_1}' } },
      { name: 'Open /welcome.html?pw=${env.CX_SHOP_SECRET_1}', goto: '/welcome.html?pw=${env.CX_SHOP_SECRET_1}' },
      { name: 'Open https://elsewhere.test/back?from=${env.CX_SHOP_SECRET_1}', goto: 'https://elsewhere.test/back?from=${env.CX_SHOP_SECRET_1}' },
      { name: 'Tap "Not ${env.CX_SHOP_SECRET_1}?"', tap: { text: 'Not ${env.CX_SHOP_SECRET_1}?' } },
    ]);
    expect(notes.join('\n')).toContain('CX_SHOP_SECRET_1');
    expect(parseScenario('imported.yaml', yaml, { CX_SHOP_SECRET_1: 'x' }).problems).toEqual([]);
  });

  it('a secret shorter than 4 characters is looked for on its own, not inside a longer word', () => {
    const { yaml } = recording([
      { type: 'navigate', url: 'https://shop.test/pay' },
      change('CVC', 'box'),
      { type: 'navigate', url: 'https://shop.test/paid?cvc=box&size=boxes' },
    ]);
    expect(stepsOf(yaml)).toEqual([
      { name: 'Open /pay', goto: '/pay' },
      { name: 'Type into "CVC"', type: { role: 'textbox', name: 'CVC', exact: true, text: '${env.CX_SHOP_SECRET_1}' } },
      { name: 'Open /paid?cvc=${env.CX_SHOP_SECRET_1}&size=boxes', goto: '/paid?cvc=${env.CX_SHOP_SECRET_1}&size=boxes' },
    ]);
    expect(parseScenario('imported.yaml', yaml, { CX_SHOP_SECRET_1: 'x' }).problems).toEqual([]);
  });

  it('a name the page shares (every card has its "Add to cart") is the one the recording tapped: found by its other selectors, named by its card', () => {
    const { yaml } = recording([
      { type: 'navigate', url: 'https://shop.example.com/' },
      { type: 'click', selectors: [['aria/Oxford shirt', 'aria/Add to cart[role="button"]'], ['product-card:nth-of-type(2)', 'button.add']] },
      { type: 'click', selectors: [['aria/Checkout[role="link"]'], ['a.checkout']] },
    ]);
    expect(parse(yaml).steps.slice(1)).toEqual([
      { name: 'Tap "Add to cart" in "Oxford shirt"', tap: { css: 'product-card:nth-of-type(2) button.add' } },
      { name: 'Tap "Checkout"', tap: { role: 'link', name: 'Checkout', exact: true } },
    ]);
  });

  it('the same secret typed twice is one variable', () => {
    const { yaml, notes } = recording([
      { type: 'navigate', url: 'https://shop.test/register' },
      change('Password', 'Hunter2&Go!'),
      change('Confirm password', 'Hunter2&Go!'),
    ]);
    expect(yaml).not.toContain('Hunter2');
    expect(yaml.match(/\$\{env\.CX_SHOP_SECRET_1\}/g)).toHaveLength(2);
    expect(yaml).not.toContain('CX_SHOP_SECRET_2');
    expect(notes.filter((n) => n.includes('set CX_SHOP_SECRET'))).toHaveLength(1);
  });

  it('one-time codes, bank details, memorable words and security answers are secrets', () => {
    const fields: Array<[string, string]> = [
      ['Verification code', '739184'],
      ['One-time passcode', '551902'],
      ['OTP', '228417'],
      ['IBAN', 'GB33BUKB20201555555555'],
      ['Memorable word', 'Marmalade'],
      ['Security answer', 'Rover the dog'],
      ['Sort code', '20-20-15'],
      ['Account number', '55555555'],
    ];
    const { yaml } = recording([{ type: 'navigate', url: 'https://bank.test/' }, ...fields.map(([label, value]) => change(label, value))]);
    for (const [, value] of fields) expect(yaml).not.toContain(value);
    expect(yaml).toContain(`\${env.CX_SHOP_SECRET_${fields.length}}`);
  });

  it('one-time codes asked for as "Enter code", and sign-in, card and bank fields in German, French and Spanish, are secrets', () => {
    const fields: Array<[string, string]> = [
      ['Enter the 6-digit code', '482913'],
      ['Enter code', '482914'],
      ['Contraseña', 'Tr0ub4dor&3-Horse'],
      ['Kennwort', 'Tr0ub4dor&3-Horsf'],
      ['Mot de passe', 'Tr0ub4dor&3-Horsg'],
      ['Numéro de carte', '4111 1111 1111 1111'],
      ['Número de tarjeta', '5555 5555 5555 4444'],
      ['Prüfnummer', '737'],
      ['Cryptogramme visuel', '738'],
      ['Código de seguridad', '739'],
      ['Code de vérification', '551903'],
    ];
    const { yaml, notes } = recording([{ type: 'navigate', url: 'https://shop.test/' }, ...fields.map(([label, value]) => change(label, value))]);
    for (const [, value] of fields) expect(yaml).not.toContain(value);
    expect(yaml).toContain(`\${env.CX_SHOP_SECRET_${fields.length}}`);
    expect(notes.filter((note) => note.includes('looks secret'))).toHaveLength(fields.length);
  });

  it('a postcode, a discount or promo code and a gift message are written as typed', () => {
    const fields: Array<[string, string]> = [
      ['Postcode', 'SW1A 1AA'],
      ['Discount code', 'SAVE10'],
      ['Promo code', 'SPRING25'],
      ['Enter promo code', 'WINTER15'],
      ['Gutscheincode', 'GUT20'],
      ['Code promo', 'PROMO5'],
      ['Código postal', '28013'],
      ['Gift message', 'Happy birthday, Ann'],
      ['Email', 'ann@example.com'],
    ];
    const { yaml, notes } = recording([{ type: 'navigate', url: 'https://shop.test/checkout?promo=SPRING25' }, ...fields.map(([label, value]) => change(label, value))]);
    for (const [, value] of fields) expect(yaml).toContain(value);
    expect(stepsOf(yaml)[0]).toEqual({ name: 'Open /checkout?promo=SPRING25', goto: '/checkout?promo=SPRING25' });
    expect(yaml).not.toContain('${env.');
    expect(notes).toEqual([]);
  });
});

describe('what the Recorder writes, as cx-shop does it', () => {
  it('a scroll is where the page ended up: the distance from where it was, down or up, from the top of each new page', () => {
    const { yaml } = recording([
      { type: 'navigate', url: 'https://shop.test/shirts' },
      { type: 'scroll', x: 0, y: 600 },
      { type: 'scroll', x: 0, y: 1200 },
      { type: 'scroll', x: 0, y: 300 },
      { type: 'click', selectors: [['aria/Linen shirt']], assertedEvents: [{ type: 'navigation', url: 'https://shop.test/shirts/linen', title: 'Linen shirt' }] },
      { type: 'scroll', x: 0, y: 400 },
    ]);
    expect(stepsOf(yaml).filter((step) => step.scroll).map((step) => [step.name, step.scroll])).toEqual([
      ['Scroll down the page', { by: 600 }],
      ['Scroll down the page', { by: 600 }],
      ['Scroll up the page', { by: -900 }],
      ['Scroll down the page', { by: 400 }],
    ]);
  });

  it("a page the recording saw a tap lead to is that step's expectation", () => {
    const { yaml } = recording([
      { type: 'navigate', url: 'https://shop.test/' },
      { type: 'click', selectors: [['aria/Bag']], assertedEvents: [{ type: 'navigation', url: 'https://shop.test/bag?from=header', title: 'Your bag' }] },
    ]);
    expect(stepsOf(yaml)[1]).toEqual({ name: 'Tap "Bag"', tap: { text: 'Bag', exact: true }, expect: { url: '/bag?from=header' } });
  });

  it('a key pressed with another held is one chord; a capital typed with Shift is no press', () => {
    const { yaml } = recording([
      { type: 'navigate', url: 'https://shop.test/checkout' },
      { type: 'keyDown', key: 'Shift' },
      { type: 'keyDown', key: 'Tab' },
      { type: 'keyUp', key: 'Tab' },
      { type: 'keyDown', key: 'A' },
      { type: 'keyUp', key: 'A' },
      { type: 'keyUp', key: 'Shift' },
      { type: 'keyDown', key: 'Control' },
      { type: 'keyDown', key: 'a' },
      { type: 'keyUp', key: 'a' },
      { type: 'keyUp', key: 'Control' },
      { type: 'keyDown', key: 'Backspace' },
    ]);
    expect(stepsOf(yaml).filter((step) => step.press).map((step) => step.press)).toEqual(['Shift+Tab', 'Control+a', 'Backspace']);
  });

  it('a wait for something to go away (a spinner gone) is left out, not turned into its opposite', () => {
    const { yaml, notes } = recording([
      { type: 'navigate', url: 'https://shop.test/checkout' },
      { type: 'waitForElement', selectors: [['.spinner']], count: 0 },
      { type: 'waitForElement', selectors: [['aria/Order placed']] },
    ]);
    expect(stepsOf(yaml).filter((step) => step.expect).map((step) => step.expect)).toEqual([{ visible: { text: 'Order placed', exact: true } }]);
    expect(notes).toContain('steps[1] waits for something to go away: left out (cx-shop\'s expect says what must be seen)');
  });

  it("a name with no role is found as what the recording's CSS says the element is: an icon link, a list, a search field", () => {
    const { yaml } = recording([
      { type: 'navigate', url: 'https://shop.test/' },
      { type: 'click', selectors: [['aria/Cart'], ['header > a.icon-link']] },
      { type: 'change', selectors: [['aria/Size'], ['#size-select'], ['form > select']], value: 'M' },
      { type: 'change', selectors: [['aria/Search the shop'], ['input[type="search"]']], value: 'linen' },
      { type: 'change', selectors: [['aria/Email'], ['#email']], value: 'ann@example.com' },
      { type: 'click', selectors: [['aria/Free returns'], ['p.note']] },
    ]);
    expect(stepsOf(yaml).slice(1)).toEqual([
      { name: 'Tap "Cart"', tap: { role: 'link', name: 'Cart', exact: true } },
      { name: 'Choose M in "Size"', select: { label: 'Size', option: 'M' } },
      { name: 'Type into "Search the shop"', type: { label: 'Search the shop', exact: true, text: 'linen' } },
      { name: 'Type into "Email"', type: { role: 'textbox', name: 'Email', exact: true, text: 'ann@example.com' } },
      { name: 'Tap "Free returns"', tap: { text: 'Free returns', exact: true } },
    ]);
  });

  it('writes a file that validates', () => {
    const { yaml } = recording([
      { type: 'navigate', url: 'https://shop.test/checkout' },
      { type: 'keyDown', key: 'Shift' },
      { type: 'keyDown', key: 'Tab' },
      { type: 'click', selectors: [['aria/Pay']], assertedEvents: [{ type: 'navigation', url: 'https://shop.test/done' }] },
    ]);
    expect(parseScenario('imported.yaml', yaml, {}).problems).toEqual([]);
  });
});

/**
 * promo-unexplained on hand-built artifacts: a message that only restates that the code failed ("invalid code",
 * "not valid", "not recognised") is no reason; one that says why or what to do is.
 */
import { describe, expect, it } from 'vitest';
import type { PromoProbe, PromoTry } from '../../src/artifacts/types.js';
import promoUnexplained from '../../src/rules/promo-unexplained.js';
import { judgedStep } from '../helpers/artifacts.js';

const attempt = (variant: PromoTry['variant'], accepted: boolean, message: string | null): PromoTry => ({
  variant,
  typed: variant === 'invalid code' ? 'SAVE100' : 'SAVE10',
  accepted,
  totalBefore: null,
  totalAfter: null,
  message,
  failures: [],
});

function withInvalidMessage(message: string | null) {
  const promo: PromoProbe = {
    code: 'SAVE10',
    field: 'textbox labelled "Promo code"',
    customer: attempt('as printed', true, 'SAVE10 applied'),
    tries: [attempt('invalid code', false, message)],
    hunt: { scrolls: 0, revealTaps: [] },
  };
  return promoUnexplained.detect(judgedStep({ promo }));
}

describe('promo-unexplained', () => {
  it.each(['Invalid code.', 'This code is not valid', 'We do not recognise that code', "That code doesn't exist", 'Invalid.', 'Ungültiger Gutscheincode.', 'Code invalide.', 'El código no es válido.'])(
    '"%s" only says the code failed: a finding',
    (message) => {
      expect(withInvalidMessage(message)).toHaveLength(1);
    },
  );

  it('no message at all is a finding', () => {
    expect(withInvalidMessage(null)[0]!.message).toContain('told nothing');
  });

  it.each([
    'This code expired on 31 October',
    'Check the spelling: codes look like SAVE10',
    'This code needs a minimum order of £50',
    'This code is only valid for new customers',
    'That code has already been used',
    // Shops in Europe say it in their own language.
    'Dieser Gutschein ist am 30.11.2026 abgelaufen. Bitte prüfen Sie das Datum auf Ihrer E-Mail.',
    'Ce code a expiré le 30/11/2026. Vérifiez la date sur votre e-mail.',
    'Este código caducó el 30/11/2026. Revisa la fecha en tu correo.',
    'Mindestbestellwert 50 €',
    "We don't recognise SAVE100. Check it matches the code in your email: codes use letters and numbers only.",
    // Who the code is for, how often, from what spend or date, and what it does not cover, however it is put.
    'This code is for members only',
    'You can only use this code once',
    'Spend £50 or more to use this code',
    'This code starts on 1 June',
    'Gutschein ist erst ab einem Bestellwert von 50 € gültig.',
    'Dieser Gutschein gilt nicht für reduzierte Ware.',
    "Ce code est valable à partir de 50 € d'achat.",
  ])('"%s" says why or what to do: no finding', (message) => {
    expect(withInvalidMessage(message)).toEqual([]);
  });
});

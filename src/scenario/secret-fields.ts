/**
 * Words of a field whose value is a secret, for what writes a person's recording out as a scenario (an imported
 * DevTools recording, `cx-shop record`): sign-in, card, one-time code ("Enter the 6-digit code", "Enter code"; not a
 * promo, discount or post code), bank and security-question fields, in English, German, French and Spanish.
 */
export const SECRET_FIELD_WORDS = new RegExp(
  [
    'pass(word|code|phrase)?|pin\\b|cvc|cvv|csc|security.?(code|answer)|secret|token|card.?number|cc-?(number|csc)|\\bone.?time|\\botp|verification.?code|auth(entication)?.?code|\\biban\\b|memorable|sort.?code|account.?(number|no)\\b',
    '\\benter.?(the.?|your.?)?(\\d+.?digit.?)?code\\b|\\d.?digit.?code|\\b[26]fa\\b|\\bmfa\\b',
    'kennwort|kartennummer|pr(ü|ue)f(nummer|ziffer|code)|sicherheits(code|nummer|frage)|best(ä|ae)tigungs(code|nummer)|geheimzahl|kontonummer|einmal.?(code|kennwort)',
    'mot.?de.?passe|num(é|e)ro.?de.?(carte|compte)|cryptogramme|code.?(de.?)?(s(é|e)curit(é|e)|v(é|e)rification|confidentiel)|usage.?unique',
    'contrase(ñ|n)a|\\bclave\\b|n(ú|u)mero.?de.?(tarjeta|cuenta)|c(ó|o)digo.?de.?(seguridad|verificaci(ó|o)n)|un.?solo.?uso',
  ].join('|'),
  'i',
);


/**
 * error-message on hand-built artifacts: new plain text (no role, no error styling) is an error when its words say
 * so, in the ways shops say it; a confirmation is not.
 */
import { describe, expect, it } from 'vitest';
import { isErrorMessage } from '../../src/rules/error-message.js';
import vagueError from '../../src/rules/vague-error.js';
import { judgedStep } from '../helpers/artifacts.js';

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
    'That code is not right. Check the latest text we sent, or ask for a new code.',
    'These dates are not valid for this room.',
    // A caution does not hide what went wrong after it.
    "Are you sure? We couldn't save your address.",
    // Nor does help offered after it.
    'There was a problem with your card. If you have any problems, call us.',
    "We can't deliver to this postcode.",
    "We don't recognise “SPRING200”. Check it against your email.",
  ])('"%s" is an error', (text) => {
    expect(plain(text)).toBe(true);
  });

  it.each([
    'Code applied: you save £6.75.',
    'Added to your bag.',
    'We found 3 addresses.',
    'Your order is on its way.',
    'In stock: ready to ship tomorrow.',
    // A caution in a question the customer asked for.
    "Cancel order HC-204817? It will not be sent, and you can't undo this.",
    'Are you sure you want to delete this address? This cannot be undone.',
    // Help offered in case something goes wrong, which nothing has: a field's hint, a question offering another way.
    "We'll only call if there's a problem with your delivery.",
    "Can't see your address? Enter it manually",
    'Having trouble signing in? Reset your password.',
  ])(
    '"%s" is not',
    (text) => {
      expect(plain(text)).toBe(false);
    },
  );

  it.each([
    'Bitte geben Sie eine 5-stellige PLZ ein, z. B. 80331.',
    'Diese E-Mail-Adresse ist ungültig.',
    'Leider ist dieser Artikel ausverkauft.',
    'Il manque le « @ » dans votre adresse e-mail.',
    "Ce code n'est pas valide.",
    'Le paiement a échoué. Réessayez.',
    'El número de móvil no es válido.',
    'Lo sentimos, esta talla está agotada.',
    'Este campo es obligatorio.',
  ])('"%s", in the language of a shop in Europe, is an error', (text) => {
    expect(plain(text)).toBe(true);
  });

  it.each(['Im Warenkorb: Leinenhemd, Größe M', 'Livraison offerte dès 50 €', 'Envío gratis en pedidos de más de 50 €', 'Gracias por tu pedido'])(
    '"%s" is not',
    (text) => {
      expect(plain(text)).toBe(false);
    },
  );

  it('marked as an error in a shop whose brand is red, a confirmation in its own language is none; said the other way round it is', () => {
    const marked = (text: string) => isErrorMessage({ kind: 'error', text, where: 'div.toast' });
    for (const text of ['✓ Añadido a tu cesta: talla 38', '✓ Im Warenkorb', 'Ajouté à votre panier', 'Merci, vous êtes inscrit.']) expect(marked(text), text).toBe(false);
    expect(marked('Ihre Adresse wurde nicht gespeichert.')).toBe(true);
    expect(marked("Votre message n'a pas été envoyé.")).toBe(true);
  });

  it('marked as an error (a class, red text or a red box) it is one, unless its words say something went right', () => {
    const marked = (text: string) => isErrorMessage({ kind: 'error', text, where: 'div.toast' });
    expect(marked('That code works on homeware only.')).toBe(true);
    expect(marked('Required')).toBe(true);
    for (const text of ['Added to your bag', 'SAGE5 applied: you save £2.25.', 'Thank you, you are subscribed.']) expect(marked(text)).toBe(false);
    // Error words win over a word of success: "could not be saved" is an error.
    expect(marked('Your address could not be saved.')).toBe(true);
    expect(marked('Your message was not sent.')).toBe(true);
    expect(marked("Changes weren't saved")).toBe(true);
  });

  it("a form's legend of its required fields is none, in red or not, in any of the shop's languages", () => {
    const legends = [
      '* Required fields',
      '* indicates a required field',
      'Fields marked with an asterisk (*) are required.',
      '* Pflichtfeld',
      'Mit * gekennzeichnete Felder sind Pflichtfelder',
      '* Champs obligatoires',
      "Les champs marqués d'un * sont obligatoires",
      'Los campos marcados con * son obligatorios',
    ];
    for (const text of legends) {
      expect(plain(text), text).toBe(false);
      expect(isErrorMessage({ kind: 'error', text, where: 'p.legend' }), text).toBe(false);
    }
    // A field's own "required" is the error it is.
    for (const text of ['Required', 'This field is required', '* Required: please enter your email']) expect(isErrorMessage({ kind: 'error', text, where: 'p.error' }), text).toBe(true);
  });

  it('a confirmation with a caveat is none; a failure, or one that asks for something to be put right, still is', () => {
    for (const text of ['Code SAVE10 applied – you save £4.50 (not valid on sale items)', 'Code SAVE10 applied. Sorry, it can\'t be combined with other offers.', 'Gutschein angewendet – gilt nicht für reduzierte Ware.']) {
      expect(plain(text), text).toBe(false);
    }
    for (const text of ['Not saved – try again', 'Added to your bag. Please enter a valid postcode for delivery.', 'Sorry, SAVE10 can\'t be applied']) expect(plain(text), text).toBe(true);
  });

  it('a success that says what to do next is none; an error after a thank-you still is', () => {
    for (const text of [
      'Thanks for subscribing! Please check your inbox and confirm your address.',
      'Vielen Dank für Ihre Bestellung! Bitte prüfen Sie Ihr E-Mail-Postfach.',
      'Fast geschafft! Es fehlt nur noch ein Klick.',
      'Merci ! Veuillez vérifier votre boîte de réception.',
      '¡Gracias! Por favor, revisa tu correo.',
    ]) {
      expect(plain(text), text).toBe(false);
    }
    for (const text of ['Thanks! Please enter a valid email address.', 'Thanks, but your card was declined. Please check the number.', 'Please check your card number.']) expect(plain(text), text).toBe(true);
  });

  it('a nudge to buy before stock runs out is none; sold out is an error', () => {
    for (const text of ['Almost sold out', 'Nearly sold out – order soon', 'Selling out fast', 'Fast ausverkauft', 'Bald ausverkauft', 'Bientôt épuisé', 'Presque épuisée', 'Casi agotado', 'Se está agotando']) {
      expect(plain(text), text).toBe(false);
    }
    for (const text of ['Sold out', 'Sorry, size M has just sold out.', 'Leider ausverkauft', 'Cette taille est épuisée.', 'Talla agotada']) expect(plain(text), text).toBe(true);
  });

  it('a nudge to spend a little more for free delivery is none; something missing still is', () => {
    for (const text of ['¡Te faltan 15,10 € para conseguir el envío gratis!', 'Ihnen fehlen nur noch 12 € bis zum kostenlosen Versand.', 'Il vous manque 8 € pour la livraison gratuite.']) {
      expect(plain(text), text).toBe(false);
    }
    expect(plain('Falta el número de la calle.')).toBe(true);
    expect(plain('Die Hausnummer fehlt.')).toBe(true);
  });
});

describe('vague-error, in the languages of shops in Europe', () => {
  const vague = (text: string) => vagueError.detect(judgedStep({ appeared: [{ kind: 'error', text, where: 'p.error' }] })).length > 0;

  it.each([
    'Please write a message.',
    'Escribe 9 cifras, p. ej. 612 345 678',
    'Bitte geben Sie eine 5-stellige PLZ ein, z. B. 80331.',
    'Veuillez saisir une adresse e-mail valide.',
    'Das Passwort ist zu kurz.',
    // What the shop did about it: nothing for the customer to put right.
    'Sorry, an item in your bag is no longer available. We sold the last navy jumper while you were shopping, so we have taken it out of your bag. Your new total is £5.00.',
    "Sorry, we only have 3 of these left. We've kept 3 in your bag.",
    // Trying again with something more to it: when, or with what.
    'The service is busy. Please try again in a few minutes.',
    // Chrome's bubble worded by a page of its own: it says what to do.
    'Please fill out this field.',
    'Sorry, that did not work. Please try again or call us on 0800 123 456.',
    // The code's own field, by the name the shop gives it.
    'This voucher has already been used.',
    'This coupon has expired.',
    'Ce bon de réduction a déjà été utilisé.',
    'Este cupón ya no es válido.',
  ])(
    '"%s" names the field or the fix, or what the shop did: not vague',
    (text) => {
      expect(vague(text)).toBe(false);
    },
  );

  it("the browser's own bubble points at the field it is about: not vague, whatever it says", () => {
    const bubble = (text: string) => vagueError.detect(judgedStep({ appeared: [{ kind: 'error', text, where: "input#email (the browser's own message)" }] }));
    expect(bubble('Please fill out this field.')).toEqual([]);
    expect(bubble('Invalid value.')).toEqual([]);
    // The same words in the page, by no field, are vague.
    expect(vague('Invalid value.')).toBe(true);
  });

  it.each([
    'Ein Fehler ist aufgetreten.',
    "Une erreur s'est produite.",
    'Se ha producido un error.',
    'Something went wrong.',
    // Trying again is what anyone would do: it says nothing of what to put right.
    'Something went wrong. Please try again.',
    'Ein Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
    "Une erreur s'est produite. Veuillez réessayer.",
  ])('"%s" says neither: vague', (text) => {
    expect(vague(text)).toBe(true);
  });
});

/**
 * The words that say what a message on screen means to the customer: something went wrong, something went right,
 * what to do about it, which field it is about, why a code was refused. In English, and in the German, French and
 * Spanish that shops in Europe also write in; other languages are read by the markup and the colours only.
 *
 * English words are matched at ASCII word boundaries; the other languages' at letter boundaries, since their words
 * may begin or end with an accented letter ("réessayez", "añadido").
 */

/** A pattern of whole words (as many as the alternatives hold), case-insensitive, at letter and digit boundaries. */
function words(alternatives: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');
}

const ERROR_EN =
  /\b(error|invalid|incorrect|not valid|failed|fail|wrong|required|missing|can(no|'|’)t|could not|couldn['’]t|unable|sorry,? (?:but|we|something|there|that|your|this)|problem|declined|expired|not recogni[sz]e|try again|please (enter|check|correct)|(enter|provide|use|choose|select) an? valid|(?:is|are)(?:n['’]t| not) (?:valid|right|correct|accepted|available|recogni[sz]ed)|(?:does|do|did)(?:n['’]t| not) (?:exist|match|look right|work|recogni[sz]e)|not (?:found|accepted|allowed|available)|no longer (?:available|valid)|sold out|out of stock|too (?:short|long)|already (?:been )?(?:used|registered|taken|in use|redeemed)|already (?:has|have) an account|already exists|denied|rejected|refused)\b/i;
const ERROR_DE = words(
  'fehler|ungültig\\p{L}*|falsch\\p{L}*|erforderlich|pflichtfeld|fehlt|fehlen|leider|fehlgeschlagen|abgelehnt|abgelaufen|ausverkauft|' +
    'bitte (?:geben|wählen|prüfen|überprüfen|korrigieren|füllen|versuchen)|nicht (?:gefunden|gültig|korrekt|richtig|verfügbar|möglich|vorrätig|erkannt|akzeptiert|bekannt)|' +
    'existiert nicht|stimmt nicht|stimmen nicht überein|nicht mehr (?:gültig|verfügbar)|bereits (?:verwendet|eingelöst|registriert|vergeben)|zu (?:kurz|lang)|' +
    'versuchen sie es (?:erneut|noch einmal|später)|konnte nicht|kann nicht',
);
const ERROR_FR = words(
  'erreur|invalide|incorrecte?s?|obligatoire|requise?s?|manquante?s?|il manque|désolée?s?|impossible de|échec|a échoué|expirée?s?|refusée?s?|introuvable|épuisée?s?|' +
    'veuillez (?:saisir|entrer|indiquer|vérifier|corriger|choisir|sélectionner|renseigner|réessayer)|n[\'’]est pas (?:valide|correcte?|reconnue?|disponible)|n[\'’]existe pas|' +
    'ne correspondent? pas|en rupture de stock|déjà (?:utilisée?|enregistrée?|pris)|trop (?:courte?|longue?)|réessayez',
);
const ERROR_ES = words(
  'error|inválid[oa]s?|incorrect[oa]s?|obligatori[oa]s?|requerid[oa]s?|falta|faltan|lo sentimos|caducad[oa]s?|caducó|expirad[oa]s?|ha expirado|rechazad[oa]s?|agotad[oa]s?|' +
    'por favor,? (?:introduce|introduzca|escribe|revisa|comprueba|indica|elige|selecciona|inténtalo)|no se (?:pudo|ha podido)|no es (?:válid[oa]|correct[oa])|no válid[oa]|' +
    'no (?:encontrad[oa]|existe|coincide[n]?)|ya (?:se ha usado|se ha utilizado|está registrad[oa]|fue usad[oa])|demasiado (?:corto|larg[oa])|inténtalo de nuevo|vuelve a intentarlo',
);

const DONE_EN = /\b(added|applied|saved|updated|subscribed|confirmed|success(ful(ly)?)?|thank(s| you)|welcome|done|sent|on (its|the) way)\b/i;
const DONE_OTHER = words(
  // German, French, Spanish.
  'hinzugefügt|im warenkorb|gespeichert|angewendet|eingelöst|aktualisiert|danke|vielen dank|willkommen|erfolgreich|bestätigt|gesendet|verschickt|unterwegs|geschafft|' +
    'ajoutée?s?|appliquée?|enregistrée?s?|mise? à jour|merci|bienvenue|réussie?|confirmée?|envoyée?|en route|' +
    'añadid[oa]s?|agregad[oa]s?|aplicad[oa]|guardad[oa]s?|actualizad[oa]|gracias|bienvenid[oa]|confirmad[oa]|enviad[oa]|en camino',
);

const NOT_EN = /\b(not|no|never)\b|n['’]t\b/i;
const NOT_OTHER = words('nicht|kein\\p{L}*|nie|pas|jamais|aucune?|nunca|ningun[oa]?|ningún');

const FIX_EN =
  /\b(enter|write|type|fill (?:in|out)|provide|tell us|check|use|must|should|try|choose|select|include|add|remove|at least|at most|format|e\.g\.|for example|digits?|characters?|letters?|instead|contact|call|chat|shop without|press|tap|click|later|in a (?:minute|moment|few minutes)|refresh|reload)\b/i;
const FIX_OTHER = words(
  'bitte|geben sie|prüfen|überprüfen|verwenden|wählen|mindestens|höchstens|z\\. ?b\\.|zum beispiel|\\d+-stellig\\p{L}*|ziffern|zeichen|buchstaben|versuchen|format|kontaktieren|später|' +
    'veuillez|vérifiez|saisissez|entrez|indiquez|utilisez|choisissez|au moins|au plus|par exemple|ex\\.|chiffres|caractères|lettres|réessayez|contactez|plus tard|' +
    'introduce|introduzca|escribe|revisa|comprueba|usa|utiliza|elige|selecciona|al menos|como máximo|por ejemplo|p\\. ?ej\\.|cifras|dígitos|caracteres|letras|inténtalo|formato|contacta|más tarde',
);

const FIELD_EN = /\b(e-?mail|phone|password|card|code|voucher|coupon|promo|post ?code|zip|address|name|date|number|size|quantity|reason)\b/i;
const FIELD_OTHER = words(
  'telefon\\p{L}*|handy\\p{L}*|passwort|kennwort|karte\\p{L}*|gutschein\\p{L}*|plz|postleitzahl|adresse|anschrift|vorname|nachname|datum|nummer|größe|menge|straße|' +
    'courriel|téléphone|portable|mot de passe|carte|code postal|bon de réduction|nom|prénom|numéro|taille|quantité|ville|' +
    'correo|teléfono|móvil|contraseña|tarjeta|código|cupón|código postal|dirección|nombre|apellidos?|fecha|número|talla|cantidad|ciudad',
);

const REASON_EN =
  /expired|check (?:the|it|that|your)|match(?:es)? the code|spelling|typo|minimum|at least|over \p{Sc}?\d|eligible|applies to|only (?:for|on|valid|applies|works)|\b(?:members|subscribers|customers|account holders|app users)(?: only\b|['’] (?:code|offer))|(?:use|used|redeem(?:ed)?) (?:this code |it )?(?:only )?once|spend \p{Sc}?\d|(?:starts|begins|valid from|available from) (?:on )?(?:\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tomorrow|next)|not (?:yet )?(?:started|active)|ended|already (?:been )?used|once per|first order|new customers|sale items|case.sensitive|upper.?case|capital/iu;
const REASON_OTHER = words(
  'abgelaufen|mindest\\p{L}*|mindestens|gültig (?:nur|ab|für|bis)|(?:erst |nur )?ab (?:einem )?(?:bestellwert|einkaufswert|warenwert|\\d)|gilt nicht für|nicht für (?:reduzierte|sale)|reduzierte ware|nur (?:für|bei|gültig|einmal)|bereits (?:verwendet|eingelöst)|erste bestellung|neukunden|reduzierte artikel|groß- und kleinschreibung|prüfen sie|überprüfen sie|' +
    'a expiré|expirée?|minimum|au moins|à partir de|ne s[\'’]applique pas (?:aux|sur)|valable (?:uniquement|seulement|pour|jusqu|dès|à partir)|uniquement|déjà utilisée?|une seule fois|première commande|nouveaux clients|articles soldés|majuscules|vérifiez|' +
    'caducad[oa]|caducó|ha expirado|expiró|mínimo|al menos|válido (?:solo|para|hasta)|solo (?:para|en|es válido)|ya (?:se ha )?(?:usado|utilizado)|una vez|primer pedido|nuevos clientes|rebajad[oa]s|mayúsculas|revisa|comprueba',
);

/**
 * A caution before the customer goes on, in a question they asked for ("Cancel order 204817? You can't undo this."):
 * no word of it says something went wrong.
 */
const CAUTION = /\b(?:are you sure\b[^.?!]*\??|(?:this |it |you )?(?:can(?:no|'|’)t|cannot|won['’]t be able to|will not be able to) (?:be )?(?:undo(?:ne)?|reverse(?:d)?|restore(?:d)?|recover(?:ed)?|change (?:it|this) (?:later|afterwards))\b)/giu;

/**
 * Help offered in case something goes wrong, which nothing has: a field's hint ("We'll only call if there's a problem
 * with your delivery"), or a question that offers another way ("Can't see your address? Enter it manually", "Having
 * trouble signing in?"). Up to the end of its sentence.
 */
const HELP_OFFER =
  /\b(?:if (?:there(?:'s|’s| is| are| was| were)|you (?:have|had|hit|run into|get|see|notice|spot)|anything|something)\b[^.!?]{0,40}?\b(?:problems?|issues?|wrong|trouble)\b[^.!?]*|in case of (?:any )?(?:problems?|issues?|trouble)\b[^.!?]*)|(?:^|(?<=[.!?]\s+))(?:can(?:no|'|’)t|cannot|having (?:a )?(?:problems?|trouble)|problems?|trouble|not sure)\b[^.!?]*\?/giu;

/**
 * A form's legend for the fields it needs, shown on every visit ("* Required fields", "* Pflichtfeld", "Les champs
 * marqués d'un * sont obligatoires"): it names a rule of the form, not something that went wrong.
 */
const REQUIRED_LEGEND = words(
  '(?:fields? )?(?:marked (?:with )?(?:an? )?(?:\\*|asterisk)[^.!?]{0,20}(?:are|is) )?(?:required|mandatory)(?: fields?)?|(?:\\*|asterisk) (?:=|indicates|denotes|means|marks)(?: an?)? (?:required|mandatory)(?: fields?)?|' +
    'pflichtfeld(?:er)?|mit \\* (?:gekennzeichnete|markierte) felder sind pflichtfelder|' +
    'champs? (?:marqués? d[\'’]une? (?:\\*|astérisque) (?:sont |est )?)?obligatoires?|' +
    'campos? (?:marcados? con (?:un )?(?:\\*|asterisco) (?:son |es )?)?obligatorios?',
);

/** Every match of a pattern, to take each one out of a text (built once: the rules ask for every message). */
const everywhere = (pattern: RegExp) => new RegExp(pattern.source, 'giu');
const REQUIRED_LEGEND_ALL = everywhere(REQUIRED_LEGEND);
const ARTICLES_ALL = everywhere(words('all|the|alle|die|les|tous les|los|todos los'));

/** Is the whole text a legend of required fields (its asterisk and the words, nothing else)? */
export function isRequiredLegend(text: string): boolean {
  const rest = text
    .replace(REQUIRED_LEGEND_ALL, ' ')
    .replace(/[*:=()[\].,]/g, ' ')
    .replace(ARTICLES_ALL, ' ');
  return /\*|asterisk|astérisque|asterisco/i.test(text) && text.length <= 100 && rest.trim() === '';
}

/**
 * What a confirmation asks the customer to do next ("Thanks! Please check your inbox", "Vielen Dank! Bitte prüfen
 * Sie Ihr Postfach", "Fast geschafft! Es fehlt nur noch ein Klick"): the words of an error's fix, after a success.
 */
const NEXT_STEP = words(
  'please(?= (?:check|confirm|enter|verify))|bitte(?= (?:prüfen|überprüfen|bestätigen|geben))|es fehlt nur noch|' +
    'veuillez(?= (?:vérifier|confirmer|saisir|cliquer))|por favor,?(?= (?:revisa|comprueba|confirma|introduce))',
);

const NEXT_STEP_ALL = everywhere(NEXT_STEP);

/**
 * A nudge to spend a little more ("¡Te faltan 15,10 € para el envío gratis!", "Noch 12 € bis zum kostenlosen
 * Versand", "Il vous manque 8 € pour la livraison gratuite"): it sells, and nothing went wrong.
 */
const SPEND_MORE = /(?:faltan?|fehl(?:en|t)|il (?:vous |te )?manque)[^.!?]{0,60}?(?:env[ií]o gratis|env[ií]o gratuito|gratisversand|kostenlos\p{L}* versand|versandkostenfrei|livraison (?:gratuite|offerte)|free (?:delivery|shipping))/giu;

/**
 * A nudge to buy before stock runs out ("Almost sold out", "Fast ausverkauft", "Bientôt épuisé", "Casi agotado"): it
 * sells, and nothing went wrong. Sold out itself is a refusal, and stays an error.
 */
const ALMOST_GONE = everywhere(
  words(
    '(?:almost|nearly|soon) sold out|selling out(?: fast)?|(?:fast|bald|beinahe) (?:ausverkauft|vergriffen)|' +
      '(?:bientôt|presque|quasiment) épuisée?s?|(?:casi|pronto) agotad[oa]s?|a punto de agotarse|(?:se )?(?:está|están) agotando',
  ),
);

/** Words that say something went wrong: "isn't valid", "already used", "ungültig", "a expiré", "no es válido". */
export function saysError(text: string): boolean {
  return !isRequiredLegend(text) && errorWords(text);
}

/** saysError for a text already known to be no legend of required fields. */
export function errorWords(text: string): boolean {
  let said = text.replace(CAUTION, ' ').replace(SPEND_MORE, ' ').replace(HELP_OFFER, ' ').replace(ALMOST_GONE, ' ');
  // A success that says what to do next is no error: "Thanks for subscribing! Please check your inbox to confirm."
  if (saysWentWell(said)) said = said.replace(NEXT_STEP_ALL, ' ');
  return ERROR_EN.test(said) || ERROR_DE.test(said) || ERROR_FR.test(said) || ERROR_ES.test(said);
}

/** Words that say something went right: "Added to your bag", "Im Warenkorb", "Ajouté", "Añadido a tu cesta". */
export function saysDone(text: string): boolean {
  return DONE_EN.test(text) || DONE_OTHER.test(text);
}

/** Words that say all went well, and none that turns them round ("Added to your bag", not "Not saved"). */
export function saysWentWell(text: string): boolean {
  return saysDone(text) && !saysNot(text);
}

/** Words that say what the customer did was done, not only thanks: "applied", "added", "angewendet", "appliqué". */
const ACTION_DONE = words(
  'added|applied|saved|updated|subscribed|confirmed|booked|removed|redeemed|' +
    'hinzugefügt|im warenkorb|gespeichert|angewendet|eingelöst|aktualisiert|bestätigt|ajoutée?s?|appliquée?|enregistrée?s?|confirmée?|añadid[oa]s?|agregad[oa]s?|aplicad[oa]|guardad[oa]s?|confirmad[oa]',
);

/**
 * A confirmation that goes on with a caveat: its first clause says what the customer did was done, and nothing after
 * asks them to put anything right ("Code SAVE10 applied – not valid on sale items", "Added to your bag. Sorry, only 2
 * left"); not "Not saved – try again", nor "Thanks! Please enter a valid email address".
 */
export function leadsWithSuccess(text: string): boolean {
  const [first = '', ...rest] = text.trim().split(/[.!?;:(–—]|\s-\s/);
  return ACTION_DONE.test(first) && !saysNot(first) && !givesFix(rest.join(' '));
}

/** A word that turns the sentence round: "not", "wasn't", "nicht", "pas", "nunca". */
export function saysNot(text: string): boolean {
  return NOT_EN.test(text) || NOT_OTHER.test(text);
}

/** Words that tell the customer what to do next: "enter", "at least", "e.g.", "bitte", "vérifiez", "p. ej.". */
export function givesFix(text: string): boolean {
  return FIX_EN.test(text) || FIX_OTHER.test(text);
}

/** A bare "try again": what anyone would do, which says nothing of what to put right. */
const RETRY_ONLY = /\b(?:please )?try again\b|(?:bitte )?versuchen sie es (?:erneut|noch einmal)|(?:veuillez )?réessayer|réessayez|(?:por favor,? )?(?:inténtalo de nuevo|vuelve a intentarlo)/giu;

/**
 * Words that tell the customer what to do next beyond trying again ("Please try again" alone gives no fix). A bare
 * "bitte" or "veuillez" left over is a fix word in those languages only with what it asks for.
 */
export function givesFixBeyondRetry(text: string): boolean {
  return givesFix(text.replace(RETRY_ONLY, ' ').replace(/\bplease\b|\bbitte\b|\bveuillez\b/giu, ' '));
}

/** Words that name a kind of field even when the page's label is worded differently: "email", "PLZ", "móvil". */
export function namesFieldKind(text: string): boolean {
  return FIELD_EN.test(text) || FIELD_OTHER.test(text);
}

/**
 * Words that say why a code failed or what to do about it. "Invalid code", "not valid", "not recognised" and "does
 * not exist" only restate that it failed: they are not reasons.
 */
export function givesReason(text: string): boolean {
  return REASON_EN.test(text) || REASON_OTHER.test(text);
}

const SHOP_ACTED =
  /\bwe(?:['’]ve| have)? (?:taken|removed|updated|changed|refunded|cancell?ed|moved|replaced|adjusted|saved|kept|reduced|limited|set|lowered)\b|\byour new (?:total|price|delivery date)\b/i;

/**
 * Words saying what the shop did about it ("so we have taken it out of your bag", "we've kept 3 in your bag", "your
 * new total is £5.00"): the customer knows what happened and has nothing to put right.
 */
export function saysShopActed(text: string): boolean {
  return SHOP_ACTED.test(text);
}

/** A page's words quoted in a finding's sentence: whole, or cut at a word's end with an ellipsis. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

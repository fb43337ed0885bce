/**
 * `promo`: the customer enters a promo code the way it was printed and applies it. Then cx-shop tries the same
 * code the ways customers really type it (lower case, with spaces, pasted with a newline) and, if given, an
 * invalid code, each in a fresh browser context brought to the same starting point (not those only a rule the
 * scenario turns off would judge). Only the customer's own try counts as effort.
 */
import { z } from 'zod';
import type { AppearedText, PromoProbe, PromoTry } from '../artifacts/types.js';
import { FieldLocatorSchema, LocatorSchema, type Locator } from '../scenario/locator.js';
import { tap, TargetSchema } from './tap.js';
import { defineAction, type ActionContext } from './types.js';
import { firstLine } from '../errors.js';

const PromoSchema = z.strictObject({
  code: z.string().min(1).describe('The valid code, exactly as the customer was given it'),
  field: FieldLocatorSchema.describe('The promo code field, e.g. { label: Promo code }'),
  apply: z
    .union([
      z.strictObject({
        // Any key name is taken here and refused after, so that a wrong one is said as such (not as a locator).
        key: z
          .string()
          .refine((key) => key === 'Enter', 'only Enter applies a code from the keyboard; a button is given as what to tap, e.g. { role: button, name: Apply }')
          .describe('Enter: pressed in the field'),
      }),
      TargetSchema,
    ])
    .describe('What applies the code: what the customer taps, e.g. { role: button, name: Apply }, or { key: Enter } for a shop with no button'),
  accepted: z.string().min(1).describe('Text that shows the code worked, e.g. "applied"'),
  total: LocatorSchema.optional().describe('The order total, to check that the discount changes it'),
  invalid: z.string().min(1).optional().describe('An invalid code to try, to judge the message a customer gets'),
});

type PromoArgs = z.infer<typeof PromoSchema>;

/**
 * How long, once the page has settled, a code may take to show as accepted before it counts as rejected (unless the
 * site already said no).
 */
const ACCEPT_WAIT_MS = 1500;

const VARIANTS: Array<[PromoTry['variant'], (code: string) => string]> = [
  ['lower case', (code) => code.toLowerCase()],
  ['surrounding spaces', (code) => ` ${code} `],
  ['pasted with a newline', (code) => `${code}\n`],
];

const shown = (typed: string) => typed.replace(/ /g, '␠').replace(/\n/g, '⏎');

async function totalText(ctx: ActionContext, total: Locator | undefined): Promise<string | null> {
  if (!total) return null;
  return ctx
    .locate(total)
    .innerText({ timeout: 2000 })
    .then((text) => text.trim(), () => null);
}

/** Any of the phrases, as whole words in any case (a letter with an accent is a letter of the word). */
function wholeWords(phrases: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Words that make a message a refusal even when it holds the accepted words: "Sorry, this code can't be applied",
 * "Leider kann der Gutschein nicht eingelöst werden", "Désolé, ce code n'est pas valide": in English, German, French,
 * Spanish, Italian, Dutch and Portuguese, as whole words (a letter with an accent is a letter of the word).
 */
const REFUSAL_WORDS = wholeWords([
  // English
  "sorry|can['’]?t|cannot|could(?:n['’]?t| not)|won['’]?t|isn['’]?t|is not|not valid|invalid|unable|expired|doesn['’]?t|does not|not eligible|not recogni[sz]ed?",
  // German
  'leider|nicht|ungültig|abgelaufen',
  // French
  "désolée?|invalide|non valide|n['’]est pas|expirée?|impossible|ne peut|n['’]a pas pu|ne s['’]applique pas",
  // Spanish
  'lo sentimos|no es válido|no válido|inválido|caducado|expirado|no se (?:puede|pudo|aplica)|no (?:es )?aplicable',
  // Italian
  'spiacenti|non (?:è )?valido|scaduto|impossibile|non (?:può|è stato possibile)|non applicabile',
  // Dutch
  'helaas|ongeldig|niet geldig|verlopen|kan niet|niet toegepast',
  // Portuguese
  'não é válido|não foi possível|inválida',
]);

/**
 * Words of a refusal that says the code was used already: "This code has already been used", "Gutschein bereits
 * eingelöst", "code déjà utilisé". A code good for one use that the customer's own try used is refused so to every
 * later try: that says nothing of how the shop takes a code typed another way.
 */
const USED_WORDS = wholeWords([
  // English
  'already (?:been )?(?:used|redeemed|claimed|applied)|(?:has|have) been (?:used|redeemed)|only be used once|single[- ]use|one[- ]time use',
  // German
  '(?:bereits|schon) (?:verwendet|eingelöst|benutzt|genutzt|verbraucht)',
  // French
  'déjà (?:été )?(?:utilisée?|appliquée?)',
  // Spanish
  'ya (?:ha sido |fue |se ha )?(?:usado|utilizado|canjeado|aplicado)',
  // Italian
  'già (?:stato )?(?:utilizzato|usato|applicato)',
  // Dutch
  '(?:al|reeds) (?:gebruikt|ingewisseld|verzilverd)',
  // Portuguese
  'já (?:foi )?(?:utilizado|usado|aplicado)',
]);

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The visible texts on the page holding the accepted words (shadow roots included), each once per element. */
async function acceptedTexts(ctx: ActionContext, accepted: string): Promise<string[]> {
  const texts = await ctx.page.getByText(accepted).filter({ visible: true }).allInnerTexts().catch(() => []);
  return texts.map(normal);
}

/**
 * Texts holding the accepted words that were not on the page before the try, less those in a message styled or
 * announced as a refusal: `plain` those not worded as one either, `caveated` those that are ("Code applied – not valid
 * on sale items", and as much "this code can't be applied"). A line the shop always shows ("Discount codes are applied
 * to full-price items only") tells the customer nothing worked.
 */
function newlyAccepted(before: readonly string[], after: readonly string[], refusals: readonly string[]): { plain: string[]; caveated: string[] } {
  const left = [...before];
  const fresh = after.filter((text) => {
    const seen = left.indexOf(text);
    if (seen >= 0) {
      left.splice(seen, 1);
      return false;
    }
    return !refusals.some((refusal) => refusal.includes(text) || text.includes(refusal));
  });
  return { plain: fresh.filter((text) => !REFUSAL_WORDS.test(text)), caveated: fresh.filter((text) => REFUSAL_WORDS.test(text)) };
}

/** What the page said that says no: an error, or an alert worded as a refusal (their texts, normalised). */
function refusalsIn(answer: readonly AppearedText[]): { said: boolean; texts: string[] } {
  const noes = answer.filter((m) => m.kind === 'error' || (m.kind === 'alert' && REFUSAL_WORDS.test(m.text)));
  return { said: answer.some((m) => m.kind === 'error' || m.kind === 'alert'), texts: noes.map((m) => normal(m.text)).filter(Boolean) };
}

/**
 * Whether the code worked: the accepted words newly show after Apply, on the page or in a message it showed since (a
 * toast gone again by now), not as a refusal; `caveated` when they showed only in words that also read as one. The tap
 * waited for the site's answer; an answer that says no (an error or an alert, and no sign the code worked) is the
 * answer, so there is no waiting for one that may still come. Otherwise a late answer ("Checking your code…") is
 * waited for a while.
 */
async function wasAccepted(ctx: ActionContext, accepted: string, before: readonly string[], mark: number): Promise<{ accepted: boolean; caveated: boolean }> {
  const wanted = normal(accepted).toLowerCase();
  const shows = async () => {
    const answer = await ctx.messagesSince(mark);
    const refusals = refusalsIn(answer);
    const onPage = await acceptedTexts(ctx, accepted);
    const said = answer.map((m) => normal(m.text)).filter((text) => text.toLowerCase().includes(wanted) && !onPage.includes(text));
    return { refusals, fresh: newlyAccepted(before, [...onPage, ...said], refusals.texts) };
  };
  let seen = await shows();
  if (seen.fresh.plain.length > 0) return { accepted: true, caveated: false };
  if (!seen.refusals.said) {
    const until = Date.now() + ACCEPT_WAIT_MS;
    while (Date.now() < until) {
      await ctx.page.waitForTimeout(100);
      seen = await shows();
      if (seen.fresh.plain.length > 0) return { accepted: true, caveated: false };
    }
  }
  return { accepted: false, caveated: seen.fresh.caveated.length > 0 };
}

/**
 * Enters one form of the code and applies it, as a customer would: tap the field, type the code (or paste it: a
 * single-line field keeps a pasted newline out, as the browser does), tap Apply. On the customer's page that is
 * their effort; on a replayed page it is thrown away with the page.
 */
async function tryCode(ctx: ActionContext, args: PromoArgs, variant: PromoTry['variant'], typed: string): Promise<PromoTry> {
  const before = await totalText(ctx, args.total);
  const failures: string[] = [];
  const onResponse = (response: { status(): number; url(): string }) => {
    if (response.status() >= 400) failures.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
  };
  ctx.page.on('response', onResponse);
  try {
    const { element } = await ctx.reach(args.field);
    // What already holds the accepted words (a note in the order summary) is no sign this try worked.
    const shownBefore = await acceptedTexts(ctx, args.accepted);
    const mark = ctx.mark();
    await ctx.typeInto(element, typed, { clear: true, code: true, paste: variant === 'pasted with a newline' });
    await ctx.settle();
    await applyCode(ctx, args.apply);
    const answer = await wasAccepted(ctx, args.accepted, shownBefore, mark);
    const messages = await ctx.messagesSince(mark);
    const message = messages.map((m) => m.text.trim()).filter(Boolean).join(' ') || null;
    const after = await totalText(ctx, args.total);
    // Words of acceptance with a caveat ("Code applied – not valid on sale items", "Sorry, it can't be combined with
    // other offers"), and the total the customer watches changed: the code was taken.
    const accepted = answer.accepted || (answer.caveated && before !== null && after !== null && after !== before);
    return { variant, typed: shown(typed), accepted, totalBefore: before, totalAfter: after, message, failures };
  } finally {
    ctx.page.off('response', onResponse);
  }
}

/** Applies the code typed: a tap on what applies it, or Enter in the field (a shop with no Apply button). */
async function applyCode(ctx: ActionContext, apply: PromoArgs['apply']): Promise<void> {
  if (!('key' in apply)) return tap.perform(ctx, apply);
  await ctx.pressKey(apply.key);
  await ctx.settle();
}

type Replay = NonNullable<ActionContext['replay']>;

/**
 * One variant tried in a second browser brought to where the customer began this action; when that replay or the try
 * there fails, why, in words that say it was cx-shop's try of that variant and not the customer's.
 */
async function tryInReplay(replay: Replay, args: PromoArgs, variant: PromoTry['variant'], typed: string): Promise<PromoTry | { variant: PromoTry['variant']; reason: string }> {
  let fresh: Awaited<ReturnType<Replay>>;
  try {
    fresh = await replay();
  } catch (error) {
    return { variant, reason: `cx-shop's replay of the journey up to this action, to try the code ${variant}, failed: ${firstLine(error)}` };
  }
  try {
    return await tryCode(fresh.ctx, args, variant, typed);
  } catch (error) {
    return { variant, reason: `cx-shop's try of the code ${variant} in a replayed browser failed (not the customer's try): ${firstLine(error)}` };
  } finally {
    await fresh.close();
  }
}

/** Words of a control that opens a code's field: "Have a promo code?", "Gutschein einlösen", "¿Tienes un cupón?". */
const REVEAL_WORDS = /promo|code|coupon|voucher|discount|gutschein|rabatt|aktionscode|réduction|reduction|cup[oó]n|c[oó]digo|descuento/i;

/**
 * Earlier taps on this page that look like revealing the field ("Have a promo code?"): those before the customer
 * first used the field. Their taps on the field and on its Apply button (an earlier code refused) are using it.
 */
function revealTaps(ctx: ActionContext, field: string): string[] {
  const taps = ctx.earlierTapsOnPage();
  const used = taps.indexOf(field);
  return (used >= 0 ? taps.slice(0, used) : taps).filter((description) => REVEAL_WORDS.test(description));
}

export const promo = defineAction({
  summary: 'Enter a promo code as printed and apply it; cx-shop also tries it in lower case, with spaces and pasted with a newline.',
  schema: PromoSchema,
  async perform(ctx, args) {
    const reached = await ctx.reach(args.field);
    // Taps before the customer's own try that revealed the field (not the tap on the field itself).
    const revealed = revealTaps(ctx, reached.target.description);
    const customer = await tryCode(ctx, args, 'as printed', args.code);
    const tries: PromoTry[] = [];
    const untried: NonNullable<PromoProbe['untried']> = [];
    const replay = ctx.replay;
    if (replay) {
      // Only the tries a rule turned on here judges: each is a browser of its own with the journey replayed in it.
      const attempts: Array<[PromoTry['variant'], string]> = ctx.ruleOff('promo-rejected') ? [] : VARIANTS.map(([variant, make]) => [variant, make(args.code)]);
      if (args.invalid && !ctx.ruleOff('promo-unexplained')) attempts.push(['invalid code', args.invalid]);
      // Each try has its own context and waits mostly on the site: they run side by side, reported in this order,
      // once the customer's own try is done (a code good for one use is theirs first). One that cx-shop could not
      // bring about is said as such: the customer's own try stands, their step is not blocked by cx-shop's replay.
      const outcomes = await Promise.all(attempts.map(([variant, typed]) => tryInReplay(replay, args, variant, typed)));
      for (const outcome of outcomes) {
        if ('reason' in outcome) untried.push(outcome);
        else if (customer.accepted && !outcome.accepted && outcome.variant !== 'invalid code' && USED_WORDS.test(outcome.message ?? '')) {
          untried.push({ variant: outcome.variant, reason: `the code is good for one use, and the customer's own try used it: the shop said "${outcome.message}"` });
        } else tries.push(outcome);
      }
    }
    ctx.recordPromo({
      code: args.code,
      field: reached.target.description,
      customer,
      tries,
      hunt: { scrolls: reached.swipes, revealTaps: revealed },
      ...(untried.length > 0 && { untried }),
    });
  },
});

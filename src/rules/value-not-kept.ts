import { isErrorMessage } from './error-message.js';
import { pagePath, typedInto } from './support/fields.js';
import { defineRule, type JudgedStep, type RuleHit } from './types.js';

/**
 * Fields the customer had filled that the page emptied while they did something else on it (chose a country, typed
 * in another field): the form drawn again without what they had typed. Only in a step without a tap or a key press
 * (a submit may rightly empty a form: a message sent, an address saved) and without a new page or an error (the
 * form-cleared rule's). A field is the same one when its label is, and only one field on each page has that label.
 */
function emptiedByPage(step: JudgedStep): RuleHit[] {
  const { page, previousPage } = step;
  if (!page || !previousPage || pagePath(page.url) !== pagePath(previousPage.url) || step.pages.length > 0) return [];
  if (step.interactions.some((i) => i.kind === 'tap' || i.kind === 'press' || i.kind === 'navigate')) return [];
  if (step.appeared.some(isErrorMessage) || step.injectedFailures.length > 0) return [];
  const only = (fields: typeof page.fields, label: string) => {
    const same = fields.filter((f) => f.label === label);
    return same.length === 1 ? same[0] : undefined;
  };
  const touched = new Set(step.typed.map((f) => f.label));
  return previousPage.fields
    .filter((before) => typedInto(before) && before.filled && before.label !== null && !touched.has(before.label))
    .flatMap((before) => {
      const was = only(previousPage.fields, before.label!);
      const now = only(page.fields, before.label!);
      return was && now && typedInto(now) && !now.filled ? [{ before, now }] : [];
    })
    .map(({ before, now }) => ({
      message: `${now.element} lost what the customer had typed when the page changed the form around it`,
      evidence: {
        element: now.element,
        selector: now.selector,
        box: now.box,
        measured: `empty now; ${before.length} character${before.length === 1 ? '' : 's'} before`,
        threshold: 'what was typed stays',
        screenshot: step.screenshot?.path ?? null,
      },
    }));
}

/** The name of a control that empties or resets what the customer chose or typed: "Clear search", "✕", "Reset". */
const CLEARING = /^\S+ "(?:[^"]*\b(?:clear|remove|reset|delete|start over)\b[^"]*|\s*[×✕✖xX]\s*)"/i;

export default defineRule({
  title: 'What the customer typed was not kept',
  area: 'frustration',
  severity: 'high',
  threshold:
    'the field no longer holds what was typed (spacing, punctuation and case aside), or the page emptied a field the customer had filled while they did something else on it (chose a country, typed in another field); a box of suggestions (an address finder) that changes once the customer picks one, with a tap or with Enter or Tab, is not a loss, nor is a field emptied by a control the customer tapped to clear it (a search box\'s ✕ "Clear search", a "Remove filter" chip, "Reset")',
  source: 'cx-shop convention: the customer has to notice the loss and type it again',
  class: 'deterministic',
  detect(artifacts) {
    // Fields emptied along with an error message, or by a failure cx-shop injected, are the form-cleared rule's:
    // one finding, not two.
    const errorShown = artifacts.appeared.some(isErrorMessage) || artifacts.injectedFailures.length > 0;
    // A form emptied once the page took it is a fresh form, not a loss: its form was sent (a submit), or the
    // customer pressed a button and the page answered with words that are no error ("Thanks", "Saved").
    const pressedButton = artifacts.taps.some((tap) => tap.input === 'press' && /^button\b/.test(tap.target.description));
    const taken = (field: (typeof artifacts.typed)[number]) =>
      field.valueAtEnd === '' && !errorShown && (field.sent === true || (pressedButton && artifacts.appeared.some((m) => !isErrorMessage(m))));
    // A box that offers suggestions (an address finder), changed or emptied once the customer picked one, with a tap
    // or with the keys (Enter or Tab on the one the arrows reached): the page used what they typed.
    const pickedSuggestion = artifacts.interactions.some(
      (i) => (i.kind === 'tap' && /^option\b/.test(i.target.description)) || (i.kind === 'press' && (i.key === 'Enter' || i.key === 'Tab')),
    );
    const used = (field: (typeof artifacts.typed)[number]) => pickedSuggestion && /^(combobox|searchbox)\b/.test(field.target.description);
    // The customer asked for it: they tapped a control that clears or resets (a search box's ✕ "Clear search", a
    // "Remove filter: Up to £40" chip, "Reset filters"), and what they had typed went with it.
    const cleared = artifacts.interactions.some((i) => i.kind === 'tap' && CLEARING.test(i.target.description));
    const typedNow = artifacts.typed
      .filter((field) => !field.keptAfterTyping || field.keptAtStepEnd === false)
      .filter((field) => !(field.keptAfterTyping && used(field)))
      .filter((field) => !(errorShown && field.keptAfterTyping && field.valueAtEnd === ''))
      .filter((field) => !(field.keptAfterTyping && taken(field)))
      .filter((field) => !(field.keptAfterTyping && cleared))
      .map((field) => ({
        message: `${field.target.description} ${field.keptAfterTyping ? 'lost its value when the customer moved on' : 'did not take what was typed'}`,
        evidence: {
          element: field.target.description,
          box: field.target.pageBox,
          measured: field.valueAtEnd === null ? 'value could not be read' : `value now "${field.valueAtEnd}"`,
          threshold: 'the typed value',
          screenshot: artifacts.screenshot?.path ?? null,
        },
      }));
    return [...typedNow, ...emptiedByPage(artifacts)];
  },
});

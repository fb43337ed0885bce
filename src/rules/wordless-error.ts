import { itemsEvidence } from './support/items.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'A field was marked as wrong, with no words saying why',
  area: 'forms',
  severity: 'high',
  threshold:
    'a press that asks the page to take the form (a button, Enter in a field) is refused with marks alone: a field or a group of fields newly set aria-invalid, or drawn with a red border, outline or ring, while no words came (no message of any kind, inline, summary, toast, alert or the browser\'s own bubble, and no words written anywhere in the page; the words of a form drawn again whole, its labels and hints put back as they were, are none), the page stayed where it was (no new page, no fields of a next part shown) and nothing was injected; a focus ring is the control\'s look (the focused or hovered element\'s is left out, whatever its colour), a field red before the press is not newly marked, and a field turning red as the customer types elsewhere (checked when they leave a field) comes with no such press',
  source: 'WCAG 2.2 SC 3.3.1 Error Identification (the error is described to the user in text, Level A) and SC 1.4.1 Use of Color',
  class: 'deterministic',
  detect(step) {
    const marked = step.marked;
    if (!marked || marked.fields.length === 0 || step.frozen) return [];
    // The page said something: a message (judged by error-message and vague-error), the browser's own bubble, or words
    // cx-shop does not take for a message (an error written into a label). The customer has words to go on.
    if (marked.wordsAdded || step.appeared.length > 0) return [];
    // The page moved on (another page, the next part of the form): a mark left behind refuses nothing.
    if (marked.fieldsShown || step.pages.length > 0 || step.taps.some((tap) => tap.responses.includes('navigation'))) return [];
    // A failure cx-shop injected is judged by the resilience rules.
    if (step.injectedFailures.length > 0) return [];
    const items = marked.fields.map((field) => ({ element: field.element, selector: field.selector, box: field.box, measured: field.how }));
    const [first] = items;
    const others = items.length > 1 ? ` and ${items.length - 1} more` : '';
    return [
      {
        message: `The page marked ${first!.element}${others} as wrong (${first!.measured}) and said nothing of what is wrong or how to fix it`,
        evidence: itemsEvidence(step.url, items, {
          measured: `${first!.measured}, no words`,
          threshold: 'an error message in words',
          screenshot: step.screenshot?.path ?? null,
        }),
      },
    ];
  },
});

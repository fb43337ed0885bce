import { isErrorMessage } from './error-message.js';
import { defineRule } from './types.js';

export default defineRule({
  title: 'What the customer typed was not kept',
  area: 'frustration',
  severity: 'high',
  threshold: 'the field no longer holds what was typed (spacing, punctuation and case aside)',
  source: 'cx-shop convention: the customer has to notice the loss and type it again',
  class: 'deterministic',
  detect(artifacts) {
    // Fields emptied along with an error message, or by a failure cx-shop injected, are the form-cleared rule's:
    // one finding, not two.
    const errorShown = artifacts.appeared.some(isErrorMessage) || artifacts.injectedFailures.length > 0;
    return artifacts.typed
      .filter((field) => !field.keptAfterTyping || field.keptAtStepEnd === false)
      .filter((field) => !(errorShown && field.keptAfterTyping && field.valueAtEnd === ''))
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
  },
});

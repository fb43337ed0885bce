import { defineRule } from './types.js';

export default defineRule({
  title: 'What the customer typed was not kept',
  severity: 'high',
  threshold: 'the field no longer holds what was typed (spacing, punctuation and case aside)',
  source: 'DESIGN.md §6 (frustration): the customer has to notice and type it again',
  class: 'deterministic',
  detect(artifacts) {
    return artifacts.typed
      .filter((field) => !field.keptAfterTyping || field.keptAtStepEnd === false)
      .map((field) => ({
        message: `${field.target.description} ${field.keptAfterTyping ? 'lost its value when the customer moved on' : 'did not take what was typed'}`,
        evidence: {
          element: field.target.description,
          box: field.target.box,
          measured: field.valueAtEnd === null ? 'value could not be read' : `value now "${field.valueAtEnd}"`,
          threshold: 'the typed value',
          screenshot: artifacts.screenshot,
        },
      }));
  },
});

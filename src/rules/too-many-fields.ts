import { defineRule } from './types.js';

/** Baymard: the average checkout has 11.3 fields; 8 is achievable for most. */
const ADVISORY = 8;
const TOO_MANY = 12;

export default defineRule({
  title: 'Too many form fields',
  area: 'forms',
  severity: 'low',
  threshold: `more than ${ADVISORY} visible fields in one form: Low; more than ${TOO_MANY}: Medium (a group of radio buttons is one field, and so is a group of tick boxes, of one name or in one fieldset or group, such as a filter's colours; fields in no form are grouped by the part of the page with a button of its own)`,
  source: 'Baymard Institute checkout usability: average 11.3 fields, 8 achievable',
  class: 'deterministic',
  scope: 'page',
  detect({ page, newPageState }) {
    if (!page || !newPageState) return [];
    return page.forms
      .filter((form) => form.visibleFields > ADVISORY)
      .map((form) => ({
        severity: form.visibleFields > TOO_MANY ? ('medium' as const) : ('low' as const),
        message: `A form asks for ${form.visibleFields} fields at once`,
        evidence: {
          url: page.url,
          element: `form (${form.visibleFields} fields)`,
          selector: form.selector,
          measured: `${form.visibleFields} fields`,
          threshold: `${ADVISORY} fields or fewer`,
        },
      }));
  },
});

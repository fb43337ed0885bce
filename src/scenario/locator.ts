import { z } from 'zod';
import { checkRole } from './names.js';

/**
 * How a scenario points at an element, in the customer's terms first: role and accessible name, label,
 * visible text, placeholder. Test ids and CSS are escape hatches for what has no words.
 */
export const locatorFields = {
  role: z.string().min(1).superRefine(checkRole).optional().describe('ARIA role, e.g. button, link, textbox; usually with name'),
  name: z.string().min(1).optional().describe('Accessible name to go with role, e.g. "Apply"'),
  label: z.string().min(1).optional().describe('The text of the label of a form field'),
  text: z.string().min(1).optional().describe('Visible text of the element'),
  placeholder: z.string().min(1).optional().describe('Placeholder text of a field'),
  testId: z.string().min(1).optional().describe('data-testid of the element (escape hatch)'),
  css: z.string().min(1).optional().describe('CSS selector (escape hatch)'),
  exact: z.boolean().optional().describe('Match name, label or text exactly (default: case-insensitive substring)'),
  nth: z.number().int().min(0).optional().describe('Which match to use when several match, from 0'),
};

export const LOCATOR_KEYS = ['role', 'label', 'text', 'placeholder', 'testId', 'css'] as const;

/** Adds the rule "exactly one way of finding the element" to an object schema holding locator fields. */
export function requireOneLocator<T extends z.ZodObject>(schema: T, keys: readonly string[] = LOCATOR_KEYS): T {
  return schema.superRefine((value: Record<string, unknown>, ctx) => {
    const given = keys.filter((key) => value[key] !== undefined);
    if (given.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `needs one way to find the element: ${keys.join(', ')}`,
      });
    } else if (given.length > 1) {
      ctx.addIssue({ code: 'custom', message: `use one way to find the element, not ${given.join(' and ')}` });
    }
    if (value.name !== undefined && value.role === undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'name goes with role, e.g. { role: button, name: Apply }' });
    }
  }) as unknown as T;
}

export const LocatorSchema = requireOneLocator(z.strictObject(locatorFields));

/** The ways of finding a form field: everything but visible text (in `type`, `text` is what is typed). */
export const FIELD_LOCATOR_KEYS = ['role', 'label', 'placeholder', 'testId', 'css'] as const;
const { text: _visibleText, ...fieldLocatorFields } = locatorFields;
export const FieldLocatorSchema = requireOneLocator(z.strictObject(fieldLocatorFields), FIELD_LOCATOR_KEYS);
export type Locator = z.infer<typeof LocatorSchema>;

/** The element in words, for reports and error messages. */
export function describeLocator(locator: Locator): string {
  const nth = locator.nth !== undefined ? ` (match ${locator.nth + 1})` : '';
  if (locator.role) return `${locator.role}${locator.name ? ` "${locator.name}"` : ''}${nth}`;
  if (locator.label) return `field labelled "${locator.label}"${nth}`;
  if (locator.text) return `text "${locator.text}"${nth}`;
  if (locator.placeholder) return `field with placeholder "${locator.placeholder}"${nth}`;
  if (locator.testId) return `test id "${locator.testId}"${nth}`;
  return `element matching CSS "${locator.css}"${nth}`;
}

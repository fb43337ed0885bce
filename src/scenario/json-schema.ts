/** The scenario format as JSON Schema, for editors: `cx-shop schema > scenario.schema.json`. */
import { z } from 'zod';
import { DEVICE_NAMES } from './device-names.js';
import { ScenarioSchema } from './schema.js';

/**
 * The JSON Schema of a scenario file as written (before defaults apply), with the schema's descriptions,
 * so an editor can autocomplete keys and explain them. Device names are offered as examples; the list is
 * not an enum because Playwright adds devices between versions.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (properties?.device) properties.device.examples = [...DEVICE_NAMES];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:cx-shop:scenario',
    title: 'cx-shop scenario',
    description: 'A customer journey for cx-shop to walk in a real browser, one step at a time.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

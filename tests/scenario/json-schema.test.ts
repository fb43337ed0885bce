import { describe, expect, it } from 'vitest';
import { actions } from '../../src/actions/index.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; items?: JsonSchema };

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as JsonSchema;
  const step = (schema.properties?.steps?.items ?? {}) as JsonSchema;

  it('names itself for editors', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'cx-shop scenario' });
    expect(schema.properties?.name?.description).toBe('What the customer sets out to do');
  });

  it('has every step action, with the action summary as its description', () => {
    for (const [name, action] of Object.entries(actions)) {
      expect(step.properties?.[name]?.description, name).toBe(action.summary);
    }
    expect(step.properties?.click?.description).toBe('Same as tap');
    expect(step.required).toEqual(['name']);
  });

  it('offers Playwright device names and describes the input, so defaulted keys are optional', () => {
    expect(schema.properties?.device?.examples).toContain('iPhone 13');
    expect(schema.required).toEqual(['name', 'steps']);
  });
});

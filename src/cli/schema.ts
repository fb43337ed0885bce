import { scenarioJsonSchema } from '../scenario/json-schema.js';

/** `cx-shop schema`: the JSON Schema of the scenario format, for editors. */
export function schemaCommand(): number {
  process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}

/**
 * Finds what the schema allows at a place in the data, so a problem can name the keys that would have been
 * right. Walks zod's own definitions: objects, arrays, unions, and the optional/default/transform wrappers.
 */
import type { z } from 'zod';
import type { PathSegment } from './problems.js';

type Schema = z.core.$ZodType;

/** The parts of zod definitions this walk reads; other schema kinds simply end the walk. */
interface Definition {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: readonly Schema[];
  innerType?: Schema;
  in?: Schema;
  getter?: () => Schema;
  /** A record's keys (a rule's id: an enum, whose `entries` are its values). */
  keyType?: Schema;
  entries?: Record<string, string>;
}

function definition(schema: Schema): Definition {
  return schema._zod.def as unknown as Definition;
}

/** Looks through wrappers and unions to the schemas that actually check a value. */
function unwrap(schema: Schema): Schema[] {
  const def = definition(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return def.innerType ? unwrap(def.innerType) : [];
    case 'pipe':
      return def.in ? unwrap(def.in) : [];
    case 'lazy':
      return def.getter ? unwrap(def.getter()) : [];
    case 'union':
      return (def.options ?? []).flatMap(unwrap);
    default:
      return [schema];
  }
}

/** Every schema that may check the value at `path` (several when unions are on the way). */
function schemasAt(root: Schema, path: readonly PathSegment[]): Schema[] {
  let current = unwrap(root);
  for (const segment of path) {
    current = current.flatMap((schema) => {
      const def = definition(schema);
      if (def.type === 'object' && typeof segment === 'string' && def.shape && segment in def.shape) {
        return unwrap(def.shape[segment]!);
      }
      if (def.type === 'array' && typeof segment === 'number' && def.element) return unwrap(def.element);
      return [];
    });
  }
  return current;
}

/** The keys a mapping at `path` may have, in the schema's order. */
export function allowedKeysAt(root: Schema, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  for (const schema of schemasAt(root, path)) {
    const def = definition(schema);
    if (def.type === 'object' && def.shape) for (const key of Object.keys(def.shape)) keys.add(key);
    // A record whose keys are a fixed list (a rule's id): those are the keys it takes.
    const options = def.type === 'record' && def.keyType ? definition(def.keyType).entries : undefined;
    if (options) for (const key of Object.values(options)) keys.add(key);
  }
  return [...keys];
}

/** The `.describe()` text of the key at the end of `path`, when the schema has one. */
export function descriptionAt(root: Schema, path: readonly PathSegment[]): string | undefined {
  const key = path.at(-1);
  if (typeof key !== 'string') return undefined;
  for (const parent of schemasAt(root, path.slice(0, -1))) {
    const def = definition(parent);
    const field = def.type === 'object' ? def.shape?.[key] : undefined;
    const description = (field as { description?: string } | undefined)?.description;
    if (description) return description;
  }
  return undefined;
}

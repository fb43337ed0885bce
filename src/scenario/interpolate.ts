/**
 * `${env.NAME}` in string values: secrets and per-environment values come from the environment, never from
 * the file. Runs on the YAML nodes (before validation) so a missing variable is reported where it is used.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { PathSegment } from './problems.js';

/** A problem found while interpolating, still to be located. */
export interface InterpolationProblem {
  path: PathSegment[];
  message: string;
  hint?: string;
}

const REFERENCE = /(\$?)\$\{env\.([^}]*)\}/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Replaces every `${env.NAME}` in the document's string values, in place. `$${env.NAME}` stays as the literal
 * text `${env.NAME}`. Returns the values substituted (to be masked in reports) and the references that failed.
 */
export function interpolateEnv(
  doc: Document,
  env: NodeJS.ProcessEnv,
): { secrets: string[]; problems: InterpolationProblem[] } {
  const secrets = new Set<string>();
  const problems: InterpolationProblem[] = [];

  const substitute = (text: string, path: PathSegment[]): string =>
    text.replace(REFERENCE, (whole, escape: string, name: string) => {
      if (escape) return whole.slice(1);
      if (!VARIABLE_NAME.test(name)) {
        problems.push({
          path,
          message: `"${whole}" is not a valid environment variable reference`,
          hint: 'write ${env.NAME} with a name made of letters, digits and _',
        });
        return whole;
      }
      const value = env[name];
      if (value === undefined) {
        problems.push({
          path,
          message: `environment variable ${name} is not set`,
          hint: `export ${name} before running, or set it in your CI secrets`,
        });
        return whole;
      }
      if (value) secrets.add(value);
      return value;
    });

  const visit = (node: unknown, path: PathSegment[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        visit(pair.value, [...path, String(key)]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index]));
    } else if (isScalar(node) && typeof node.value === 'string' && node.value.includes('${')) {
      node.value = substitute(node.value, path);
    }
  };

  visit(doc.contents, []);
  return { secrets: [...secrets], problems };
}

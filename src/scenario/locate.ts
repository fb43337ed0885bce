/**
 * Source positions for places in a parsed YAML document, so every problem points at the exact node.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment } from './problems.js';

/** What to point at: the value at the path, or (for an unknown key) the key itself. */
export type Anchor = 'value' | 'key';

export interface Position {
  line: number;
  col: number;
}

/** Where a problem is: at the alias when the path goes through one (`*card`), with where the aliased text is. */
export interface Location extends Position {
  through?: { alias: string; at: Position };
}

function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** An empty value (`name:` with nothing after it) has no text of its own; its key is the better place. */
function isEmptyValue(node: unknown): boolean {
  return isScalar(node) && node.value === null && !!node.range && node.range[0] === node.range[1];
}

/**
 * The offset in the source of the node at `path`. When the path goes further than the document does (a key
 * that is missing), the deepest node that exists is used.
 */
export function offsetOf(doc: Document, path: readonly PathSegment[], anchor: Anchor): { offset: number; alias?: { name: string; offset: number } } {
  let node: unknown = doc.contents;
  let key: unknown;
  let alias: { name: string; offset: number } | undefined;
  const found = (offset: number) => (alias ? { offset, alias } : { offset });
  for (const segment of path) {
    if (isAlias(node)) {
      // The first alias on the way is where this scenario uses the text: the problem is reported there.
      alias ??= { name: node.source, offset: startOf(node) ?? 0 };
      node = node.resolve(doc);
    }
    const pair = isMap(node)
      ? node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment))
      : undefined;
    const item = isSeq(node) && typeof segment === 'number' ? node.items[segment] : undefined;
    if (pair) {
      key = pair.key;
      node = pair.value;
    } else if (item) {
      key = undefined;
      node = item;
    } else {
      return found(startOf(node) ?? startOf(key) ?? 0);
    }
  }
  if (isAlias(node)) alias ??= { name: node.source, offset: startOf(node) ?? 0 };
  const target = anchor === 'key' || isEmptyValue(node) || startOf(node) === undefined ? (key ?? node) : node;
  return found(startOf(target) ?? 0);
}

/**
 * Line and column (both from 1) of the node at `path`; when the path goes through an alias, the alias's place,
 * with the place of the text it stands for.
 */
export function positionOf(doc: Document, lines: LineCounter, path: readonly PathSegment[], anchor: Anchor): Location {
  const { offset, alias } = offsetOf(doc, path, anchor);
  if (!alias) return lines.linePos(offset);
  return { ...lines.linePos(alias.offset), through: { alias: alias.name, at: lines.linePos(offset) } };
}

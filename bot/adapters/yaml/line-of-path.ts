/**
 * Finds the line of a value in a parsed YAML document, so that validation errors can name file:line.
 */
import { isMap, isSeq, type LineCounter, type Node } from 'yaml';

/** The 1-based line of the node at `path` (or of its nearest existing ancestor), if known. */
export function lineOfPath(root: Node | null, path: readonly PropertyKey[], counter: LineCounter): number | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true);
    else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
    else break;
  }
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}

import { LightGbmError } from './errors.js';

/**
 * Checks a LightGBM text model before LightGBM parses it, because LightGBM 4.1 does not fail
 * cleanly on damaged models: an error while parsing trees in parallel (tree_sizes present)
 * aborts the process ("terminate called without an active exception"), and its tree parser
 * scans for '=' and newlines past the end of a truncated text (segfault). So:
 * - the text must be a complete model: a "tree" line first and, after the trees, "end of trees"
 *   (a cut in the trailing parameters section leaves the trees whole and is accepted);
 * - every line of the tree section must be blank, a "Tree=" header or a key=value pair;
 * - tree_sizes is dropped, so LightGBM parses trees sequentially and a bad tree becomes an
 *   ordinary error (measured cost: see bench/lightgbm-predict.ts, load time).
 */
export function prepareModelText(text: string, operation: string): string {
  const fail = (reason: string): never => {
    throw new LightGbmError(operation, `not a valid LightGBM text model: ${reason}`);
  };
  if (!/^tree\r?\n/.test(text)) fail('it does not start with a "tree" line');
  const endOfTrees = text.search(/^end of trees\r?$/m);
  if (endOfTrees === -1) fail('no "end of trees" line (truncated file?)');
  const found = text.search(/^Tree=/m);
  const firstTree = found === -1 || found > endOfTrees ? endOfTrees : found;
  const lines = text.slice(firstTree, endOfTrees).split('\n');
  const bad = lines.findIndex((line) => line.trim() !== '' && !line.includes('='));
  if (bad !== -1) fail(`line "${lines[bad]!.slice(0, 80)}" in the trees is not key=value`);
  const header = text.slice(0, firstTree).replace(/^tree_sizes=[^\n]*\n/m, '');
  return header + text.slice(firstTree);
}

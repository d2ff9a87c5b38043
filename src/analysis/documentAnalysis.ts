// The analysis of one open document as the user types: the syntax tree of the previous version is
// kept, told where the text changed (tree.edit), and handed to the parser with the new text, so
// tree-sitter re-parses only around the change and reuses the rest. The rules then run over the
// whole new tree (the data flow crosses the file), reading again only the top-level statements
// whose text changed (StatementCache); an unchanged text returns the last result.
import type * as TreeSitter from "web-tree-sitter";
import { analyzeTree, type ProgramAnalysis } from "./index";
import { loadPythonParser } from "./parser";
import { StatementCache } from "./syntaxTree";

export class DocumentAnalysis {
  private tree: TreeSitter.Tree | undefined;
  private source = "";
  private result: ProgramAnalysis | undefined;
  private statements = new StatementCache();

  async analyze(source: string): Promise<ProgramAnalysis> {
    if (this.result && source === this.source) return this.result;
    const parser = await loadPythonParser();
    const previous = this.tree;
    if (previous) previous.edit(textEdit(this.source, source));
    const tree = parser.parse(source, previous);
    previous?.delete();
    this.tree = tree ?? undefined;
    this.source = source;
    this.result = undefined; // until the rules have run over this text
    this.result = tree ? analyzeTree(tree, source, this.statements) : { findings: [], lenses: [] };
    return this.result;
  }

  /** Frees the kept tree (WASM memory); the next analyze parses from scratch. */
  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
    this.result = undefined;
    this.source = "";
    this.statements = new StatementCache();
  }
}

/** The one replaced span between two texts: their common prefix and suffix stay. */
export function textEdit(before: string, after: string): TreeSitter.Edit {
  const shorter = Math.min(before.length, after.length);
  // Whole blocks first (a string comparison runs at memory speed), then character by character.
  let start = 0;
  while (
    start + BLOCK <= shorter &&
    before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)
  ) {
    start += BLOCK;
  }
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = shorter - start;
  let tail = 0;
  while (
    tail + BLOCK <= room &&
    before.slice(before.length - tail - BLOCK, before.length - tail) ===
      after.slice(after.length - tail - BLOCK, after.length - tail)
  ) {
    tail += BLOCK;
  }
  while (
    tail < room &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  ) {
    tail++;
  }
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  const startPosition = pointOf(before, 0, { row: 0, column: 0 }, start);
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: pointOf(before, start, startPosition, oldEnd),
    newEndPosition: pointOf(after, start, startPosition, newEnd),
  };
}

const BLOCK = 1024;

/**
 * The point of `index`, counted on from the point `from` of index `fromIndex`: rows split at "\n"
 * (as tree-sitter counts them), columns in UTF-16 code units.
 */
function pointOf(
  text: string,
  fromIndex: number,
  from: TreeSitter.Point,
  index: number,
): TreeSitter.Point {
  let { row, column } = from;
  let lineStart = fromIndex - column;
  for (
    let i = text.indexOf("\n", fromIndex);
    i !== -1 && i < index;
    i = text.indexOf("\n", i + 1)
  ) {
    row++;
    lineStart = i + 1;
  }
  column = index - lineStart;
  return { row, column };
}

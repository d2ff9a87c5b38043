// The analysis of one open document as the user types: the syntax tree of the previous version is
// kept, told where the text changed (tree.edit), and handed to the parser with the new text, so
// tree-sitter re-parses only around the change and reuses the rest. The rules then run over the
// whole new tree (the data flow crosses the file), and an unchanged text returns the last result.
import type * as TreeSitter from "web-tree-sitter";
import { analyzeTree, type ProgramAnalysis } from "./index";
import { loadPythonParser } from "./parser";

export class DocumentAnalysis {
  private tree: TreeSitter.Tree | undefined;
  private source = "";
  private result: ProgramAnalysis | undefined;

  async analyze(source: string): Promise<ProgramAnalysis> {
    if (this.result && source === this.source) return this.result;
    const parser = await loadPythonParser();
    const previous = this.tree;
    if (previous) previous.edit(textEdit(this.source, source));
    const tree = parser.parse(source, previous);
    previous?.delete();
    this.tree = tree ?? undefined;
    this.source = source;
    this.result = tree ? analyzeTree(tree, source) : { findings: [], lenses: [] };
    return this.result;
  }

  /** Frees the kept tree (WASM memory); the next analyze parses from scratch. */
  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
    this.result = undefined;
    this.source = "";
  }
}

/** The one replaced span between two texts: their common prefix and suffix stay. */
export function textEdit(before: string, after: string): TreeSitter.Edit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < shorter - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  ) {
    tail++;
  }
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointOf(before, start),
    oldEndPosition: pointOf(before, oldEnd),
    newEndPosition: pointOf(after, newEnd),
  };
}

/** Row and column in UTF-16 code units, rows split at "\n" (as tree-sitter counts them). */
function pointOf(text: string, index: number): TreeSitter.Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}

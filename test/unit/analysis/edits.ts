// Applies a quick fix's edits to a source string, as VS Code's workspace.applyEdit would.
import type { SourceEdit } from "../../../src/analysis";

function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) offset = source.indexOf("\n", offset) + 1;
  return offset + column;
}

export function applyEdits(source: string, edits: SourceEdit[]): string {
  const spans = edits
    .map((e) => ({
      start: offsetOf(source, e.line, e.column),
      end: offsetOf(source, e.endLine, e.endColumn),
      text: e.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let result = source;
  for (const { start, end, text } of spans)
    result = result.slice(0, start) + text + result.slice(end);
  return result;
}

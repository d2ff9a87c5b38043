// One hover, start to finish, without VS Code: the term at a column of a line, the numbers the
// core computes for its literal arguments, and the links into the Lab. The provider adds the
// formula image and wraps the result in a vscode.Hover.
import { computeValues, type Evaluate } from "./compute";
import { labLinks } from "./intent";
import { recognizeTerm } from "./recognize";
import type { HoverContent } from "./render";

export interface HoverModel extends HoverContent {
  /** Columns of the line to highlight, [start, end). */
  start: number;
  end: number;
}

export function describeHover(
  line: string,
  column: number,
  evaluate: Evaluate,
): HoverModel | undefined {
  const match = recognizeTerm(line, column);
  if (!match) return undefined;
  const computed = computeValues(match, evaluate);
  return {
    term: match.term,
    spelling: match.spelling,
    start: match.start,
    end: match.end,
    ...(computed ? { computed } : {}),
    links: labLinks(match.term.id, computed),
  };
}

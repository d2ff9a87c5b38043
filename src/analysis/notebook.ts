// A notebook is analysed as one program: its Python cells joined in cell order, then every position
// mapped back to the cell it came from. IPython magics (`%matplotlib`, `!pip`) become comments of
// the same length, so columns stay where they were.

export interface CombinedCells {
  source: string;
  /** The line of the combined source where each cell starts. */
  firstLines: number[];
}

export interface CellPosition {
  cell: number;
  line: number;
}

const MAGIC = /^(\s*)[%!]/;

export function combineCells(cells: readonly string[]): CombinedCells {
  const firstLines: number[] = [];
  const parts: string[] = [];
  let line = 0;
  for (const text of cells) {
    firstLines.push(line);
    const lines = text.split(/\r?\n/).map((l) => l.replace(MAGIC, "$1#"));
    parts.push(lines.join("\n"));
    line += lines.length;
  }
  return { source: parts.join("\n"), firstLines };
}

/** The cell (and the line within it) of a line of the combined source. */
export function cellOf(combined: CombinedCells, line: number): CellPosition {
  let cell = 0;
  while (cell + 1 < combined.firstLines.length && combined.firstLines[cell + 1] <= line) cell++;
  return { cell, line: line - combined.firstLines[cell] };
}

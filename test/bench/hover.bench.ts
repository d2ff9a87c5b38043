// Hover computation time: recognition + the core's evaluation + Markdown, per hover, as the
// provider runs it (the formula image is a cached data URI then, a Map lookup, so it is left out).
//   1. A corpus of real-world lines (test/fixtures/hover/corpus.txt: PyTorch, TensorFlow/Keras,
//      JAX, NumPy, tfjs and Markdown notes), hovered on every word: p50/p99/max per hover.
//      Budget: p99 < 2 ms (DESIGN.md).
//   2. Hostile lines: 1 MB of code, 10,000 nested parentheses, unbalanced brackets. Budget: < 10 ms.
//   3. Interleaved rounds (test/bench/interleave.ts): the same hover on a 1 MB line and on a short
//      line — the window keeps the cost independent of the line's length (ratio ≈ 1).
// Run: node --import tsx test/bench/hover.bench.ts
import { readFileSync } from "node:fs";
import { evaluate } from "../../src/core";
import { describeHover } from "../../src/hover/describe";
import { renderHover } from "../../src/hover/render";
import type { HoverWords } from "../../src/hover/catalog";
import { measureInterleaved, medianRatio, printEnvironment, printRatioTable } from "./interleave";
import { percentile } from "./percentile.mjs";

const DIGITS = 6;
const IMAGE = "data:image/svg+xml;base64,AA==";
const words = JSON.parse(
  readFileSync(new URL("../../media/formulas/terms.json", import.meta.url), "utf8"),
) as HoverWords;

function hover(line: string, column: number): string | undefined {
  const model = describeHover(line, column, evaluate);
  return model && renderHover(model, { words, digits: DIGITS, imageUri: IMAGE });
}

/** Every word start and every σ of the line: where a mouse lands on a name. */
function wordColumns(line: string): number[] {
  const columns: number[] = [];
  for (let k = 0; k < line.length; k++) {
    const isWord = /[\wσ]/.test(line[k]);
    if (isWord && (k === 0 || !/[\w]/.test(line[k - 1]))) columns.push(k);
  }
  return columns;
}

interface Row {
  name: string;
  calls: number;
  hits: number;
  p50: number;
  p99: number;
  max: number;
  budgetMs: number;
}

/** Times each (line, column) `passes` times after `warmup` passes; all times in milliseconds. */
function timeHovers(
  name: string,
  targets: [string, number][],
  budgetMs: number,
  passes = 20,
  warmup = 3,
): Row {
  const times: number[] = [];
  let hits = 0;
  for (let pass = 0; pass < warmup + passes; pass++) {
    for (const [line, column] of targets) {
      const started = performance.now();
      const result = hover(line, column);
      const elapsed = performance.now() - started;
      if (pass >= warmup) {
        times.push(elapsed);
        if (result !== undefined) hits++;
      }
    }
  }
  return {
    name,
    calls: times.length,
    hits: hits / passes,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: Math.max(...times),
    budgetMs,
  };
}

function printRows(rows: Row[]): void {
  console.log(
    "\n| case | hovers timed | hovers with a term (per pass) | p50 µs | p99 µs | max µs | budget | ok |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---|---|");
  for (const r of rows) {
    const us = (ms: number) => (ms * 1000).toFixed(1);
    const ok = (r.name.startsWith("corpus") ? r.p99 : r.max) < r.budgetMs;
    const budget = r.name.startsWith("corpus")
      ? `p99 < ${r.budgetMs} ms`
      : `max < ${r.budgetMs} ms`;
    console.log(
      `| ${r.name} | ${r.calls} | ${r.hits} | ${us(r.p50)} | ${us(r.p99)} | ${us(r.max)} | ${budget} | ${ok ? "yes" : "NO"} |`,
    );
  }
}

printEnvironment();

// 1. The corpus, hovered on every word.
const corpus = readFileSync(new URL("../fixtures/hover/corpus.txt", import.meta.url), "utf8").split(
  "\n",
);
const corpusTargets: [string, number][] = corpus.flatMap((line) =>
  wordColumns(line).map((column): [string, number] => [line, column]),
);
const rows: Row[] = [timeHovers(`corpus: ${corpus.length} lines, every word`, corpusTargets, 2)];

// 2. Hostile lines.
const statement = "x = torch.sigmoid(torch.tensor(2.5)); ";
const megabyteLine = statement.repeat(Math.ceil(1_048_576 / statement.length));
const middle = megabyteLine.indexOf("sigmoid", megabyteLine.length >> 1);
const nested = `torch.sigmoid${"(".repeat(10_000)}2.5${")".repeat(10_000)}`;
const unbalanced = `F.softmax(torch.tensor([1.0, 2.0, 3.0], dim=0${" (".repeat(50_000)}`;
const longWritten = `y = 1 / (1 + np.exp(-${"(".repeat(5000)}x${")".repeat(5000)}))`;
rows.push(
  timeHovers(
    "1 MB line: start, middle, end",
    [
      [megabyteLine, 4],
      [megabyteLine, middle],
      [megabyteLine, megabyteLine.length - 10],
    ],
    10,
  ),
  timeHovers(
    "10,000 nested parentheses",
    [
      [nested, 8],
      [nested, 5000],
      [nested, nested.length - 1],
    ],
    10,
  ),
  timeHovers(
    "unbalanced brackets, 100 kB",
    [
      [unbalanced, 3],
      [unbalanced, 60_000],
    ],
    10,
  ),
  timeHovers(
    "written-out sigmoid, 10,000 parentheses",
    [
      [longWritten, 16],
      [longWritten, 5000],
    ],
    10,
  ),
);
printRows(rows);

// 3. Line length does not matter: the same hover on a 1 MB line and on a short line.
const shortLine = statement.repeat(3);
const shortColumn = shortLine.indexOf("sigmoid", statement.length);
const samples = measureInterleaved(
  [
    { name: "short line", run: () => hover(shortLine, shortColumn) },
    { name: "1 MB line", run: () => hover(megabyteLine, middle) },
  ],
  { rounds: 15, minMs: 20 },
);
const ratio = medianRatio(samples, "1 MB line", "short line");
printRatioTable("Same hover, 1 MB line vs a 114-character line (interleaved rounds)", [
  {
    name: "1 MB line / short line",
    ratio,
    budget: "< 1.5 (cost independent of line length)",
    ok: ratio < 1.5,
  },
]);
const failed = rows.filter((r) => (r.name.startsWith("corpus") ? r.p99 : r.max) >= r.budgetMs);
if (failed.length > 0 || ratio >= 1.5) process.exitCode = 1;

// Speed of the Lab page's LSTM & GRU view in Debian's Chromium (playwright-core), on the built
// bundle (build first: `npm run build:production`). For each control: many changes, each timed
// from the control's input (or change) event to the view's finished redraw — the "lab:rendered"
// event with complete = true, after the heatmaps, the equations and the gradient-through-time
// chart of all three cells are drawn. At the largest sizes the gradients follow the heatmaps (the
// chosen cell's on the page, a pass per task; the other two in the view's Web Worker); the first
// redraw, the heatmaps, is reported beside the finished one.
// Changes are spaced two frames apart, as a dragged slider delivers them.
// Budgets (issue 6): p95 < 16 ms at T = 100, H = 16; < 50 ms at T = 500, H = 64.
// Run: node --import tsx test/bench/recurrent-panel.bench.ts (RECURRENT_BENCH_GREP=<text> for the
// rows whose control or size contains it, e.g. "hidden" or "H=64"; it skips the Node arithmetic and
// the first-chart loads)
import * as os from "node:os";
import type { Page } from "playwright-core";
import { measureInterleaved, median, medianRatio, printEnvironment } from "./interleave";
import { presetInputs } from "../../webview/views/recurrent/inputs";
import { CellResults } from "../../webview/views/recurrent/cellResults";
import { forwardWork, runOfTrace, traceOf } from "../../webview/views/recurrent/simulation";
import { weightsFor } from "../../webview/views/recurrent/weights";
import { launchChromium, openLabPage } from "./panelPage";
import { percentile } from "./percentile.mjs";

interface Case {
  name: string;
  size: "default" | "max";
  state: Record<string, unknown>;
  /** An <input> (input event) or <select> (change event). */
  control: string;
  values: (i: number) => string;
  changes?: number;
}

const defaults = { cell: "lstm", hidden: 16, inputSize: 1, steps: 100, weights: "remember" };
const largest = { cell: "lstm", hidden: 64, inputSize: 1, steps: 500, weights: "remember" };
const widest = { ...largest, inputSize: 16, input: "random" };
const cells = (i: number) => ["gru", "rnn", "lstm"][i % 3];

const CASES: Case[] = [
  {
    name: "seed (all recomputed)",
    size: "default",
    state: defaults,
    control: "#recurrent-seed",
    values: (i) => String(i + 2),
  },
  {
    name: "hidden size slider 8 → 24",
    size: "default",
    state: defaults,
    control: "#recurrent-hidden-slider",
    values: (i) => String(8 + (i % 17)),
  },
  {
    name: "sequence length slider 60 → 140",
    size: "default",
    state: defaults,
    control: "#recurrent-steps-slider",
    values: (i) => String(60 + (i % 81)),
  },
  {
    name: "weights preset",
    size: "default",
    state: defaults,
    control: "#recurrent-weights",
    values: (i) => ["forget", "random", "inputClosed", "outputClosed", "remember"][i % 5],
  },
  {
    name: "cell LSTM/GRU/RNN",
    size: "default",
    state: defaults,
    control: "#recurrent-cell",
    values: (i) => cells(i),
  },
  {
    name: "step-through cursor",
    size: "default",
    state: defaults,
    control: "#recurrent-cursor-slider",
    values: (i) => String(i % 100),
  },
  {
    name: "seed (all recomputed)",
    size: "max",
    state: largest,
    control: "#recurrent-seed",
    values: (i) => String(i + 2),
    changes: 40,
  },
  {
    name: "weights preset",
    size: "max",
    state: largest,
    control: "#recurrent-weights",
    values: (i) => ["forget", "random", "inputClosed", "outputClosed", "remember"][i % 5],
    changes: 40,
  },
  {
    name: "cell LSTM/GRU/RNN",
    size: "max",
    state: largest,
    control: "#recurrent-cell",
    values: (i) => cells(i),
    changes: 60,
  },
  {
    name: "step-through cursor",
    size: "max",
    state: largest,
    control: "#recurrent-cursor-slider",
    values: (i) => String((i * 7) % 500),
  },
  {
    name: "seed, I = 16, random inputs",
    size: "max",
    state: widest,
    control: "#recurrent-seed",
    values: (i) => String(i + 2),
    changes: 40,
  },
];

/** In the page (panelProbe.js, as in panel.bench.ts): set the control, wait for the finished redraw. */
async function measure(page: Page, c: Case, changes: number) {
  const values = Array.from({ length: changes }, (_, i) => c.values(i));
  return page.evaluate(
    ([control, values]) =>
      (globalThis as unknown as PageProbe).__measureChanges(control, values, "recurrent"),
    [c.control, values] as const,
  );
}

interface PageProbe {
  __measureChanges(
    control: string,
    values: readonly (number | string)[],
    view: string,
  ): Promise<{ complete: number[]; first: number[] }>;
}

/**
 * The view's arithmetic alone, in Node, interleaved: the chosen LSTM's forward pass (what the
 * first redraw waits for) and a full recompute — that forward pass, its backward pass, and the
 * GRU's and the RNN's forward and backward passes (what the finished redraw waits for; at the
 * largest sizes the page does the LSTM and the worker the other two). Their ratio does not drift
 * with the machine's load; the multiply-adds say what any implementation has to do.
 */
function computeShare(): void {
  const cases = [];
  const sizes = [
    [100, 16, 1],
    [500, 64, 1],
    [500, 64, 16],
  ] as const;
  const macs: string[] = [];
  for (const [steps, hidden, inputSize] of sizes) {
    const inputs = presetInputs(inputSize > 1 ? "random" : "first", steps, inputSize, 10, 1);
    const weights = (["rnn", "lstm", "gru"] as const).map((kind) =>
      weightsFor("remember", kind, hidden, inputSize, 1),
    );
    const size = `T=${steps} H=${hidden} I=${inputSize}`;
    cases.push(
      { name: `forward ${size}`, run: () => runOfTrace(traceOf(weights[1], inputs)) },
      {
        name: `recompute ${size}`,
        run: () => {
          const results = new CellResults(3);
          results.run("lstm", weights[1], inputs);
          return weights.map((w) => results.completeGradient(w.kind, w, inputs));
        },
      },
    );
    const forward = forwardWork("lstm", hidden, inputSize, steps);
    const all = weights.reduce(
      (sum, w) => sum + 2 * forwardWork(w.kind, hidden, inputSize, steps),
      0,
    );
    macs.push(`${(forward / 1e6).toFixed(2)} M / ${(all / 1e6).toFixed(2)} M`);
  }
  const samples = measureInterleaved(cases, { rounds: 7, minMs: 60 });
  console.log("\nLSTM & GRU arithmetic in Node (median ms over 7 interleaved rounds)");
  console.log(`| work | ${sizes.map(([T, H, I]) => `T=${T}, H=${H}, I=${I}`).join(" | ")} |`);
  console.log(`|---|${sizes.map(() => "---:|").join("")}`);
  for (const what of ["forward", "recompute"]) {
    const ms = ([T, H, I]: readonly number[]) =>
      (median(samples.get(`${what} T=${T} H=${H} I=${I}`)!) / 1e6).toFixed(2);
    console.log(
      `| ${what === "forward" ? "LSTM forward pass with every gate (first redraw)" : "full recompute: LSTM forward + backward, GRU and RNN forward + backward"} | ${sizes.map(ms).join(" | ")} |`,
    );
  }
  console.log(`| multiply-adds: LSTM forward / full recompute | ${macs.join(" | ")} |`);
  console.log(
    `full recompute ÷ LSTM forward at T=500, H=64, I=1: ${medianRatio(samples, "recompute T=500 H=64 I=1", "forward T=500 H=64 I=1").toFixed(2)}×`,
  );
}

async function main(): Promise<void> {
  printEnvironment();
  const grep = process.env.RECURRENT_BENCH_GREP;
  if (!grep) computeShare();
  const browser = await launchChromium();
  console.log(`Chromium ${browser.version()}, viewport 1280×900, bundle dist/webview/main.js`);
  const rows: string[] = [];
  try {
    const times: number[] = [];
    for (let i = 0; i < (grep ? 0 : 10); i++) {
      const { page, firstChartMs } = await openLabPage(browser, { intent: { view: "recurrent" } });
      times.push(firstChartMs);
      await page.close();
    }
    const rowSize = (c: Case) =>
      c.size === "default" ? "T=100, H=16" : `T=500, H=64, I=${c.state.inputSize}`;
    for (const c of CASES.filter((c) => !grep || `${c.name} ${rowSize(c)}`.includes(grep))) {
      const { page } = await openLabPage(browser, {
        state: { version: 1, view: "recurrent", recurrent: c.state },
      });
      const changes = c.changes ?? 120;
      await measure(page, c, 6); // warm-up: JIT, fonts, Chart.js caches
      const { complete, first } = await measure(page, c, changes);
      const budget = c.size === "default" ? 16 : 50;
      const p95 = percentile(complete, 95);
      const size = rowSize(c);
      rows.push(
        `| ${c.name} | ${size} | ${changes} | ${percentile(first, 50).toFixed(1)} / ${percentile(first, 95).toFixed(1)} | ${percentile(complete, 50).toFixed(1)} | ${p95.toFixed(1)} | ${percentile(complete, 100).toFixed(1)} | < ${budget} | ${p95 < budget ? "yes" : "NO"} |`,
      );
      console.error(`  measured ${c.name}, ${size}`);
      await page.close();
    }
    console.log("\nLSTM & GRU: time from navigation to the first chart (ms, 10 loads)");
    if (times.length > 0) {
      console.log(
        `p50 ${percentile(times, 50).toFixed(0)}, p95 ${percentile(times, 95).toFixed(0)} (budget < 500)`,
      );
    }
    console.log("\nLSTM & GRU: input event → redraw (ms)");
    console.log(
      "| control | size | changes | first redraw p50 / p95 | finished p50 | finished p95 | max | budget (p95) | ok |",
    );
    console.log("|---|---|---:|---|---:|---:|---:|---|---|");
    for (const row of rows) console.log(row);
    console.log(
      `load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" / ")}`,
    );
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

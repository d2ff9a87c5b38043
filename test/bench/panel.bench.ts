// Speed of the Lab page in Debian's Chromium (playwright-core), on the built bundle
// (dist/webview/main.js + main.css; build first: `npm run build:production`). For each view and
// control: ≥100 changes, each timed from the control's input event to the chart's finished redraw
// (the view's "lab:rendered" event with complete = true: Chart.js draws synchronously with
// animation off, so the canvas holds the new picture at that moment). Changes are spaced one frame
// apart, as a dragged slider delivers them. Also time from navigation to the first chart.
// Budgets (../shared/DESIGN.md): p95 < 16 ms at default sizes, < 50 ms at the maximum sizes,
// first chart < 500 ms.
// Run: node --import tsx test/bench/panel.bench.ts (PANEL_BENCH_GREP=<text> for some cases only)
import type { Page } from "playwright-core";
import { printEnvironment } from "./interleave";
import { launchChromium, openLabPage } from "./panelPage";
import { percentile } from "./percentile.mjs";

interface Case {
  view: "activations" | "vanishing" | "softmax";
  name: string;
  size: "default" | "max";
  /** A saved state (partial per view; the page sanitises it) to start from. */
  state?: Record<string, unknown>;
  /** The control: an <input> whose value is set before its input event is dispatched. */
  control: string;
  /** The value of change i. */
  values: (i: number) => number;
  changes?: number;
  /** For views that fill the chart in over several slices: also time the first partial redraw. */
  progressive?: boolean;
}

const base = { version: 1, view: "activations" };
const maxVanishing = { depth: 200, width: 36, samples: 16, steps: 8, activation: "sigmoid" };
const manyPoints = Array.from({ length: 200 }, (_, i) => ({
  x: -4.5 + 9 * ((i * 0.618034) % 1),
  y: -4.5 + 9 * ((i * 0.381966) % 1),
  label: i % 5,
}));

const CASES: Case[] = [
  {
    view: "activations",
    name: "probe x slider",
    size: "default",
    control: "#probe-x-slider",
    values: (i) => -5 + (i % 100) * 0.1,
  },
  {
    view: "activations",
    name: "gain k slider (all curves recomputed)",
    size: "default",
    control: "#gain-k-slider",
    values: (i) => 0.5 + (i % 50) * 0.05,
  },
  {
    view: "activations",
    name: "gain k, range ±50, all 6 curves",
    size: "max",
    state: {
      activations: { x: 0, gain: 1, range: 50, curves: ["tanh", "relu", "softplus", "logit"] },
    },
    control: "#gain-k-slider",
    values: (i) => 0.5 + (i % 50) * 0.05,
  },
  {
    view: "vanishing",
    name: "seed, 20 layers × 16, 4 samples",
    size: "default",
    control: "#seed",
    values: (i) => i + 2,
  },
  {
    view: "vanishing",
    name: "depth slider, 20 → 40 layers × 16",
    size: "default",
    control: "#depth-slider",
    values: (i) => 20 + (i % 20),
  },
  {
    view: "vanishing",
    name: "training 30 steps, 20 × 16 (seed)",
    size: "default",
    state: { vanishing: { mode: "training" } },
    control: "#seed",
    values: (i) => i + 2,
  },
  {
    view: "vanishing",
    name: "seed, 200 layers × 36, 16 samples",
    size: "max",
    state: { vanishing: maxVanishing },
    control: "#seed",
    values: (i) => i + 2,
    // 40 changes, so that the 95th percentile is not simply the slowest of a dozen.
    changes: 40,
    progressive: true,
  },
  {
    view: "vanishing",
    name: "training 8 steps, 200 × 36 (seed)",
    size: "max",
    state: { vanishing: { ...maxVanishing, mode: "training" } },
    control: "#seed",
    values: (i) => i + 2,
    // 40 changes, so that the 95th percentile is not simply the slowest of a dozen.
    changes: 40,
    progressive: true,
  },
  {
    view: "softmax",
    name: "logit z₀ (3 logits)",
    size: "default",
    control: "#logit-0",
    values: (i) => -3 + (i % 60) * 0.1,
  },
  {
    view: "softmax",
    name: "temperature slider",
    size: "default",
    control: "#temperature-slider",
    values: (i) => 0.5 + (i % 40) * 0.05,
  },
  {
    view: "softmax",
    name: "epochs (retrain, 11 points, binary)",
    size: "default",
    control: "#epochs",
    values: (i) => 200 + i,
  },
  {
    view: "softmax",
    name: "logit z₀ (8 logits)",
    size: "max",
    state: {
      softmax: { logits: [2, 1, 0.1, -1, 3, 0.5, -2, 1.5], classes: 5, points: manyPoints },
    },
    control: "#logit-0",
    values: (i) => -3 + (i % 60) * 0.1,
  },
  {
    view: "softmax",
    name: "epochs (retrain, 200 points, 5 classes)",
    size: "max",
    state: { softmax: { classes: 5, points: manyPoints, epochs: 1000 } },
    control: "#epochs",
    values: (i) => 900 + i,
  },
];

/** In the page (panelProbe.js): set the control, dispatch input, wait for the finished redraw. */
async function measure(page: Page, c: Case, changes: number) {
  const values = Array.from({ length: changes }, (_, i) => c.values(i));
  return page.evaluate(
    ([control, values, view]) =>
      (globalThis as unknown as PageProbe).__measureChanges(control, values, view),
    [c.control, values, c.view] as const,
  );
}

interface PageProbe {
  __measureChanges(
    control: string,
    values: readonly number[],
    view: string,
  ): Promise<{ complete: number[]; first: number[] }>;
}

async function main(): Promise<void> {
  printEnvironment();
  const browser = await launchChromium();
  console.log(`Chromium ${browser.version()}, viewport 1280×900, bundle dist/webview/main.js`);
  const rows: string[] = [];
  try {
    // Time to first chart: a fresh page per load, each view, 10 loads.
    const firstCharts: string[] = [];
    for (const view of process.env.PANEL_BENCH_GREP
      ? []
      : (["activations", "vanishing", "softmax"] as const)) {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const { page, firstChartMs } = await openLabPage(browser, { intent: { view } });
        times.push(firstChartMs);
        await page.close();
      }
      firstCharts.push(
        `| ${view} | ${percentile(times, 50).toFixed(0)} | ${percentile(times, 95).toFixed(0)} | < 500 | ${percentile(times, 95) < 500 ? "yes" : "NO"} |`,
      );
    }
    // PANEL_BENCH_GREP=depth runs only the cases whose name contains it.
    const grep = process.env.PANEL_BENCH_GREP;
    for (const c of CASES.filter((c) => !grep || `${c.view} ${c.name}`.includes(grep))) {
      const { page } = await openLabPage(browser, {
        state: { ...base, view: c.view, ...c.state },
      });
      const changes = c.changes ?? 120;
      await measure(page, c, 5); // warm-up: JIT, fonts, Chart.js caches
      const { complete, first } = await measure(page, c, changes);
      const budget = c.size === "default" ? 16 : 50;
      const p95 = percentile(complete, 95);
      rows.push(
        `| ${c.view} | ${c.name} | ${c.size} | ${changes} | ${percentile(complete, 50).toFixed(1)} | ${p95.toFixed(1)} | ${percentile(complete, 100).toFixed(1)} | ${c.progressive ? `${percentile(first, 50).toFixed(1)} / ${percentile(first, 95).toFixed(1)}` : "—"} | < ${budget} | ${p95 < budget ? "yes" : "NO"} |`,
      );
      console.error(`  measured ${c.view}: ${c.name}`);
      await page.close();
    }
    console.log("\nTime from navigation to the first chart (ms, 10 loads per view)");
    console.log("| view | p50 | p95 | budget | ok |");
    console.log("|---|---:|---:|---|---|");
    for (const row of firstCharts) console.log(row);
    console.log("\nInput event → finished redraw (ms)");
    console.log(
      "| view | control | size | changes | p50 | p95 | max | first partial redraw p50 / p95 | budget (p95) | ok |",
    );
    console.log("|---|---|---|---:|---:|---:|---:|---|---|---|");
    for (const row of rows) console.log(row);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

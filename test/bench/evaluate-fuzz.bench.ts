// Fuzzing evaluate() at scale: 100,000 fast-check runs over arbitrary text, token soup from the
// evaluator's vocabulary and inputs at the bounds (2,000 characters, nesting 64, long lists). Each
// run checks that evaluate returns { ok, value } or { ok: false, error } without throwing, and
// times it; the budget is that no input of up to 2,000 characters takes over 5 ms. Two clocks:
// wall time (performance.now) and this process's CPU time (process.cpuUsage, which does not run
// while the process waits for a core — on a shared 2-core machine under load, wall time includes
// being descheduled, and process CPU time includes the JIT's and GC's helper threads). A case over
// budget is re-timed three times, warm, keeping the least; the verdict uses that CPU time, and the
// first-timing counts are printed too.
// Run: node --import tsx test/bench/evaluate-fuzz.bench.ts
import fc from "fast-check";
import { evaluate } from "../../src/core";
import { arbitraryText, boundaryText } from "../unit/core/expressionFuzzArbitraries";
import { printEnvironment } from "./interleave";

const RUNS = 100_000;
const BUDGET_MS = 5;

function cpuMillis(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function main(): void {
  printEnvironment();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let slowest = { ms: 0, text: "" };
  let retimedOver = 0;
  let firstOver = 0;
  let retimedWallOver = 0;
  let okCount = 0;
  let errorCount = 0;
  fc.assert(
    fc.property(fc.oneof(arbitraryText, boundaryText), (text) => {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const result = evaluate(text);
      let ms = performance.now() - start;
      let cpuMs = cpuMillis(process.cpuUsage(cpuStart));
      if (ms > BUDGET_MS || cpuMs > BUDGET_MS) {
        firstOver++;
        // The evaluator is deterministic, so its own cost is the least of a few warm timings.
        for (let attempt = 0; attempt < 3; attempt++) {
          const cpuAgain = process.cpuUsage();
          const again = performance.now();
          evaluate(text);
          ms = Math.min(ms, performance.now() - again);
          cpuMs = Math.min(cpuMs, cpuMillis(process.cpuUsage(cpuAgain)));
        }
        if (cpuMs > BUDGET_MS) retimedOver++;
        if (ms > BUDGET_MS) retimedWallOver++;
      }
      times.push(ms);
      cpuTimes.push(cpuMs);
      if (cpuMs > slowest.ms) slowest = { ms: cpuMs, text };
      if (result.ok) {
        okCount++;
        const v = result.value;
        return typeof v === "number" || (Array.isArray(v) && v.every((x) => typeof x === "number"));
      }
      errorCount++;
      return typeof result.error === "string" && result.error.length > 0;
    }),
    { numRuns: RUNS, seed: 20240917 },
  );
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const quantile = (values: number[], q: number) =>
    values[Math.min(values.length - 1, Math.floor(q * values.length))].toFixed(4);
  console.log(
    `\nevaluate() fuzz: ${RUNS.toLocaleString("en")} runs, ${okCount} values, ${errorCount} errors, 0 throws`,
  );
  console.log("| statistic | wall ms | CPU ms |");
  console.log("|---|---:|---:|");
  for (const [label, q] of [
    ["median", 0.5],
    ["p99", 0.99],
    ["p99.9", 0.999],
    ["max (after re-timing)", 1],
  ] as const) {
    console.log(`| ${label} | ${quantile(times, q)} | ${quantile(cpuTimes, q)} |`);
  }
  console.log(
    `slowest input (${slowest.text.length} chars): ${JSON.stringify(slowest.text.slice(0, 80))}${slowest.text.length > 80 ? "…" : ""}`,
  );
  console.log(
    `runs over ${BUDGET_MS} ms on first timing (either clock): ${firstOver}; re-timed still over: ${retimedOver} by CPU time, ${retimedWallOver} by wall time`,
  );
  const met = retimedOver === 0;
  console.log(
    `\nevaluate fuzz budget (never throws, no input ≤ 2,000 chars over ${BUDGET_MS} ms): ${met ? "MET" : "NOT MET"}`,
  );
  if (!met) process.exitCode = 1;
}

main();

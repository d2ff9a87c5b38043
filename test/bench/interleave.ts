// Side-by-side timing: every case runs in every round, the order rotates each round, and ratios are
// taken per round before the median. Timings from separate runs drift with load and JIT state on a
// 2-core machine; ratios inside one round do not.
import os from "node:os";

export interface BenchCase {
  name: string;
  /** One unit of work; returns something so the JIT cannot drop it. */
  run: () => unknown;
}

export interface BenchOptions {
  rounds?: number;
  warmupRounds?: number;
  /** Minimum wall time per case per round, in milliseconds. */
  minMs?: number;
}

let sink: unknown;

function timeCase(run: () => unknown, minMs: number): number {
  let iterations = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    sink = run();
    iterations++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (elapsed * 1e6) / iterations; // ns per call
}

/** Returns, for each case, the per-round ns/call samples. */
export function measureInterleaved(
  cases: BenchCase[],
  options: BenchOptions = {},
): Map<string, number[]> {
  const rounds = options.rounds ?? 15;
  const warmupRounds = options.warmupRounds ?? 3;
  const minMs = options.minMs ?? 20;
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length];
      const ns = timeCase(c.run, minMs);
      if (round >= warmupRounds) samples.get(c.name)!.push(ns);
    }
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return samples;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median over rounds of samples[a][r] / samples[b][r]. */
export function medianRatio(samples: Map<string, number[]>, a: string, b: string): number {
  const sa = samples.get(a)!;
  const sb = samples.get(b)!;
  return median(sa.map((v, r) => v / sb[r]));
}

export function printEnvironment(): void {
  const [l1, l5] = os.loadavg();
  console.log(
    `node ${process.version}, V8 ${process.versions.v8}, ${os.cpus().length} cores, load ${l1.toFixed(2)} / ${l5.toFixed(2)}`,
  );
}

export interface RatioRow {
  name: string;
  ratio: number;
  budget: string;
  ok: boolean;
}

export function printRatioTable(title: string, rows: RatioRow[]): void {
  console.log(`\n${title}`);
  console.log("| comparison | median ratio | budget | ok |");
  console.log("|---|---:|---|---|");
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.ratio.toFixed(3)} | ${row.budget} | ${row.ok ? "yes" : "NO"} |`,
    );
  }
}

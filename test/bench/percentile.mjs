// The nearest-rank percentile every benchmark quotes: the smallest sample with at least p % of the
// samples at or below it (so p95 of 40 changes is the 38th fastest, never an interpolation).
// Plain JavaScript, so that the TypeScript benchmarks and the code-server one (.mjs) share it.

/** @param {readonly number[]} values @param {number} p */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// Types of percentile.mjs, for the TypeScript benchmarks.
export function percentile(values: readonly number[], p: number): number;

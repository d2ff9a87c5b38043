/** What the core accepts as a vector: a plain array or any numeric typed array. */
export type NumericVector =
  readonly number[] | Float64Array | Float32Array | Int32Array | Uint8Array | ArrayLike<number>;

/**
 * Throws a TypeError naming `argument` unless `v` is an array or a numeric typed array. Elements are
 * not checked one by one (that would double the cost of every kernel); non-numbers become NaN.
 */
export function assertVector(v: unknown, argument: string): asserts v is ArrayLike<number> {
  if (Array.isArray(v)) return;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return;
  throw new TypeError(
    `${argument} must be a number[] or a typed array of numbers, got ${describe(v)}`,
  );
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "object") return (v as object).constructor?.name ?? "object";
  return typeof v;
}

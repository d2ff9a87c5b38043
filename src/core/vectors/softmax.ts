import { assertVector, type NumericVector } from "./vectorInput";

/**
 * softmax(v / T)_i = e^(v_i / T) / Σ_j e^(v_j / T), a Float64Array that sums to 1.
 *
 * Identity used: softmax is shift-invariant, so it is computed as e^((v_i − m) / T) / Σ with m the
 * largest entry: every exponent is ≤ 0 (no overflow, finite for logits ±1e300), and the largest term
 * is exactly 1, so the sum is at least 1 (no division by an underflowed 0). Subtracting before
 * dividing by T also keeps a small temperature from overflowing v / T.
 *
 * Temperature T must be finite and > 0 (large T tends to the uniform distribution). Infinite logits: entries at +∞
 * share the whole mass equally (the limit as they grow together; PyTorch gives NaN there); all −∞
 * gives NaN, as in PyTorch. An empty vector gives an empty result.
 */
export function softmax(v: NumericVector, temperature = 1): Float64Array {
  assertVector(v, "v");
  assertTemperature(temperature);
  return softmaxInto(v, new Float64Array(v.length), temperature);
}

/** softmax into a caller-owned output of the same length (may be the input itself); returns it. */
export function softmaxInto<T extends { [index: number]: number; length: number }>(
  v: NumericVector,
  output: T,
  temperature = 1,
): T {
  const n = v.length;
  if (output.length !== n) {
    throw new RangeError(`output must have the length of v (${n}), got ${output.length}`);
  }
  if (v instanceof Float64Array && output instanceof Float64Array) {
    softmaxFloat64(v, output, temperature);
    return output;
  }
  if (n === 0) return output;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const value = v[i];
    if (value !== value) return fill(output, NaN);
    if (value > max) max = value;
  }
  if (max === Infinity || max === -Infinity) return infiniteLimit(v, output, max);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp((v[i] - max) / temperature);
    output[i] = e;
    sum += e;
  }
  const inverseSum = 1 / sum;
  for (let i = 0; i < n; i++) output[i] *= inverseSum;
  return output;
}

/** The same steps for the common Float64Array → Float64Array case: one element kind for the JIT. */
function softmaxFloat64(v: Float64Array, output: Float64Array, temperature: number): void {
  const n = v.length;
  if (n === 0) return;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const value = v[i];
    if (value !== value) {
      output.fill(NaN);
      return;
    }
    if (value > max) max = value;
  }
  if (max === Infinity || max === -Infinity) {
    infiniteLimit(v, output, max);
    return;
  }
  let sum = 0;
  if (temperature === 1) {
    for (let i = 0; i < n; i++) {
      const e = Math.exp(v[i] - max);
      output[i] = e;
      sum += e;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const e = Math.exp((v[i] - max) / temperature);
      output[i] = e;
      sum += e;
    }
  }
  const inverseSum = 1 / sum;
  for (let i = 0; i < n; i++) output[i] *= inverseSum;
}

export function assertTemperature(temperature: number): void {
  if (typeof temperature !== "number" || !(temperature > 0) || temperature === Infinity) {
    throw new RangeError(`temperature must be a finite number > 0, got ${String(temperature)}`);
  }
}

function fill<T extends { [index: number]: number; length: number }>(output: T, value: number): T {
  for (let i = 0; i < output.length; i++) output[i] = value;
  return output;
}

function infiniteLimit<T extends { [index: number]: number; length: number }>(
  v: NumericVector,
  output: T,
  max: number,
): T {
  if (max === -Infinity) return fill(output, NaN);
  let count = 0;
  for (let i = 0; i < v.length; i++) if (v[i] === Infinity) count++;
  for (let i = 0; i < v.length; i++) output[i] = v[i] === Infinity ? 1 / count : 0;
  return output;
}

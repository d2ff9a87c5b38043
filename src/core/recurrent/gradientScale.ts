// Keeping the carried gradient of backpropagation through time out of the subnormal range.
//
// Going back through time, ∂h (and ∂C for the LSTM) shrinks geometrically wherever the cell
// forgets; over a few hundred steps it reaches the subnormal doubles below 2^−1022, where the CPU
// takes ~100× longer per multiply-add (GRU, T = 500, H = 64, 16 seeded random inputs: 1,494
// subnormal entries of ∂h, ~37 ms instead of ~6 ms in Node) and where each rounding loses bits.
// The backward recurrence is linear in the carried gradient (the gate derivatives come from the
// kept forward pass), so multiplying it by 2^600 when its largest entry falls below 2^−600 makes
// every later product and sum exactly 2^600 times the unscaled one — multiplying by a power of two
// is exact in IEEE double unless the value is subnormal or overflows — and each step's norm is
// brought back by the exact power of two. Where the unscaled computation never met a subnormal the
// results are the same bit for bit; where it did, they are closer to the exact values, not further
// (test/unit/core/recurrentGradientScale.test.ts). PyTorch's autograd does no such rescaling: its
// float64 gradients run through the subnormals as the unscaled loop did.

/** The carried gradient is scaled up by 2^STEP when its largest entry falls below 2^−STEP. */
export const SCALE_STEP = 600;
const small = 2 ** -SCALE_STEP;
const large = 2 ** SCALE_STEP;
/** 2^−1022, the smallest normal double: any power of two from 2^−1022 to 1 is itself exact. */
const minNormalPower = 1022;
/** Below this a sum of squares may have lost squares to the subnormals (at 2^600 times: < 2^240). */
const smallSumOfSquares = 2 ** -960;

/**
 * The exponent e ≥ 0 the carried gradient is scaled by (it holds 2^e times the true values), after
 * rescaling a (and b) in place if their largest entry left [2^−600, 2^600]: up by 2^600 when it is
 * below (and not 0), down by 2^600 when it is above and e ≥ 600 — the vectors never hold less than
 * the true values, so nothing that was normal becomes subnormal.
 */
export function rescaleCarried(exponent: number, a: Float64Array, b?: Float64Array): number {
  let largest = maxAbs(a);
  if (b !== undefined) largest = Math.max(largest, maxAbs(b));
  // One step is always enough: the smallest double, 2^−1074, times 2^600 is 2^−474.
  if (largest > 0 && largest < small) {
    scale(a, large);
    if (b !== undefined) scale(b, large);
    return exponent + SCALE_STEP;
  }
  if (largest > large && exponent >= SCALE_STEP) {
    scale(a, small);
    if (b !== undefined) scale(b, small);
    return exponent - SCALE_STEP;
  }
  return exponent;
}

/**
 * ‖v‖·2^−exponent. The squares of entries below 2^−511 fall under 2^−1022 (and below 2^−537 to 0),
 * so a small v — tiny gradients long before the carried one reaches 2^−600 — has its squares taken
 * at 2^600 times its size, then the norm brought back: the same bits whenever the plain sum of
 * squares met no subnormal, and not 0 where the true norm is a normal double.
 */
export function normUnscaled(v: Float64Array, exponent: number): number {
  let sumSquares = 0;
  for (let j = 0; j < v.length; j++) sumSquares += v[j] * v[j];
  if (sumSquares >= smallSumOfSquares) return unscale(Math.sqrt(sumSquares), exponent);
  sumSquares = 0;
  for (let j = 0; j < v.length; j++) {
    const x = v[j] * large;
    sumSquares += x * x;
  }
  return unscale(Math.sqrt(sumSquares), exponent + SCALE_STEP);
}

/** value·2^−exponent with a single rounding (exponent ≥ 0): 0 below 2^−1075, as a plain product. */
export function unscale(value: number, exponent: number): number {
  let v = value;
  let e = exponent;
  // Each multiplication here is exact while v stays normal; if v falls below 2^−1022 on the way,
  // the true result is below 2^−2044 and every further product is 0, as it should be.
  while (e > minNormalPower) {
    const by = Math.min(e - minNormalPower, minNormalPower);
    v *= 2 ** -by;
    e -= by;
  }
  return e === 0 ? v : v * 2 ** -e;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let k = 0; k < v.length; k++) {
    const a = Math.abs(v[k]);
    if (a > m) m = a;
  }
  return m;
}

function scale(v: Float64Array, by: number): void {
  for (let k = 0; k < v.length; k++) v[k] *= by;
}

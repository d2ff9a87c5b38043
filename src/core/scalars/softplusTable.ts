// softplus(x) = log(1 + e^x) for |x| < SOFTPLUS_TABLE_LIMIT from one polynomial per interval, no libm
// call: exp + log1p, two fdlibm calls each about as costly as the other, made softplus and logSigmoid
// ~2× a loop of Math.exp alone; a table lookup and a degree-9 polynomial cost about one exp.
//
// Intervals are centred on m = k/8 (k = 0 … 149), |r| = |a − m| ≤ 1/16 with a = |x|. For x ≤ 0,
// softplus(x) = g(a) with g(a) = log(1 + e^(−a)); for x > 0, softplus(x) = a + g(a). Each is a
// Taylor polynomial in r: g is analytic with its nearest singularities at ±iπ, so the degree-9
// truncation is below 2^−58 of the result at |r| = 1/16 (degree 8 measured 2-ulp errors).
// The constant terms set the last bit of every result, so they are kept as hi + lo (double-double):
// g(m) = log1p(e^(−m)) is computed once, on first use, with +, −, ×, ÷ only (./doubleDouble.ts), so
// the table is the same on every engine whatever its Math.exp and Math.log1p; the unit tests check
// every hi against mpmath's correctly rounded g(m) and hi + lo to 2^−80. The other coefficients
// follow from s = σ(−m): g' = −s and s' = s² − s give the Taylor coefficients of s by one recurrence.
// The result is hi + (lo + r·P(r)) with |r·P(r)| ≤ hi/16: one rounding plus a small fraction of an
// ulp, so at most 1 ulp from the correctly rounded value on the dense mpmath sweep (as exp + log1p
// was) and correctly rounded more often (test/unit/core/softplus-sweep.test.ts).
import { ddAdd, ddDiv, ddMul, type DoubleDouble } from "./doubleDouble";

const STEP_INVERSE = 8;
const CENTRES = 150;
const DEGREE = 9;
/** hi, lo, then the coefficients of r¹ … r^DEGREE. */
const STRIDE = DEGREE + 2;
/** Every |x| below this has an interval; the last one ends at (CENTRES − 1/2)/8. */
export const SOFTPLUS_TABLE_LIMIT = (CENTRES - 0.5) / STEP_INVERSE;

const ONE: DoubleDouble = [1, 0];

/** e^(−1/8) from its Taylor series: (1/8)^j/j! is below 2^−110 from j = 19. */
function expMinusEighth(): DoubleDouble {
  let sum = ONE;
  let term = ONE;
  for (let j = 1; j <= 20; j++) {
    term = ddDiv([-term[0] / 8, -term[1] / 8], [j, 0]);
    sum = ddAdd(sum, term);
  }
  return sum;
}

/**
 * log(1 + t) = 2·atanh(u) = 2(u + u³/3 + u⁵/5 + …) with u = t/(2 + t) ≤ 1/3 for 0 < t ≤ 1: each
 * term at most a ninth of the one before. Terms are summed in double-double while they reach
 * 2^−20 of the sum; smaller ones, whose rounding in double is below 2^−73 of the sum, are summed in
 * double until below 2^−110 (in double-double throughout, building the table took 2–5× as long).
 */
function log1pDoubleDouble(t: DoubleDouble): DoubleDouble {
  const u = ddDiv(t, ddAdd([2, 0], t));
  const u2 = ddMul(u, u);
  let power = u;
  let sum = u;
  let j = 1;
  for (; power[0] > 2 ** -20 * sum[0]; j++) {
    power = ddMul(power, u2);
    sum = ddAdd(sum, ddDiv(power, [2 * j + 1, 0]));
  }
  let small = 0;
  let p = power[0];
  for (; p > 2 ** -110 * sum[0]; j++) {
    p *= u2[0];
    small += p / (2 * j + 1);
  }
  const total = ddAdd(sum, [small, 0]);
  return [2 * total[0], 2 * total[1]];
}

/**
 * Rows 0 … CENTRES − 1 serve x ≤ 0 (g around m), rows CENTRES … 2·CENTRES − 1 serve x > 0 (a + g
 * around m: constant m + g(m) as a double-double, linear 1 − σ(−m) = σ(m), the rest as for g).
 */
function buildTable(): Float64Array {
  const eighth = expMinusEighth();
  let t: DoubleDouble = ONE; // e^(−m) = (e^(−1/8))^k, within ~k·2^−104
  const built = new Float64Array(2 * CENTRES * STRIDE);
  const s = new Float64Array(DEGREE);
  for (let k = 0; k < CENTRES; k++) {
    const m = k / STEP_INVERSE;
    if (k > 0) t = ddMul(t, eighth);
    const onePlusT = ddAdd(ONE, t);
    // Taylor coefficients of s(m + r) = σ(−m − r): (j + 1)·s[j + 1] = (s²)[j] − s[j].
    s[0] = ddDiv(t, onePlusT)[0];
    for (let j = 0; j + 1 < DEGREE; j++) {
      let square = 0;
      for (let i = 0; i <= j; i++) square += s[i] * s[j - i];
      s[j + 1] = (square - s[j]) / (j + 1);
    }
    const negative = k * STRIDE;
    const positive = (CENTRES + k) * STRIDE;
    const g = log1pDoubleDouble(t);
    built[negative] = g[0];
    built[negative + 1] = g[1];
    for (let j = 1; j <= DEGREE; j++) {
      built[negative + 1 + j] = -s[j - 1] / j; // g' = −s
      built[positive + 1 + j] = built[negative + 1 + j];
    }
    const mPlusG = ddAdd([m, 0], g);
    built[positive] = mPlusG[0];
    built[positive + 1] = mPlusG[1];
    built[positive + 2] = ddDiv(ONE, onePlusT)[0]; // σ(m)
  }
  return built;
}

let table: Float64Array | undefined;

/**
 * The coefficient table (2 × 150 rows of 11 doubles, 26 KB), built on first use rather than at load:
 * building takes a few milliseconds, which the extension's activation should not pay.
 */
export function softplusTable(): Float64Array {
  return (table ??= buildTable());
}

/**
 * softplus(x) for |x| < SOFTPLUS_TABLE_LIMIT (callers check; NaN and larger |x| are theirs), with
 * table = softplusTable(). Two measured costs shaped this: the table comes in as an argument, so
 * array loops fetch it once before the loop, and the constants are written out (8 = STEP_INVERSE,
 * 0.125 = 1/8, 150 = CENTRES, 11 = STRIDE; the unit tests check they agree): each module-level
 * constant or table read in the hot path made the loop up to ~2× slower in V8 11.3, unbundled as
 * the benchmarks and tests run it.
 * The sign picks the half of the table by arithmetic, not a branch, so random signs do not
 * mispredict; r = a − k/8 is exact (Sterbenz for k ≥ 1, r = a for k = 0). The high part of the
 * polynomial is evaluated in pairs (Estrin), a shorter dependency chain than Horner's.
 */
export function tabulatedSoftplus(table: Float64Array, x: number): number {
  const a = Math.abs(x);
  const k = (a * 8 + 0.5) | 0;
  const r = a - k * 0.125;
  const i = (k + +(x > 0) * 150) * 11;
  const t = table;
  const r2 = r * r;
  const high = t[i + 6] + r * t[i + 7] + r2 * (t[i + 8] + r * t[i + 9]) + r2 * r2 * t[i + 10];
  const p = t[i + 2] + r * (t[i + 3] + r * (t[i + 4] + r * (t[i + 5] + r * high)));
  return t[i] + (t[i + 1] + r * p);
}

/**
 * softplus(x) for every x: the table for |x| < 18.6875 (SOFTPLUS_TABLE_LIMIT written out, as
 * above), else max(x, 0) + log1p(e^(−|x|)), which NaN and ±∞ take too (NaN, +∞ and 0).
 */
export function softplusWithTable(table: Float64Array, x: number): number {
  if (Math.abs(x) < 18.6875) return tabulatedSoftplus(table, x);
  if (x > 0) return x + Math.log1p(Math.exp(-x));
  return Math.log1p(Math.exp(x));
}

// The array loops live here, beside the kernel, rather than in ../vectors/elementwise.ts: a call
// into another module goes through that module's export binding, and per element (unbundled, as the
// benchmarks and tests run) that made the loop ~1.6× slower than the same loop calling within the
// module. sign = 1 gives softplus, sign = −1 gives log σ(x) = −softplus(−x): multiplying by ±1 is
// exact, so the results are bit for bit those of the scalar functions.

/** output[i] = sign·softplus(sign·input[i]), sign = ±1. */
export function softplusFloat64Loop(input: Float64Array, output: Float64Array, sign: number): void {
  const table = softplusTable();
  const n = input.length;
  for (let i = 0; i < n; i++) output[i] = sign * softplusWithTable(table, sign * input[i]);
}

/** The same for other arrays (number[], Float32Array, …), kept apart so the loop above stays monomorphic. */
export function softplusGenericLoop(
  input: ArrayLike<number>,
  output: { [index: number]: number },
  sign: number,
): void {
  const table = softplusTable();
  const n = input.length;
  for (let i = 0; i < n; i++) output[i] = sign * softplusWithTable(table, sign * input[i]);
}

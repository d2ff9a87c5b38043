// Double-double arithmetic: a value as the unevaluated sum hi + lo of two doubles (~106 bits), from
// +, −, × and ÷ alone, so the results are the same on every IEEE-754 engine (no libm call, whose last
// bit differs between engines). Used once, at load, to build the softplus table's constant terms.
// Algorithms: Dekker's and Knuth's exact sum and product (Veltkamp splitting, as JavaScript has no
// fused multiply-add), as in the QD library's "sloppy" add; each operation errs by a few 2^−104.

/** hi + lo with |lo| ≤ ulp(hi)/2. */
export type DoubleDouble = readonly [hi: number, lo: number];

/** a + b exactly, for |a| ≥ |b| (or a = 0). */
function quickTwoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  return [s, b - (s - a)];
}

/** a + b exactly, for any a, b. */
function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  const bPart = s - a;
  return [s, a - (s - bPart) + (b - bPart)];
}

const SPLITTER = 134217729; // 2^27 + 1: splits a double into two halves of 26 bits

/** a·b exactly (for products far from overflow). */
function twoProduct(a: number, b: number): DoubleDouble {
  const p = a * b;
  const ca = SPLITTER * a;
  const aHi = ca - (ca - a);
  const aLo = a - aHi;
  const cb = SPLITTER * b;
  const bHi = cb - (cb - b);
  const bLo = b - bHi;
  return [p, aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo];
}

// (Indexing rather than destructuring: this runs once, cold, and destructuring goes through the
// iterator protocol there, which made building the softplus table several times slower.)

export function ddAdd(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const sum = twoSum(x[0], y[0]);
  return quickTwoSum(sum[0], sum[1] + x[1] + y[1]);
}

export function ddMul(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const product = twoProduct(x[0], y[0]);
  return quickTwoSum(product[0], product[1] + x[0] * y[1] + x[1] * y[0]);
}

/** x / y by two long-division steps: q1 = x/y in double, then the remainder's quotient. */
export function ddDiv(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const q1 = x[0] / y[0];
  const remainder = ddAdd(x, ddMul(y, [-q1, 0]));
  const q2 = remainder[0] / y[0];
  const rest = ddAdd(remainder, ddMul(y, [-q2, 0]));
  const q3 = rest[0] / y[0];
  return ddAdd(quickTwoSum(q1, q2), [q3, 0]);
}

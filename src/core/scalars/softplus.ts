import { softplusTable, softplusWithTable } from "./softplusTable";

/**
 * softplus(x) = log(1 + e^x), the smooth ReLU (and −log σ(−x)).
 *
 * For |x| < 18.6875, one polynomial from a table (./softplusTable.ts), at about the cost of one
 * Math.exp. Beyond, the identity log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)):
 * the exponential is of a non-positive number, so it never overflows, and log1p keeps the tiny tail
 * e^x for very negative x exact to the last bit instead of losing it in 1 + e^x. NaN and ±∞ take
 * that branch too (NaN, +∞ and 0). Within 1 ulp of the correctly rounded value on the mpmath
 * fixtures (test/unit/core: a 60,000-point sweep and the scalar edge cases).
 */
export function softplus(x: number): number {
  return softplusWithTable(softplusTable(), x);
}

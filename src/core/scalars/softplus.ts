/**
 * softplus(x) = log(1 + e^x), the smooth ReLU (and −log σ(−x)).
 *
 * Identity used: log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)): the exponential is of a non-positive
 * number, so it never overflows, and log1p keeps the tiny tail e^x for very negative x exact to
 * the last bit instead of losing it in 1 + e^x.
 */
export function softplus(x: number): number {
  if (x > 0) return x + Math.log1p(Math.exp(-x));
  return Math.log1p(Math.exp(x));
}

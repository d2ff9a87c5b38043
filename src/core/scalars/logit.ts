/**
 * The logit log(p / (1 − p)), inverse of the sigmoid: ±∞ at p = 1 and p = 0, NaN outside [0, 1].
 *
 * Identities used: logit(p) = −logit(1 − p), and 1 − p is exact for p ≥ 0.5 (Sterbenz), so only
 * q = min(p, 1 − p) ≤ 0.5 is evaluated. There logit(q) = −log1p((1 − 2q) / q): 1 − 2q is exact for
 * q ≥ 0.25, and log1p is well-conditioned for the non-negative argument. For q so small that 1/q
 * would overflow, logit(q) = log q − log1p(−q) and the second term is below half an ulp of the first.
 */
export function logit(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p > 0.5) return -logitOfLowerHalf(1 - p);
  return logitOfLowerHalf(p);
}

function logitOfLowerHalf(q: number): number {
  if (q < 1e-300) return Math.log(q);
  return 0 - Math.log1p((1 - 2 * q) / q);
}

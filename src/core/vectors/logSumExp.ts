import { assertVector, type NumericVector } from "./vectorInput";

/**
 * log Σ e^(v_i), finite for logits of any finite size (±1e300 included).
 *
 * Identity used: log Σ e^(v_i) = m + log1p(Σ_{i≠k} e^(v_i − m)) with m = v_k the largest entry: every
 * exponent is ≤ 0, so nothing overflows, and log1p keeps the small tail when one logit dominates.
 * An empty vector gives −∞ (the log of an empty sum), as torch.logsumexp does; NaN anywhere gives
 * NaN; a +∞ entry gives +∞; all −∞ give −∞.
 */
export function logSumExp(v: NumericVector): number {
  assertVector(v, "v");
  const n = v.length;
  if (n === 0) return -Infinity;
  let maxIndex = 0;
  let max = v[0];
  for (let i = 0; i < n; i++) {
    const value = v[i];
    if (value !== value) return NaN;
    if (value > max) {
      max = value;
      maxIndex = i;
    }
  }
  if (max === Infinity || max === -Infinity) return max;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (i !== maxIndex) tail += Math.exp(v[i] - max);
  }
  return max + Math.log1p(tail);
}

import { softplus } from "./softplus";

/**
 * log σ(x), the log-probability of the positive class given a logit (what BCE-with-logits uses).
 *
 * Identity used: log σ(x) = −log(1 + e^(−x)) = −softplus(−x), so it inherits softplus's stability:
 * finite and exact to ~1 ulp for every finite x, where log(sigmoid(x)) would give −∞ below x ≈ −745.
 */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}

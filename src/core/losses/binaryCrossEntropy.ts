// torch.nn.functional.binary_cross_entropy: probabilities in, one independent yes/no per element.
import { readVector } from "../shapes";
import { LossOptions, readReduction, reduceLosses } from "./reduction";

/**
 * loss = (t − 1)·max(log(1 − p), −100) − t·max(log p, −100), written in PyTorch 1.13's CPU order
 * (log(1 − p), not log1p) so that the numbers match. The clamp at −100 is PyTorch's: it keeps
 * p = 0 or 1 from giving an infinite loss (and 0·∞ = NaN) at the price of capping it at 100.
 * probs: N values in [0, 1]; targets: N values in [0, 1].
 */
export function binaryCrossEntropy(
  probs: unknown,
  targets: unknown,
  options?: { reduction?: "mean" | "sum" },
): number;
export function binaryCrossEntropy(
  probs: unknown,
  targets: unknown,
  options: { reduction: "none" },
): Float64Array;
export function binaryCrossEntropy(
  probs: unknown,
  targets: unknown,
  options?: LossOptions,
): number | Float64Array;
export function binaryCrossEntropy(
  probs: unknown,
  targets: unknown,
  options?: LossOptions,
): number | Float64Array {
  const reduction = readReduction(options);
  const p = readVector("probs", probs, undefined, "N probabilities in [0, 1]");
  const t = readVector("targets", targets, p.length, "one target per probability");
  const losses = new Float64Array(p.length);
  for (let k = 0; k < p.length; k++) {
    const pk = p[k];
    // PyTorch refuses probabilities outside [0, 1]; so do we (NaN is let through as NaN).
    if (pk < 0 || pk > 1) {
      throw new RangeError(`probs[${k}]: expected a probability in [0, 1], got ${pk}`);
    }
    const logP = Math.max(Math.log(pk), -100);
    const logOneMinusP = Math.max(Math.log(1 - pk), -100);
    losses[k] = (t[k] - 1) * logOneMinusP - t[k] * logP;
  }
  return reduceLosses(losses, reduction);
}

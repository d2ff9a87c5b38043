// torch.nn.functional.binary_cross_entropy_with_logits: BCE of σ(z) computed from the logit z
// itself, so that σ(z) rounding to 0 or 1 cannot push the loss to the −100 clamp.
import { readVector } from "../shapes";
import { LossOptions, readReduction, reduceLosses } from "./reduction";

/**
 * loss = (1 − t)·z + m + log(e^(−m) + e^(−z−m)) with m = max(−z, 0), PyTorch 1.13's formula and
 * operation order. It is −t·log σ(z) − (1 − t)·log(1 − σ(z)) rewritten so that neither exponential
 * can overflow. (Like PyTorch, it rounds losses below ~1e-16 to 0 for confident correct logits.)
 */
export function binaryCrossEntropyWithLogits(
  logits: unknown,
  targets: unknown,
  options?: { reduction?: "mean" | "sum" },
): number;
export function binaryCrossEntropyWithLogits(
  logits: unknown,
  targets: unknown,
  options: { reduction: "none" },
): Float64Array;
export function binaryCrossEntropyWithLogits(
  logits: unknown,
  targets: unknown,
  options?: LossOptions,
): number | Float64Array;
export function binaryCrossEntropyWithLogits(
  logits: unknown,
  targets: unknown,
  options?: LossOptions,
): number | Float64Array {
  const reduction = readReduction(options);
  const z = readVector("logits", logits, undefined, "N logits");
  const t = readVector("targets", targets, z.length, "one target per logit");
  const losses = new Float64Array(z.length);
  for (let k = 0; k < z.length; k++) {
    const zk = z[k];
    const m = -zk > 0 ? -zk : 0;
    losses[k] = (1 - t[k]) * zk + m + Math.log(Math.exp(-m) + Math.exp(-zk - m));
  }
  return reduceLosses(losses, reduction);
}

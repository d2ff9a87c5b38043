// torch.nn.functional.nll_loss for class-index targets: the negative log-probability of each
// row's target class. CrossEntropyLoss is exactly LogSoftmax followed by this.
import { readClassIndices } from "../shapes";
import { LossOptions, readReduction, reduceLosses } from "./reduction";
import { readRows, targetList } from "./rows";

/** logProbs: N×C log-probabilities (e.g. logSoftmax rows); target: N class indices. */
export function nllLoss(
  logProbs: unknown,
  target: unknown,
  options?: { reduction?: "mean" | "sum" },
): number;
export function nllLoss(
  logProbs: unknown,
  target: unknown,
  options: { reduction: "none" },
): Float64Array;
export function nllLoss(
  logProbs: unknown,
  target: unknown,
  options?: LossOptions,
): number | Float64Array;
export function nllLoss(
  logProbs: unknown,
  target: unknown,
  options?: LossOptions,
): number | Float64Array {
  const reduction = readReduction(options);
  const rows = readRows("logProbs", logProbs, "N×C log-probabilities (one row per sample)");
  const targets = readClassIndices("target", targetList(target), rows.length, rows[0].length);
  const losses = new Float64Array(rows.length);
  for (let n = 0; n < rows.length; n++) losses[n] = -rows[n][targets[n]];
  return reduceLosses(losses, reduction);
}

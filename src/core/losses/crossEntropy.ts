// torch.nn.functional.cross_entropy for class-index targets: LogSoftmax over each row of raw
// logits, then NLLLoss. It must be given logits — see softmaxThenCrossEntropy for what happens
// when a softmax is applied first.
import { checkClassIndexList, classIndexAt, readClassIndices } from "../shapes";
import { LossOptions, readReduction } from "./reduction";
import { readRows, targetList } from "./rows";

const logitsShape = "N×C logits (one row per sample, one column per class)";

/**
 * Per row, loss = −log_softmax(x)[t] = −((x_t − m) − log Σ_j e^(x_j − m)) with m = max_j x_j,
 * the same operation order as PyTorch's CPU kernel, so that e^(x_j − m) ≤ 1 never overflows and
 * the numbers agree to the last bits. Returns a number for "mean"/"sum", a length-N Float64Array
 * for "none".
 */
export function crossEntropy(
  logits: unknown,
  target: unknown,
  options?: { reduction?: "mean" | "sum" },
): number;
export function crossEntropy(
  logits: unknown,
  target: unknown,
  options: { reduction: "none" },
): Float64Array;
export function crossEntropy(
  logits: unknown,
  target: unknown,
  options?: LossOptions,
): number | Float64Array;
export function crossEntropy(
  logits: unknown,
  target: unknown,
  options?: LossOptions,
): number | Float64Array {
  const reduction = readReduction(options);
  const rows = readRows("logits", logits, logitsShape);
  const classes = rows[0].length;
  const targets = checkClassIndexList("target", targetList(target), rows.length, classes);
  // "mean"/"sum" accumulate in row order (as reduceLosses would) without a per-row array.
  const losses = reduction === "none" ? new Float64Array(rows.length) : null;
  const total = crossEntropyRows(rows, targets, classes, losses);
  if (losses) return losses;
  return reduction === "sum" ? total : total / rows.length;
}

/** The kernel, kept small so that the JIT optimises it on its own. Returns the sum of the losses. */
function crossEntropyRows(
  rows: ArrayLike<number>[],
  targets: ArrayLike<unknown>,
  classes: number,
  losses: Float64Array | null,
): number {
  let total = 0;
  for (let n = 0; n < rows.length; n++) {
    const row = rows[n];
    const t = classIndexAt("target", targets, n, classes);
    let max = -Infinity;
    for (let j = 0; j < classes; j++) if (row[j] > max) max = row[j];
    let sum = 0;
    for (let j = 0; j < classes; j++) sum += Math.exp(row[j] - max);
    const loss = -(row[t] - max - Math.log(sum));
    if (losses !== null) losses[n] = loss;
    total += loss;
  }
  return total;
}

/**
 * ∂crossEntropy/∂logits = softmax(x) − onehot(t) per row, divided by N for "mean" ("sum" and
 * "none" give every row its own gradient). Each row sums to 0 and lies in (−1, 1): this is the
 * gradient the panel compares with the smaller one of softmaxThenCrossEntropy.
 */
export function crossEntropyGradient(
  logits: unknown,
  target: unknown,
  options?: LossOptions,
): Float64Array[] {
  const reduction = readReduction(options);
  const rows = readRows("logits", logits, logitsShape);
  const classes = rows[0].length;
  const targets = readClassIndices("target", targetList(target), rows.length, classes);
  const scale = reduction === "mean" ? 1 / rows.length : 1;
  const gradient: Float64Array[] = [];
  for (let n = 0; n < rows.length; n++) {
    const out = softmaxRow(rows[n]);
    out[targets[n]] -= 1;
    if (scale !== 1) for (let j = 0; j < classes; j++) out[j] *= scale;
    gradient.push(out);
  }
  return gradient;
}

/** softmax of one row, e^(x_j − m) / Σ e^(x_k − m). */
export function softmaxRow(row: ArrayLike<number>): Float64Array {
  const classes = row.length;
  const out = new Float64Array(classes);
  let max = -Infinity;
  for (let j = 0; j < classes; j++) if (row[j] > max) max = row[j];
  let sum = 0;
  for (let j = 0; j < classes; j++) {
    const e = Math.exp(row[j] - max);
    out[j] = e;
    sum += e;
  }
  for (let j = 0; j < classes; j++) out[j] /= sum;
  return out;
}

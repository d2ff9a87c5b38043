// The mistake the diagnostics flag: nn.CrossEntropyLoss applied to softmax(logits) instead of the
// logits. CrossEntropyLoss applies its own LogSoftmax, so the model is trained on a double
// softmax: probabilities squeezed into [0, 1] become "logits" whose softmax can never approach a
// one-hot, the loss cannot fall below −log(e/(e + C − 1)), and the gradient shrinks.
import { readClassIndices } from "../shapes";
import { crossEntropy, softmaxRow } from "./crossEntropy";
import { LossOptions, readReduction } from "./reduction";
import { readRows, targetList } from "./rows";

const logitsShape = "N×C logits (one row per sample, one column per class)";

/** cross_entropy(softmax(logits), target) — the wrong value, for comparison with crossEntropy. */
export function softmaxThenCrossEntropy(
  logits: unknown,
  target: unknown,
  options?: { reduction?: "mean" | "sum" },
): number;
export function softmaxThenCrossEntropy(
  logits: unknown,
  target: unknown,
  options: { reduction: "none" },
): Float64Array;
export function softmaxThenCrossEntropy(
  logits: unknown,
  target: unknown,
  options?: LossOptions,
): number | Float64Array;
export function softmaxThenCrossEntropy(
  logits: unknown,
  target: unknown,
  options?: LossOptions,
): number | Float64Array {
  const reduction = readReduction(options);
  const rows = readRows("logits", logits, logitsShape);
  readClassIndices("target", targetList(target), rows.length, rows[0].length);
  return crossEntropy(rows.map(softmaxRow), targetList(target), { reduction });
}

/**
 * ∂/∂logits of cross_entropy(softmax(z), t). With p = softmax(z) and q = softmax(p), the loss
 * gradient with respect to p is g = q − onehot(t), and the softmax Jacobian gives
 * ∂L/∂z = p ⊙ (g − p·g). Because every |g_j| < 1 and p's Jacobian shrinks it again, this is
 * smaller than crossEntropyGradient's softmax(z) − onehot(t). Divided by N for "mean".
 */
export function softmaxThenCrossEntropyGradient(
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
    const p = softmaxRow(rows[n]);
    const g = softmaxRow(p);
    g[targets[n]] -= 1;
    let pDotG = 0;
    for (let j = 0; j < classes; j++) pDotG += p[j] * g[j];
    const out = new Float64Array(classes);
    for (let j = 0; j < classes; j++) out[j] = p[j] * (g[j] - pDotG) * scale;
    gradient.push(out);
  }
  return gradient;
}

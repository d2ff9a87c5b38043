// Logistic regression on 2-D points by full-batch gradient descent, the two ways the study note
// contrasts: binary (one logit z = w·x + b, p = σ(z), binary cross-entropy) and multinomial (one
// logit per class, softmax, cross-entropy). Parameters use nn.Linear's layout (weight out×2, bias
// out), so the loop is the same as this PyTorch one:
//   for epoch in range(epochs):
//       loss = F.binary_cross_entropy_with_logits(X @ W.T + b, y)   # or F.cross_entropy(...)
//       loss.backward(); W -= lr * W.grad; b -= lr * b.grad
import {
  isArrayLike,
  readChoice,
  readInteger,
  readMatrix,
  readNumber,
  readVector,
} from "../shapes";

export interface LogisticRegressionOptions {
  /** "binary": labels in [0, 1] (usually 0/1); "multinomial": class indices 0..classes−1. */
  kind: "binary" | "multinomial";
  /** N points [x, y] (nested rows, or flat [x0, y0, x1, y1, …]); 1 ≤ N ≤ 100,000. */
  points: ArrayLike<ArrayLike<number>> | ArrayLike<number>;
  /** N labels. */
  labels: ArrayLike<number>;
  /** Multinomial only: number of classes, 2..64; default max(labels) + 1 (at least 2). */
  classes?: number;
  /** Step size, default 0.1. */
  learningRate?: number;
  /** Gradient steps over the whole batch, 1..100,000; default 100. */
  epochs?: number;
  /** out×2 (binary: 1×2, multinomial: classes×2); zeros when absent. */
  initialWeights?: ArrayLike<ArrayLike<number>> | ArrayLike<number>;
  /** out values; zeros when absent. */
  initialBias?: ArrayLike<number>;
}

export interface LogisticRegressionResult {
  kind: "binary" | "multinomial";
  /** Mean loss at the start of every epoch (before its update), length epochs. */
  losses: Float64Array;
  /** Mean loss with the final parameters. */
  finalLoss: number;
  /** out×2 rows (nn.Linear(2, out).weight). */
  weights: Float64Array[];
  /** out values (nn.Linear(2, out).bias). */
  bias: Float64Array;
  /** Fraction of points the final parameters classify correctly (binary: threshold 0.5 on labels). */
  accuracy: number;
}

export function trainLogisticRegression(
  options: LogisticRegressionOptions,
): LogisticRegressionResult {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `options: expected { kind, points, labels, classes?, learningRate?, epochs?, initialWeights?, initialBias? }, got ${options === null ? "null" : typeof options}`,
    );
  }
  const kind = readChoice("options.kind", options.kind, ["binary", "multinomial"] as const);
  const points = readMatrix(
    "options.points",
    options.points,
    undefined,
    2,
    "N points [x, y]",
    true,
  );
  const count = points.rows;
  if (count < 1 || count > 100_000) {
    throw new RangeError(`options.points: expected 1 to 100000 points [x, y], got ${count}`);
  }
  const labels = readVector("options.labels", options.labels, count, "one label per point", true);
  let outputs = 1;
  if (kind === "multinomial") {
    let largest = 0;
    for (let n = 0; n < count; n++) {
      if (!Number.isInteger(labels[n]) || labels[n] < 0) {
        throw new RangeError(
          `options.labels[${n}]: expected a class index (integer ≥ 0), got ${labels[n]}`,
        );
      }
      largest = Math.max(largest, labels[n]);
    }
    outputs =
      options.classes === undefined
        ? Math.max(2, largest + 1)
        : readInteger("options.classes", options.classes, 2, 64);
    if (largest >= outputs) {
      throw new RangeError(
        `options.labels: expected class indices in [0, ${outputs}), got ${largest}`,
      );
    }
  } else {
    for (let n = 0; n < count; n++) {
      if (labels[n] < 0 || labels[n] > 1) {
        throw new RangeError(
          `options.labels[${n}]: expected a binary target in [0, 1], got ${labels[n]}`,
        );
      }
    }
  }
  const learningRate =
    options.learningRate === undefined
      ? 0.1
      : readNumber("options.learningRate", options.learningRate, 0, 1e6);
  const epochs =
    options.epochs === undefined ? 100 : readInteger("options.epochs", options.epochs, 1, 100_000);
  const weights =
    options.initialWeights === undefined
      ? new Float64Array(outputs * 2)
      : readMatrix(
          "options.initialWeights",
          isArrayLike(options.initialWeights) ? options.initialWeights : [],
          outputs,
          2,
          kind === "binary" ? "1×2 for binary" : "classes × 2",
          true,
        ).data.slice();
  const bias =
    options.initialBias === undefined
      ? new Float64Array(outputs)
      : readVector(
          "options.initialBias",
          options.initialBias,
          outputs,
          kind === "binary" ? "1 for binary" : "classes",
          true,
        );

  const x = points.data;
  const logits = new Float64Array(outputs);
  const exps = new Float64Array(outputs);
  const gradWeights = new Float64Array(outputs * 2);
  const gradBias = new Float64Array(outputs);
  const inverseCount = 1 / count;
  const losses = new Float64Array(epochs);

  // One pass: mean loss, and (if `accumulate`) its gradient into gradWeights/gradBias.
  const pass = (accumulate: boolean): number => {
    gradWeights.fill(0);
    gradBias.fill(0);
    let lossSum = 0;
    let correct = 0;
    for (let n = 0; n < count; n++) {
      const px = x[2 * n];
      const py = x[2 * n + 1];
      for (let c = 0; c < outputs; c++)
        logits[c] = weights[2 * c] * px + weights[2 * c + 1] * py + bias[c];
      let gradient: number;
      if (kind === "binary") {
        const z = logits[0];
        const t = labels[n];
        // BCE with logits in PyTorch's form (see binaryCrossEntropyWithLogits):
        // (1 − t)·z + m + log(e^(−m) + e^(−z−m)), m = max(−z, 0). One of the two exponentials is
        // e^0 = 1 and the other is e^(−|z|) — the e the probability needs too — so one exp serves
        // both, with the very same bits (x + 1 = 1 + x, and −z − 0 = −z).
        const m = -z > 0 ? -z : 0;
        const e = Math.exp(z < 0 ? z : -z);
        lossSum += (1 - t) * z + m + Math.log(z < 0 ? e + 1 : 1 + e);
        const p = z < 0 ? e / (1 + e) : 1 / (1 + e);
        if ((p >= 0.5 ? 1 : 0) === (t >= 0.5 ? 1 : 0)) correct++;
        if (accumulate) {
          gradient = (p - t) * inverseCount;
          gradWeights[0] += gradient * px;
          gradWeights[1] += gradient * py;
          gradBias[0] += gradient;
        }
      } else {
        const target = labels[n];
        let max = -Infinity;
        let best = 0;
        for (let c = 0; c < outputs; c++) {
          if (logits[c] > max) {
            max = logits[c];
            best = c;
          }
        }
        if (best === target) correct++;
        // e^(z_c − max) once per class, for the loss's sum and the gradient's softmax alike.
        let sum = 0;
        for (let c = 0; c < outputs; c++) sum += exps[c] = Math.exp(logits[c] - max);
        lossSum += -(logits[target] - max - Math.log(sum));
        if (accumulate) {
          for (let c = 0; c < outputs; c++) {
            gradient = (exps[c] / sum - (c === target ? 1 : 0)) * inverseCount;
            gradWeights[2 * c] += gradient * px;
            gradWeights[2 * c + 1] += gradient * py;
            gradBias[c] += gradient;
          }
        }
      }
    }
    lastAccuracy = correct / count;
    return lossSum / count;
  };
  let lastAccuracy = 0;

  for (let epoch = 0; epoch < epochs; epoch++) {
    losses[epoch] = pass(true);
    for (let k = 0; k < weights.length; k++) weights[k] -= learningRate * gradWeights[k];
    for (let c = 0; c < outputs; c++) bias[c] -= learningRate * gradBias[c];
  }
  const finalLoss = pass(false);
  const rows: Float64Array[] = [];
  for (let c = 0; c < outputs; c++) rows.push(weights.slice(2 * c, 2 * c + 2));
  return { kind, losses, finalLoss, weights: rows, bias, accuracy: lastAccuracy };
}

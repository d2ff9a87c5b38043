// Gradient descent has one trajectory per (points, classes, learning rate): the model after M
// epochs is the model after E epochs trained M − E more. So the view keeps the loss of every epoch
// reached and the weights every SNAPSHOT_EPOCHS epochs, and a new epoch count trains only from the
// nearest snapshot below it — dragging the epochs slider costs a few epochs per step instead of
// the whole run, with the very same numbers (each epoch reads only the weights it starts from).
import {
  type LogisticRegressionOptions,
  type LogisticRegressionResult,
  trainLogisticRegression,
} from "../../src/core";

/** Weights kept every this many epochs (a 5-class model's are 15 numbers). */
export const SNAPSHOT_EPOCHS = 32;

type Problem = Omit<LogisticRegressionOptions, "epochs" | "initialWeights" | "initialBias">;

export class LogisticRegressionTrajectory {
  private key = "";
  /** Loss before each epoch reached so far. */
  private losses = new Float64Array(0);
  /** Weights and bias after epoch e, for e a multiple of SNAPSHOT_EPOCHS (0: the start). */
  private snapshots = new Map<number, { weights: Float64Array[]; bias: Float64Array }>();

  /** trainLogisticRegression({ ...problem, epochs }) — from the nearest snapshot below. */
  train(problem: Problem, key: string, epochs: number): LogisticRegressionResult {
    if (key !== this.key) {
      this.key = key;
      this.losses = new Float64Array(0);
      this.snapshots = new Map();
    }
    let from = Math.floor((epochs - 1) / SNAPSHOT_EPOCHS) * SNAPSHOT_EPOCHS;
    while (from > 0 && !this.snapshots.has(from)) from -= SNAPSHOT_EPOCHS;
    let result: LogisticRegressionResult | undefined;
    while (from < epochs) {
      // Up to the next multiple of SNAPSHOT_EPOCHS, or to `epochs`.
      const to = Math.min(epochs, (Math.floor(from / SNAPSHOT_EPOCHS) + 1) * SNAPSHOT_EPOCHS);
      const start = this.snapshots.get(from);
      result = trainLogisticRegression({
        ...problem,
        epochs: to - from,
        initialWeights: start?.weights,
        initialBias: start?.bias,
      });
      if (this.losses.length < to) {
        const grown = new Float64Array(Math.max(to, 2 * this.losses.length));
        grown.set(this.losses);
        this.losses = grown;
      }
      this.losses.set(result.losses, from);
      if (to % SNAPSHOT_EPOCHS === 0) {
        this.snapshots.set(to, { weights: result.weights, bias: result.bias });
      }
      from = to;
    }
    return { ...result!, losses: this.losses.slice(0, epochs) };
  }
}

// The forward pass of one of the view's cells over its inputs, kept whole: the heatmaps are drawn
// from it and the gradient through time reads it — one pass for both. No page text and no DOM
// here, so the page and the gradient worker (webview/workers/recurrentWorker.ts) run the very
// same code and get the very same numbers.
import { type RecurrentTrace, traceThroughTime } from "../../../src/core";
import type { InputSequence } from "./inputs";
import type { CellWeights } from "./weights";

function asInputs(inputs: InputSequence): Float64Array[] {
  const rows: Float64Array[] = new Array(inputs.steps);
  for (let t = 0; t < inputs.steps; t++) {
    rows[t] = inputs.values.subarray(t * inputs.inputSize, (t + 1) * inputs.inputSize);
  }
  return rows;
}

/** The view's RNN is nn.RNN's default, tanh. */
export function traceOf(weights: CellWeights, inputs: InputSequence): RecurrentTrace {
  const params = weights.kind === "rnn" ? { ...weights, nonlinearity: "tanh" as const } : weights;
  return traceThroughTime(weights.kind, params, asInputs(inputs));
}

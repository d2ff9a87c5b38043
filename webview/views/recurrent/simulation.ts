// Runs the chosen cell over the input sequence with the math core and lays every gate out as a
// flat T × H matrix for the heatmaps; and the gradient through time of all three cells on the same
// input. Pure (no DOM), so that the numbers behind the view are tested in Node.
import { type RecurrentTrace, gradientOfTrace } from "../../../src/core";
import type { CellId } from "../../../src/shared/labState";
import type { MessageKey } from "../../i18n";
import { traceOf } from "./cellTrace";
import type { InputSequence } from "./inputs";
import { GATE_COUNT, type CellWeights } from "./weights";

/** How a quantity's colours are spread: σ gates in [0, 1], tanh values in [−1, 1], C_t unbounded. */
export type ValueRange = "unit" | "signed" | "free";

export interface GateSeries {
  id: string;
  /** In the seed's notation: f_t, C̃_t, … */
  symbol: string;
  /** Its name's key in webview/i18n (the page shows it in the page's language). */
  name: MessageKey;
  range: ValueRange;
  /** T·H values, row t at [t·H, (t + 1)·H). */
  values: Float64Array;
}

export interface CellRun {
  kind: CellId;
  steps: number;
  hidden: number;
  /** In the order the heatmaps are drawn; the last one is h_t. */
  series: GateSeries[];
}

/** Gate block `block` of every step (stored as [gate 0 | gate 1 | …] per step) as its own T·H matrix. */
function gateBlock(trace: RecurrentTrace, block: number): Float64Array {
  const { steps, hiddenSize: hidden, gates } = trace;
  const count = gates.length / (steps * hidden);
  const out = new Float64Array(steps * hidden);
  for (let t = 0; t < steps; t++) {
    const start = (count * t + block) * hidden;
    out.set(gates.subarray(start, start + hidden), t * hidden);
  }
  return out;
}

export { traceOf };

/** The forward pass of `weights.kind`: every gate, and the states, for every step. */
export function runCell(weights: CellWeights, inputs: InputSequence): CellRun {
  return runOfTrace(traceOf(weights, inputs));
}

/** The heatmaps' series out of a forward pass: every gate, and the states, for every step. */
export function runOfTrace(trace: RecurrentTrace): CellRun {
  const base = { kind: trace.kind, steps: trace.steps, hidden: trace.hiddenSize };
  if (trace.kind === "lstm") {
    return {
      ...base,
      series: [
        {
          id: "input",
          symbol: "i_t",
          name: "recurrent.series.inputGate",
          range: "unit",
          values: gateBlock(trace, 0),
        },
        {
          id: "forget",
          symbol: "f_t",
          name: "recurrent.series.forgetGate",
          range: "unit",
          values: gateBlock(trace, 1),
        },
        {
          id: "candidate",
          symbol: "C̃_t",
          name: "recurrent.series.cellCandidate",
          range: "signed",
          values: gateBlock(trace, 2),
        },
        {
          id: "output",
          symbol: "o_t",
          name: "recurrent.series.outputGate",
          range: "unit",
          values: gateBlock(trace, 3),
        },
        {
          id: "cell",
          symbol: "C_t",
          name: "recurrent.series.cellState",
          range: "free",
          values: trace.cells,
        },
        {
          id: "hidden",
          symbol: "h_t",
          name: "recurrent.series.hiddenState",
          range: "signed",
          values: trace.outputs,
        },
      ],
    };
  }
  if (trace.kind === "gru") {
    return {
      ...base,
      series: [
        {
          id: "reset",
          symbol: "r_t",
          name: "recurrent.series.resetGate",
          range: "unit",
          values: gateBlock(trace, 0),
        },
        {
          id: "update",
          symbol: "z_t",
          name: "recurrent.series.updateGate",
          range: "unit",
          values: gateBlock(trace, 1),
        },
        {
          id: "candidate",
          symbol: "ñ_t",
          name: "recurrent.series.candidate",
          range: "signed",
          values: gateBlock(trace, 2),
        },
        {
          id: "hidden",
          symbol: "h_t",
          name: "recurrent.series.hiddenState",
          range: "signed",
          values: trace.outputs,
        },
      ],
    };
  }
  return {
    ...base,
    series: [
      {
        id: "hidden",
        symbol: "h_t",
        name: "recurrent.series.hiddenState",
        range: "signed",
        values: trace.outputs,
      },
    ],
  };
}

/** ‖∂(Σ_j h_T[j]) / ∂x_t‖ for every t: what autograd gives for outputs[-1].sum().backward(). */
export function gradientOf(weights: CellWeights, inputs: InputSequence): Float64Array {
  return gradientOfTrace(traceOf(weights, inputs));
}

/** Multiply-adds of one forward pass; the backward pass of the gradient through time costs as many. */
export function forwardWork(
  kind: CellId,
  hidden: number,
  inputSize: number,
  steps: number,
): number {
  return steps * GATE_COUNT[kind] * hidden * (hidden + inputSize);
}

/** The series' value of unit `unit` at step t. */
export function valueAt(series: GateSeries, hidden: number, t: number, unit: number): number {
  return series.values[t * hidden + unit];
}

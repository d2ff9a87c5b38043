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
  /**
   * Unit u of step t is values[offset + t·rowStride + u]: a gate's values are read where the
   * forward pass left them ([gate 0 | gate 1 | …] per step), not copied out (valueAt).
   */
  values: Float64Array;
  offset: number;
  rowStride: number;
}

export interface CellRun {
  kind: CellId;
  steps: number;
  hidden: number;
  /** In the order the heatmaps are drawn; the last one is h_t. */
  series: GateSeries[];
}

/**
 * Gate block `block` of every step, where the trace keeps it ([gate 0 | gate 1 | …] per step): no
 * copy (at T = 500, H = 64 the LSTM's four blocks were 1 MB copied per change).
 */
function gateBlock(
  trace: RecurrentTrace,
  block: number,
): Pick<GateSeries, "values" | "offset" | "rowStride"> {
  const { steps, hiddenSize: hidden, gates } = trace;
  const count = gates.length / (steps * hidden);
  return { values: gates, offset: block * hidden, rowStride: count * hidden };
}

/** A state (h_t or C_t), T·H values row after row. */
function states(
  trace: RecurrentTrace,
  values: Float64Array,
): Pick<GateSeries, "values" | "offset" | "rowStride"> {
  return { values, offset: 0, rowStride: trace.hiddenSize };
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
          ...gateBlock(trace, 0),
        },
        {
          id: "forget",
          symbol: "f_t",
          name: "recurrent.series.forgetGate",
          range: "unit",
          ...gateBlock(trace, 1),
        },
        {
          id: "candidate",
          symbol: "C̃_t",
          name: "recurrent.series.cellCandidate",
          range: "signed",
          ...gateBlock(trace, 2),
        },
        {
          id: "output",
          symbol: "o_t",
          name: "recurrent.series.outputGate",
          range: "unit",
          ...gateBlock(trace, 3),
        },
        {
          id: "cell",
          symbol: "C_t",
          name: "recurrent.series.cellState",
          range: "free",
          ...states(trace, trace.cells),
        },
        {
          id: "hidden",
          symbol: "h_t",
          name: "recurrent.series.hiddenState",
          range: "signed",
          ...states(trace, trace.outputs),
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
          ...gateBlock(trace, 0),
        },
        {
          id: "update",
          symbol: "z_t",
          name: "recurrent.series.updateGate",
          range: "unit",
          ...gateBlock(trace, 1),
        },
        {
          id: "candidate",
          symbol: "ñ_t",
          name: "recurrent.series.candidate",
          range: "signed",
          ...gateBlock(trace, 2),
        },
        {
          id: "hidden",
          symbol: "h_t",
          name: "recurrent.series.hiddenState",
          range: "signed",
          ...states(trace, trace.outputs),
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
        ...states(trace, trace.outputs),
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
export function valueAt(
  series: Pick<GateSeries, "values" | "offset" | "rowStride">,
  t: number,
  unit: number,
): number {
  return series.values[series.offset + t * series.rowStride + unit];
}

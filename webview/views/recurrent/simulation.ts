// Runs the chosen cell over the input sequence with the math core and lays every gate out as a
// flat T × H matrix for the heatmaps; and the gradient through time of all three cells on the same
// input. Pure (no DOM), so that the numbers behind the view are tested in Node.
import { gradientThroughTime, gru, lstm, rnn } from "../../../src/core";
import type { CellId } from "../../../src/shared/labState";
import type { MessageKey } from "../../i18n";
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

function flatten(rows: ArrayLike<number>[], hidden: number): Float64Array {
  const out = new Float64Array(rows.length * hidden);
  for (let t = 0; t < rows.length; t++) out.set(rows[t], t * hidden);
  return out;
}

function asInputs(inputs: InputSequence): Float64Array[] {
  const rows: Float64Array[] = new Array(inputs.steps);
  for (let t = 0; t < inputs.steps; t++) {
    rows[t] = inputs.values.subarray(t * inputs.inputSize, (t + 1) * inputs.inputSize);
  }
  return rows;
}

/** The forward pass of `weights.kind`: every gate, and the states, for every step. */
export function runCell(weights: CellWeights, inputs: InputSequence): CellRun {
  const x = asInputs(inputs);
  const H = weights.hidden;
  const base = { kind: weights.kind, steps: inputs.steps, hidden: H };
  if (weights.kind === "lstm") {
    const r = lstm(weights, x);
    return {
      ...base,
      series: [
        {
          id: "input",
          symbol: "i_t",
          name: "recurrent.series.inputGate",
          range: "unit",
          values: flatten(r.gates.input, H),
        },
        {
          id: "forget",
          symbol: "f_t",
          name: "recurrent.series.forgetGate",
          range: "unit",
          values: flatten(r.gates.forget, H),
        },
        {
          id: "candidate",
          symbol: "C̃_t",
          name: "recurrent.series.cellCandidate",
          range: "signed",
          values: flatten(r.gates.cell, H),
        },
        {
          id: "output",
          symbol: "o_t",
          name: "recurrent.series.outputGate",
          range: "unit",
          values: flatten(r.gates.output, H),
        },
        {
          id: "cell",
          symbol: "C_t",
          name: "recurrent.series.cellState",
          range: "free",
          values: flatten(r.cells, H),
        },
        {
          id: "hidden",
          symbol: "h_t",
          name: "recurrent.series.hiddenState",
          range: "signed",
          values: flatten(r.outputs, H),
        },
      ],
    };
  }
  if (weights.kind === "gru") {
    const r = gru(weights, x);
    return {
      ...base,
      series: [
        {
          id: "reset",
          symbol: "r_t",
          name: "recurrent.series.resetGate",
          range: "unit",
          values: flatten(r.gates.reset, H),
        },
        {
          id: "update",
          symbol: "z_t",
          name: "recurrent.series.updateGate",
          range: "unit",
          values: flatten(r.gates.update, H),
        },
        {
          id: "candidate",
          symbol: "ñ_t",
          name: "recurrent.series.candidate",
          range: "signed",
          values: flatten(r.gates.candidate, H),
        },
        {
          id: "hidden",
          symbol: "h_t",
          name: "recurrent.series.hiddenState",
          range: "signed",
          values: flatten(r.outputs, H),
        },
      ],
    };
  }
  const r = rnn({ ...weights, nonlinearity: "tanh" }, x);
  return {
    ...base,
    series: [
      {
        id: "hidden",
        symbol: "h_t",
        name: "recurrent.series.hiddenState",
        range: "signed",
        values: flatten(r.outputs, H),
      },
    ],
  };
}

/** ‖∂(Σ_j h_T[j]) / ∂x_t‖ for every t: what autograd gives for outputs[-1].sum().backward(). */
export function gradientOf(weights: CellWeights, inputs: InputSequence): Float64Array {
  const params = weights.kind === "rnn" ? { ...weights, nonlinearity: "tanh" as const } : weights;
  return Float64Array.from(gradientThroughTime(weights.kind, params, asInputs(inputs)));
}

/** Multiply-adds of one forward pass: what a gradient costs about three of. */
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

// nn.RNN (Elman), one layer, batch of one: h' = act(W_ih x + b_ih + W_hh h + b_hh), act = tanh
// or relu. No gate decides what to keep, so a gradient crosses every step through W_hh and
// act' (≤ 1) and shrinks or grows geometrically — the long-term dependency problem.
import { matVec } from "./dot";
import { NumericVector, readChoice } from "../shapes";
import {
  PreparedCell,
  RnnNonlinearity,
  RnnParams,
  prepareCell,
  readInputs,
  readState,
  splitRows,
} from "./params";

export interface RnnResult {
  /** h_t for every step, T × H. */
  outputs: Float64Array[];
  /** Final hidden state h_T. */
  h: Float64Array;
}

const nonlinearities: readonly RnnNonlinearity[] = ["tanh", "relu"];

export function readNonlinearity(params: RnnParams): RnnNonlinearity {
  return params.nonlinearity === undefined
    ? "tanh"
    : readChoice("params.nonlinearity", params.nonlinearity, nonlinearities);
}

/** One step on flat buffers: reads x at xOffset and h at prevOffset, writes h' at outOffset. */
export function rnnStep(
  cell: PreparedCell,
  useRelu: boolean,
  x: Float64Array,
  xOffset: number,
  hPrev: Float64Array,
  prevOffset: number,
  hOut: Float64Array,
  outOffset: number,
): void {
  const { hidden, input, weightIh, weightHh, biasIh, biasHh } = cell;
  // The pre-activation (W_hh h + b_hh) + (W_ih x + b_ih) is made in hOut, then activated in place.
  matVec(weightHh, hidden, hidden, hPrev, prevOffset, biasHh, hOut, outOffset, false);
  matVec(weightIh, hidden, input, x, xOffset, biasIh, hOut, outOffset, true);
  for (let k = 0; k < hidden; k++) {
    const a = hOut[outOffset + k];
    hOut[outOffset + k] = useRelu ? (a > 0 ? a : a === a ? 0 : a) : Math.tanh(a);
  }
}

/** Runs the RNN over inputs (T × I) from h0 (zeros when absent). Parameter forms: ./params.ts. */
export function rnn(params: RnnParams, inputs: unknown, h0?: NumericVector): RnnResult {
  const cell = prepareCell("rnn", params);
  const useRelu = readNonlinearity(params) === "relu";
  const { hidden } = cell;
  const { data: x, steps } = readInputs(inputs, cell.input);
  const hStart = readState("h0", h0, hidden);
  const hAll = new Float64Array(steps * hidden);
  rnnStep(cell, useRelu, x, 0, hStart, 0, hAll, 0);
  for (let t = 1; t < steps; t++) {
    rnnStep(cell, useRelu, x, t * cell.input, hAll, (t - 1) * hidden, hAll, t * hidden);
  }
  const last = (steps - 1) * hidden;
  return { outputs: splitRows(hAll, steps, hidden), h: hAll.slice(last, last + hidden) };
}

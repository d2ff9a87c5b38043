// nn.LSTM, one layer, batch of one, PyTorch's equations and gate order (i, f, g, o):
//   i = σ(W_ii x + b_ii + W_hi h + b_hi)   input gate: how much of the candidate to write
//   f = σ(W_if x + b_if + W_hf h + b_hf)   forget gate: how much of the old cell state to keep
//   g = tanh(W_ig x + b_ig + W_hg h + b_hg) candidate cell state C̃
//   o = σ(W_io x + b_io + W_ho h + b_ho)   output gate
//   c' = f ⊙ c + i ⊙ g,   h' = o ⊙ tanh(c')
// The additive path c' = f ⊙ c + … is what lets gradients survive many steps when f ≈ 1.
import { matVec } from "./dot";
import { NumericVector } from "../shapes";
import {
  LstmParams,
  PreparedCell,
  prepareCell,
  readInputs,
  readState,
  splitRows,
  gateBlockRows,
} from "./params";

export interface LstmState {
  h?: NumericVector;
  c?: NumericVector;
}

export interface LstmGates {
  input: Float64Array[];
  forget: Float64Array[];
  cell: Float64Array[];
  output: Float64Array[];
}

export interface LstmResult {
  /** h_t for every step, T × H. */
  outputs: Float64Array[];
  /** Final hidden state h_T. */
  h: Float64Array;
  /** Final cell state c_T. */
  c: Float64Array;
  /** Cell state c_t for every step, T × H. */
  cells: Float64Array[];
  /** Gate activations for every step, each T × H (cell = the candidate g = C̃). */
  gates: LstmGates;
}

/**
 * One step, on flat buffers so that lstm() and gradientThroughTime share it. Reads x at
 * xOffset and h, c at prevOffset; writes the activated gates i,f,g,o (4H) at gatesOffset and
 * c', h' at outOffset. Pre-activations are summed as PyTorch does: (b_hh + W_hh h) + (b_ih + W_ih x).
 */
export function lstmStep(
  cell: PreparedCell,
  x: Float64Array,
  xOffset: number,
  hPrev: Float64Array,
  cPrev: Float64Array,
  prevOffset: number,
  gates: Float64Array,
  gatesOffset: number,
  cOut: Float64Array,
  hOut: Float64Array,
  outOffset: number,
): void {
  const { hidden, input, weightIh, weightHh, biasIh, biasHh } = cell;
  const rows = 4 * hidden;
  // (W_hh h + b_hh) first, then + (W_ih x + b_ih) added to it: one addition of the same two sums.
  matVec(weightHh, rows, hidden, hPrev, prevOffset, biasHh, gates, gatesOffset, false);
  matVec(weightIh, rows, input, x, xOffset, biasIh, gates, gatesOffset, true);
  for (let k = 0; k < hidden; k++) {
    // σ(a) = 1/(1 + e^(−a)): within ~1.5 ulp for every a, 0 (not a subnormal) past a < −709.78,
    // the same as PyTorch's CPU kernel, and branch-free.
    const inputGate = 1 / (1 + Math.exp(-gates[gatesOffset + k]));
    const forgetGate = 1 / (1 + Math.exp(-gates[gatesOffset + hidden + k]));
    const candidate = Math.tanh(gates[gatesOffset + 2 * hidden + k]);
    const outputGate = 1 / (1 + Math.exp(-gates[gatesOffset + 3 * hidden + k]));
    gates[gatesOffset + k] = inputGate;
    gates[gatesOffset + hidden + k] = forgetGate;
    gates[gatesOffset + 2 * hidden + k] = candidate;
    gates[gatesOffset + 3 * hidden + k] = outputGate;
    const cellState = forgetGate * cPrev[prevOffset + k] + inputGate * candidate;
    cOut[outOffset + k] = cellState;
    hOut[outOffset + k] = outputGate * Math.tanh(cellState);
  }
}

/**
 * Runs the LSTM over inputs (T × I rows, or flat row-major) from state { h, c } (zeros when
 * absent). Parameter forms: see ./params.ts.
 */
export function lstm(params: LstmParams, inputs: unknown, state?: LstmState): LstmResult {
  const cell = prepareCell("lstm", params);
  const { hidden } = cell;
  const { data: x, steps } = readInputs(inputs, cell.input);
  if (state !== undefined && state !== null && typeof state !== "object") {
    throw new TypeError(
      `state: expected { h?: vector of ${hidden}, c?: vector of ${hidden} }, got ${typeof state}`,
    );
  }
  const h0 = readState("state.h", state?.h, hidden);
  const c0 = readState("state.c", state?.c, hidden);
  const hAll = new Float64Array(steps * hidden);
  const cAll = new Float64Array(steps * hidden);
  const gatesAll = new Float64Array(steps * 4 * hidden);
  lstmStep(cell, x, 0, h0, c0, 0, gatesAll, 0, cAll, hAll, 0);
  for (let t = 1; t < steps; t++) {
    const prev = (t - 1) * hidden;
    lstmStep(
      cell,
      x,
      t * cell.input,
      hAll,
      cAll,
      prev,
      gatesAll,
      t * 4 * hidden,
      cAll,
      hAll,
      t * hidden,
    );
  }
  const gateRowsOf = (block: number): Float64Array[] =>
    gateBlockRows(gatesAll, steps, hidden, 4, block);
  const last = (steps - 1) * hidden;
  return {
    outputs: splitRows(hAll, steps, hidden),
    h: hAll.slice(last, last + hidden),
    c: cAll.slice(last, last + hidden),
    cells: splitRows(cAll, steps, hidden),
    gates: {
      input: gateRowsOf(0),
      forget: gateRowsOf(1),
      cell: gateRowsOf(2),
      output: gateRowsOf(3),
    },
  };
}

// nn.GRU, one layer, batch of one, PyTorch's equations and gate order (r, z, n):
//   r = σ(W_ir x + b_ir + W_hr h + b_hr)             reset gate: how much of h the candidate sees
//   z = σ(W_iz x + b_iz + W_hz h + b_hz)             update gate: how much of h to keep
//   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))    candidate
//   h' = (1 − z) ⊙ n + z ⊙ h, computed as (h − n) ⊙ z + n like PyTorch's CPU cell
import { matVec } from "./dot";
import { NumericVector } from "../shapes";
import {
  GruParams,
  PreparedCell,
  prepareCell,
  readInputs,
  readState,
  splitRows,
  gateBlockRows,
} from "./params";

export interface GruGates {
  reset: Float64Array[];
  update: Float64Array[];
  candidate: Float64Array[];
}

export interface GruResult {
  /** h_t for every step, T × H. */
  outputs: Float64Array[];
  /** Final hidden state h_T. */
  h: Float64Array;
  /** Gate activations r, z and the candidate n for every step, each T × H. */
  gates: GruGates;
}

/**
 * One step on flat buffers. Writes r, z, n (3H) at gatesOffset, W_hn h + b_hn (H) at
 * hiddenCandidateOffset (the backward pass needs it), and h' at outOffset. `scratch` holds 3H
 * input-side pre-activations.
 */
export function gruStep(
  cell: PreparedCell,
  x: Float64Array,
  xOffset: number,
  hPrev: Float64Array,
  prevOffset: number,
  gates: Float64Array,
  gatesOffset: number,
  hiddenCandidate: Float64Array,
  hiddenCandidateOffset: number,
  hOut: Float64Array,
  outOffset: number,
  scratch: Float64Array,
): void {
  const { hidden, input, weightIh, weightHh, biasIh, biasHh } = cell;
  const rows = 3 * hidden;
  matVec(weightIh, rows, input, x, xOffset, biasIh, scratch, 0, false);
  matVec(weightHh, rows, hidden, hPrev, prevOffset, biasHh, gates, gatesOffset, false);
  for (let k = 0; k < hidden; k++) {
    // σ(a) = 1/(1 + e^(−a)): within ~1.5 ulp for every a, 0 (not a subnormal) past a < −709.78,
    // the same as PyTorch's CPU kernel, and branch-free.
    const resetGate = 1 / (1 + Math.exp(-(gates[gatesOffset + k] + scratch[k])));
    const updateGate = 1 / (1 + Math.exp(-(gates[gatesOffset + hidden + k] + scratch[hidden + k])));
    const fromHidden = gates[gatesOffset + 2 * hidden + k];
    const candidate = Math.tanh(scratch[2 * hidden + k] + fromHidden * resetGate);
    gates[gatesOffset + k] = resetGate;
    gates[gatesOffset + hidden + k] = updateGate;
    gates[gatesOffset + 2 * hidden + k] = candidate;
    hiddenCandidate[hiddenCandidateOffset + k] = fromHidden;
    hOut[outOffset + k] = (hPrev[prevOffset + k] - candidate) * updateGate + candidate;
  }
}

/** Runs the GRU over inputs (T × I) from h0 (zeros when absent). Parameter forms: ./params.ts. */
export function gru(params: GruParams, inputs: unknown, h0?: NumericVector): GruResult {
  const cell = prepareCell("gru", params);
  const { hidden } = cell;
  const { data: x, steps } = readInputs(inputs, cell.input);
  const hStart = readState("h0", h0, hidden);
  const hAll = new Float64Array(steps * hidden);
  const gatesAll = new Float64Array(steps * 3 * hidden);
  const hiddenCandidate = new Float64Array(hidden);
  const scratch = new Float64Array(3 * hidden);
  gruStep(cell, x, 0, hStart, 0, gatesAll, 0, hiddenCandidate, 0, hAll, 0, scratch);
  for (let t = 1; t < steps; t++) {
    gruStep(
      cell,
      x,
      t * cell.input,
      hAll,
      (t - 1) * hidden,
      gatesAll,
      t * 3 * hidden,
      hiddenCandidate,
      0,
      hAll,
      t * hidden,
      scratch,
    );
  }
  const gateRowsOf = (block: number): Float64Array[] =>
    gateBlockRows(gatesAll, steps, hidden, 3, block);
  const last = (steps - 1) * hidden;
  return {
    outputs: splitRows(hAll, steps, hidden),
    h: hAll.slice(last, last + hidden),
    gates: { reset: gateRowsOf(0), update: gateRowsOf(1), candidate: gateRowsOf(2) },
  };
}

// How much the last hidden state still depends on each input: the L2 norm of ∂(Σ_j h_T[j])/∂x_t
// for every t, i.e. what autograd leaves in x.grad after outputs[-1].sum().backward(). Plain RNNs
// shrink it geometrically with T − t; an LSTM with its forget gate near 1 keeps it.
//
// Backpropagation through time by hand: one forward pass that keeps every gate, then one
// backward pass of two transposed matrix–vector products per step (W_ih^T for ∂/∂x_t, W_hh^T for
// ∂/∂h_{t−1}), so it costs about twice the forward pass.
import { NumericVector, readChoice } from "../shapes";
import { gruStep } from "./gru";
import { LstmState, lstmStep } from "./lstm";
import {
  PreparedCell,
  RecurrentKind,
  RecurrentParams,
  RnnParams,
  prepareCell,
  readInputs,
  readState,
} from "./params";
import { readNonlinearity, rnnStep } from "./rnn";

const kinds: readonly RecurrentKind[] = ["rnn", "lstm", "gru"];

/**
 * kind: "rnn" | "lstm" | "gru"; params as for rnn()/lstm()/gru(); inputs T × I; initialState as
 * the cell takes it ({ h, c } for LSTM, h0 otherwise; zeros when absent). Returns a length-T
 * Float64Array.
 */
export function gradientThroughTime(
  kind: RecurrentKind,
  params: RecurrentParams | RnnParams,
  inputs: unknown,
  initialState?: LstmState | NumericVector,
): Float64Array {
  readChoice("kind", kind, kinds);
  const cell = prepareCell(kind, params);
  const { data: x, steps } = readInputs(inputs, cell.input);
  if (kind === "lstm") {
    const state = initialState as LstmState | undefined;
    return lstmGradient(
      cell,
      x,
      steps,
      readState("state.h", state?.h, cell.hidden),
      readState("state.c", state?.c, cell.hidden),
    );
  }
  const h0 = readState("h0", initialState as NumericVector | undefined, cell.hidden);
  if (kind === "gru") return gruGradient(cell, x, steps, h0);
  return rnnGradient(cell, readNonlinearity(params as RnnParams) === "relu", x, steps, h0);
}

/** ∂x = W_ih^T a and ∂h_prev = W_hh^T a (+ direct), row by row so memory is read in order. */
function backThroughWeights(
  cell: PreparedCell,
  preActivationGrad: Float64Array,
  rowsFromInput: Float64Array,
  rows: number,
  inputGrad: Float64Array,
  hiddenGrad: Float64Array,
): number {
  const { hidden, input, weightIh, weightHh } = cell;
  inputGrad.fill(0);
  for (let k = 0; k < rows; k++) {
    const a = preActivationGrad[k];
    const row = k * input;
    for (let j = 0; j < input; j++) inputGrad[j] += a * weightIh[row + j];
  }
  for (let k = 0; k < rows; k++) {
    const a = rowsFromInput[k];
    const row = k * hidden;
    for (let j = 0; j < hidden; j++) hiddenGrad[j] += a * weightHh[row + j];
  }
  let sumSquares = 0;
  for (let j = 0; j < input; j++) sumSquares += inputGrad[j] * inputGrad[j];
  return Math.sqrt(sumSquares);
}

function lstmGradient(
  cell: PreparedCell,
  x: Float64Array,
  steps: number,
  h0: Float64Array,
  c0: Float64Array,
): Float64Array {
  const { hidden, input } = cell;
  const hAll = new Float64Array(steps * hidden);
  const cAll = new Float64Array(steps * hidden);
  const gatesAll = new Float64Array(steps * 4 * hidden);
  lstmStep(cell, x, 0, h0, c0, 0, gatesAll, 0, cAll, hAll, 0);
  for (let t = 1; t < steps; t++) {
    lstmStep(
      cell,
      x,
      t * input,
      hAll,
      cAll,
      (t - 1) * hidden,
      gatesAll,
      t * 4 * hidden,
      cAll,
      hAll,
      t * hidden,
    );
  }
  const norms = new Float64Array(steps);
  const dh = new Float64Array(hidden).fill(1); // ∂(Σ h_T)/∂h_T
  const dc = new Float64Array(hidden);
  const dPre = new Float64Array(4 * hidden);
  const dx = new Float64Array(input);
  for (let t = steps - 1; t >= 0; t--) {
    const g0 = t * 4 * hidden;
    const cPrev = t === 0 ? c0 : cAll;
    const cPrevOffset = t === 0 ? 0 : (t - 1) * hidden;
    for (let k = 0; k < hidden; k++) {
      const inputGate = gatesAll[g0 + k];
      const forgetGate = gatesAll[g0 + hidden + k];
      const candidate = gatesAll[g0 + 2 * hidden + k];
      const outputGate = gatesAll[g0 + 3 * hidden + k];
      const tanhCell = Math.tanh(cAll[t * hidden + k]);
      // c_t gets gradient from h_t (through tanh) and from c_{t+1} (through f_{t+1}, already in dc).
      const dCell = dc[k] + dh[k] * outputGate * (1 - tanhCell * tanhCell);
      dPre[k] = dCell * candidate * inputGate * (1 - inputGate);
      dPre[hidden + k] = dCell * cPrev[cPrevOffset + k] * forgetGate * (1 - forgetGate);
      dPre[2 * hidden + k] = dCell * inputGate * (1 - candidate * candidate);
      dPre[3 * hidden + k] = dh[k] * tanhCell * outputGate * (1 - outputGate);
      dc[k] = dCell * forgetGate;
    }
    dh.fill(0);
    norms[t] = backThroughWeights(cell, dPre, dPre, 4 * hidden, dx, dh);
  }
  return norms;
}

function gruGradient(
  cell: PreparedCell,
  x: Float64Array,
  steps: number,
  h0: Float64Array,
): Float64Array {
  const { hidden, input } = cell;
  const hAll = new Float64Array(steps * hidden);
  const gatesAll = new Float64Array(steps * 3 * hidden);
  const hiddenCandidate = new Float64Array(steps * hidden); // W_hn h + b_hn per step
  const scratch = new Float64Array(3 * hidden);
  gruStep(cell, x, 0, h0, 0, gatesAll, 0, hiddenCandidate, 0, hAll, 0, scratch);
  for (let t = 1; t < steps; t++) {
    gruStep(
      cell,
      x,
      t * input,
      hAll,
      (t - 1) * hidden,
      gatesAll,
      t * 3 * hidden,
      hiddenCandidate,
      t * hidden,
      hAll,
      t * hidden,
      scratch,
    );
  }
  const norms = new Float64Array(steps);
  const dh = new Float64Array(hidden).fill(1);
  const dPreInput = new Float64Array(3 * hidden); // ∂ w.r.t. W_i· x + b_i· blocks r, z, n
  const dPreHidden = new Float64Array(3 * hidden); // ∂ w.r.t. W_h· h + b_h· blocks r, z, n
  const dx = new Float64Array(input);
  for (let t = steps - 1; t >= 0; t--) {
    const g0 = t * 3 * hidden;
    const hPrev = t === 0 ? h0 : hAll;
    const hPrevOffset = t === 0 ? 0 : (t - 1) * hidden;
    for (let k = 0; k < hidden; k++) {
      const resetGate = gatesAll[g0 + k];
      const updateGate = gatesAll[g0 + hidden + k];
      const candidate = gatesAll[g0 + 2 * hidden + k];
      const previous = hPrev[hPrevOffset + k];
      const dCandidatePre = dh[k] * (1 - updateGate) * (1 - candidate * candidate);
      const dUpdatePre = dh[k] * (previous - candidate) * updateGate * (1 - updateGate);
      const dResetPre =
        dCandidatePre * hiddenCandidate[t * hidden + k] * resetGate * (1 - resetGate);
      dPreInput[k] = dResetPre;
      dPreInput[hidden + k] = dUpdatePre;
      dPreInput[2 * hidden + k] = dCandidatePre;
      dPreHidden[k] = dResetPre;
      dPreHidden[hidden + k] = dUpdatePre;
      dPreHidden[2 * hidden + k] = dCandidatePre * resetGate;
      dh[k] *= updateGate; // the direct path h' = … + z ⊙ h
    }
    norms[t] = backThroughWeights(cell, dPreInput, dPreHidden, 3 * hidden, dx, dh);
  }
  return norms;
}

function rnnGradient(
  cell: PreparedCell,
  useRelu: boolean,
  x: Float64Array,
  steps: number,
  h0: Float64Array,
): Float64Array {
  const { hidden, input } = cell;
  const hAll = new Float64Array(steps * hidden);
  rnnStep(cell, useRelu, x, 0, h0, 0, hAll, 0);
  for (let t = 1; t < steps; t++) {
    rnnStep(cell, useRelu, x, t * input, hAll, (t - 1) * hidden, hAll, t * hidden);
  }
  const norms = new Float64Array(steps);
  const dh = new Float64Array(hidden).fill(1);
  const dPre = new Float64Array(hidden);
  const dx = new Float64Array(input);
  for (let t = steps - 1; t >= 0; t--) {
    for (let k = 0; k < hidden; k++) {
      const h = hAll[t * hidden + k];
      // tanh' = 1 − tanh², from the saved output; relu' = 1 where the output is positive.
      dPre[k] = useRelu ? (h > 0 ? dh[k] : 0) : dh[k] * (1 - h * h);
    }
    dh.fill(0);
    norms[t] = backThroughWeights(cell, dPre, dPre, hidden, dx, dh);
  }
  return norms;
}

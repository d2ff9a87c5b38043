// How much the last hidden state still depends on each input: the L2 norm of ∂(Σ_j h_T[j])/∂x_t
// for every t, i.e. what autograd leaves in x.grad after outputs[-1].sum().backward(). Plain RNNs
// shrink it geometrically with T − t; an LSTM with its forget gate near 1 keeps it.
//
// Backpropagation through time by hand: one forward pass that keeps every gate (./trace.ts), then
// one backward pass of two transposed matrix–vector products per step (W_ih^T for ∂/∂x_t, W_hh^T
// for ∂/∂h_{t−1}) — as many multiply-adds as the forward pass. The carried ∂h (and ∂C) is kept
// out of the subnormal range by exact powers of two (./gradientScale.ts): the same numbers where
// the plain loop met no subnormal, closer ones where it did, and several times faster then.
import { NumericVector } from "../shapes";
import { normUnscaled, rescaleCarried } from "./gradientScale";
import { LstmState } from "./lstm";
import { PreparedCell, RecurrentKind, RecurrentParams, RnnParams } from "./params";
import { RecurrentTrace, traceThroughTime } from "./trace";
import { type RecurrentKernelExports, recurrentKernels } from "../kernels/recurrentKernels";

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
  return gradientOfTrace(traceThroughTime(kind, params, inputs, initialState));
}

/** The backward pass over a forward pass already made: gradientThroughTime without the forward. */
export function gradientOfTrace(trace: RecurrentTrace): Float64Array {
  const { cell, hiddenSize: hidden, inputSize: input } = trace;
  const rows = cell.weightHh.length / hidden;
  // The backward products run in the WebAssembly kernels' memory when they can (see ../kernels):
  // the weights are copied there, with the small vectors the kernels read and write.
  const lengths = [cell.weightIh.length, cell.weightHh.length, rows, rows, input, hidden, hidden];
  return recurrentKernels.withWorkspace(lengths, (arrays, kernels) => {
    const [weightIh, weightHh, preInput, preHidden, dx, dh, dc] = arrays;
    const back = kernels
      ? new KernelProducts(kernels, rows, hidden, input, weightIh, weightHh, cell)
      : new TransposedWeights(cell);
    const vectors: BackwardVectors = { preInput, preHidden, dx, dh, dc };
    if (trace.kind === "lstm") return lstmGradient(trace, back, vectors);
    if (trace.kind === "gru") return gruGradient(trace, back, vectors);
    return rnnGradient(trace, back, vectors);
  });
}

/** The vectors a backward step works on, zero-filled; where the products can read them. */
interface BackwardVectors {
  /** ∂ w.r.t. the pre-activations, as they meet W_ih (rows of the gate blocks). */
  preInput: Float64Array;
  /** ∂ w.r.t. the pre-activations, as they meet W_hh (differs from preInput for the GRU's n). */
  preHidden: Float64Array;
  dx: Float64Array;
  dh: Float64Array;
  /** The LSTM's carried ∂C. */
  dc: Float64Array;
}

/** One backward step's two products: ∂x = W_ihᵀ a, and ∂h_prev += W_hhᵀ b. */
interface BackwardProducts {
  back(
    preActivationGrad: Float64Array,
    rowsFromInput: Float64Array,
    inputGrad: Float64Array,
    hiddenGrad: Float64Array,
  ): void;
}

/**
 * The products by the SIMD kernel, on W itself (its lanes run along W's rows, so no transposed
 * copy): the same sums as TransposedWeights, in the same order.
 */
class KernelProducts implements BackwardProducts {
  readonly #kernels: RecurrentKernelExports;
  readonly #rows: number;
  readonly #hidden: number;
  readonly #input: number;
  readonly #weightIh: Float64Array;
  readonly #weightHh: Float64Array;

  constructor(
    kernels: RecurrentKernelExports,
    rows: number,
    hidden: number,
    input: number,
    weightIh: Float64Array,
    weightHh: Float64Array,
    cell: PreparedCell,
  ) {
    this.#kernels = kernels;
    this.#rows = rows;
    this.#hidden = hidden;
    this.#input = input;
    weightIh.set(cell.weightIh);
    weightHh.set(cell.weightHh);
    this.#weightIh = weightIh;
    this.#weightHh = weightHh;
  }

  back(
    preActivationGrad: Float64Array,
    rowsFromInput: Float64Array,
    inputGrad: Float64Array,
    hiddenGrad: Float64Array,
  ): void {
    inputGrad.fill(0);
    const rows = this.#rows;
    const k = this.#kernels;
    k.transposedProduct(
      this.#weightIh.byteOffset,
      rows,
      this.#input,
      preActivationGrad.byteOffset,
      inputGrad.byteOffset,
    );
    k.transposedProduct(
      this.#weightHh.byteOffset,
      rows,
      this.#hidden,
      rowsFromInput.byteOffset,
      hiddenGrad.byteOffset,
    );
  }
}

/**
 * W_ih^T and W_hh^T, so that ∂x_j and ∂h_j are each one running sum over a contiguous row. The
 * sums run over k in the same order as accumulating row by row into ∂x, ∂h would (the same
 * numbers, bit for bit), but four of them at a time and without a load and a store of ∂h per
 * multiply-add — about three times faster here. Transposing costs one step's worth of copies.
 */
class TransposedWeights implements BackwardProducts {
  readonly rows: number;
  readonly hidden: number;
  readonly input: number;
  readonly ihT: Float64Array;
  readonly hhT: Float64Array;

  constructor(cell: PreparedCell) {
    const { hidden, input } = cell;
    const rows = cell.weightHh.length / hidden;
    this.rows = rows;
    this.hidden = hidden;
    this.input = input;
    this.ihT = transpose(cell.weightIh, rows, input);
    this.hhT = transpose(cell.weightHh, rows, hidden);
  }

  /**
   * ∂x = W_ih^T a into inputGrad, ∂h_prev += W_hh^T b into hiddenGrad (which holds the direct
   * path, or zeros).
   */
  back(
    preActivationGrad: Float64Array,
    rowsFromInput: Float64Array,
    inputGrad: Float64Array,
    hiddenGrad: Float64Array,
  ): void {
    const { rows, hidden, input } = this;
    inputGrad.fill(0);
    transposedProduct(this.ihT, rows, input, preActivationGrad, inputGrad);
    transposedProduct(this.hhT, rows, hidden, rowsFromInput, hiddenGrad);
  }
}

function transpose(matrix: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let k = 0; k < rows; k++) {
    for (let j = 0; j < cols; j++) out[j * rows + k] = matrix[k * cols + j];
  }
  return out;
}

/** out[j] += Σ_k a[k]·W[k, j] for j < cols, from W^T (cols × rows), k ascending. */
function transposedProduct(
  wT: Float64Array,
  rows: number,
  cols: number,
  a: Float64Array,
  out: Float64Array,
): void {
  let j = 0;
  // Eight columns a turn: each a[k] loaded serves eight multiply-adds (~15% faster than four in
  // Chromium here, 5.6 vs 6.7 ms for T = 500 LSTM steps of H = 64); what is left, four, then one.
  for (; j + 7 < cols; j += 8) {
    let s0 = out[j];
    let s1 = out[j + 1];
    let s2 = out[j + 2];
    let s3 = out[j + 3];
    let s4 = out[j + 4];
    let s5 = out[j + 5];
    let s6 = out[j + 6];
    let s7 = out[j + 7];
    const r0 = j * rows;
    const r1 = r0 + rows;
    const r2 = r1 + rows;
    const r3 = r2 + rows;
    const r4 = r3 + rows;
    const r5 = r4 + rows;
    const r6 = r5 + rows;
    const r7 = r6 + rows;
    for (let k = 0; k < rows; k++) {
      const ak = a[k];
      s0 += ak * wT[r0 + k];
      s1 += ak * wT[r1 + k];
      s2 += ak * wT[r2 + k];
      s3 += ak * wT[r3 + k];
      s4 += ak * wT[r4 + k];
      s5 += ak * wT[r5 + k];
      s6 += ak * wT[r6 + k];
      s7 += ak * wT[r7 + k];
    }
    out[j] = s0;
    out[j + 1] = s1;
    out[j + 2] = s2;
    out[j + 3] = s3;
    out[j + 4] = s4;
    out[j + 5] = s5;
    out[j + 6] = s6;
    out[j + 7] = s7;
  }
  for (; j + 3 < cols; j += 4) {
    let s0 = out[j];
    let s1 = out[j + 1];
    let s2 = out[j + 2];
    let s3 = out[j + 3];
    const r0 = j * rows;
    const r1 = r0 + rows;
    const r2 = r1 + rows;
    const r3 = r2 + rows;
    for (let k = 0; k < rows; k++) {
      const ak = a[k];
      s0 += ak * wT[r0 + k];
      s1 += ak * wT[r1 + k];
      s2 += ak * wT[r2 + k];
      s3 += ak * wT[r3 + k];
    }
    out[j] = s0;
    out[j + 1] = s1;
    out[j + 2] = s2;
    out[j + 3] = s3;
  }
  for (; j < cols; j++) {
    let s = out[j];
    const r = j * rows;
    for (let k = 0; k < rows; k++) s += a[k] * wT[r + k];
    out[j] = s;
  }
}

function lstmGradient(
  trace: RecurrentTrace,
  back: BackwardProducts,
  { preInput: dPre, dx, dh, dc }: BackwardVectors,
): Float64Array {
  const { steps, hiddenSize: hidden, gates, cells, c0 } = trace;
  const norms = new Float64Array(steps);
  dh.fill(1); // ∂(Σ h_T)/∂h_T
  let exponent = 0; // dh and dc hold 2^exponent times the true gradient
  for (let t = steps - 1; t >= 0; t--) {
    const g0 = t * 4 * hidden;
    const cPrev = t === 0 ? c0 : cells;
    const cPrevOffset = t === 0 ? 0 : (t - 1) * hidden;
    for (let k = 0; k < hidden; k++) {
      const inputGate = gates[g0 + k];
      const forgetGate = gates[g0 + hidden + k];
      const candidate = gates[g0 + 2 * hidden + k];
      const outputGate = gates[g0 + 3 * hidden + k];
      const tanhCell = Math.tanh(cells[t * hidden + k]);
      // c_t gets gradient from h_t (through tanh) and from c_{t+1} (through f_{t+1}, already in dc).
      const dCell = dc[k] + dh[k] * outputGate * (1 - tanhCell * tanhCell);
      dPre[k] = dCell * candidate * inputGate * (1 - inputGate);
      dPre[hidden + k] = dCell * cPrev[cPrevOffset + k] * forgetGate * (1 - forgetGate);
      dPre[2 * hidden + k] = dCell * inputGate * (1 - candidate * candidate);
      dPre[3 * hidden + k] = dh[k] * tanhCell * outputGate * (1 - outputGate);
      dc[k] = dCell * forgetGate;
    }
    dh.fill(0);
    back.back(dPre, dPre, dx, dh);
    norms[t] = normUnscaled(dx, exponent);
    exponent = rescaleCarried(exponent, dh, dc);
  }
  return norms;
}

function gruGradient(
  trace: RecurrentTrace,
  back: BackwardProducts,
  // ∂ w.r.t. W_i· x + b_i· and W_h· h + b_h·, blocks r, z, n.
  { preInput: dPreInput, preHidden: dPreHidden, dx, dh }: BackwardVectors,
): Float64Array {
  const { steps, hiddenSize: hidden, gates, outputs, hiddenCandidate, h0 } = trace;
  const norms = new Float64Array(steps);
  dh.fill(1);
  let exponent = 0; // dh holds 2^exponent times the true gradient
  for (let t = steps - 1; t >= 0; t--) {
    const g0 = t * 3 * hidden;
    const hPrev = t === 0 ? h0 : outputs;
    const hPrevOffset = t === 0 ? 0 : (t - 1) * hidden;
    for (let k = 0; k < hidden; k++) {
      const resetGate = gates[g0 + k];
      const updateGate = gates[g0 + hidden + k];
      const candidate = gates[g0 + 2 * hidden + k];
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
    back.back(dPreInput, dPreHidden, dx, dh);
    norms[t] = normUnscaled(dx, exponent);
    exponent = rescaleCarried(exponent, dh);
  }
  return norms;
}

function rnnGradient(
  trace: RecurrentTrace,
  back: BackwardProducts,
  { preInput: dPre, dx, dh }: BackwardVectors,
): Float64Array {
  const { steps, hiddenSize: hidden, outputs, relu } = trace;
  const norms = new Float64Array(steps);
  dh.fill(1);
  let exponent = 0; // dh holds 2^exponent times the true gradient
  for (let t = steps - 1; t >= 0; t--) {
    for (let k = 0; k < hidden; k++) {
      const h = outputs[t * hidden + k];
      // tanh' = 1 − tanh², from the saved output; relu' = 1 where the output is positive.
      dPre[k] = relu ? (h > 0 ? dh[k] : 0) : dh[k] * (1 - h * h);
    }
    dh.fill(0);
    back.back(dPre, dPre, dx, dh);
    norms[t] = normUnscaled(dx, exponent);
    exponent = rescaleCarried(exponent, dh);
  }
  return norms;
}

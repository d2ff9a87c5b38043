// The forward pass of a recurrent cell over a whole sequence, kept in flat buffers: every h_t, c_t
// and gate activation. It is what backpropagation through time reads (gradientOfTrace), and what a
// view that draws the gates needs too — one forward pass then serves both, instead of one for the
// picture and another inside the gradient.
import { NumericVector, readChoice } from "../shapes";
import { gruStep } from "./gru";
import { LstmState, lstmStep } from "./lstm";
import {
  PreparedCell,
  RecurrentKind,
  RecurrentParams,
  RnnParams,
  gateCount,
  prepareCell,
  readInputs,
  readState,
} from "./params";
import { readNonlinearity, rnnStep } from "./rnn";
import { recurrentKernels } from "../kernels/recurrentKernels";

const kinds: readonly RecurrentKind[] = ["rnn", "lstm", "gru"];

export interface RecurrentTrace {
  kind: RecurrentKind;
  steps: number;
  hiddenSize: number;
  inputSize: number;
  /** h_t for every step, T·H row-major (row t at [t·H, (t + 1)·H)). */
  outputs: Float64Array;
  /** LSTM: c_t for every step, T·H; empty for GRU and RNN. */
  cells: Float64Array;
  /**
   * Gate activations, T·G·H: per step G blocks of H in PyTorch's order (LSTM i, f, g, o; GRU r,
   * z, n); empty for the RNN, which has none.
   */
  gates: Float64Array;
  /** GRU: W_hn·h_{t−1} + b_hn for every step, T·H (the backward pass needs it); else empty. */
  hiddenCandidate: Float64Array;
  /** RNN: relu instead of tanh. */
  relu: boolean;
  /** What the pass ran on: validated weights, inputs (T·I), and the initial state. */
  cell: PreparedCell;
  inputs: Float64Array;
  h0: Float64Array;
  /** LSTM's initial cell state; zeros (length H) otherwise. */
  c0: Float64Array;
}

/**
 * kind: "rnn" | "lstm" | "gru"; params as for rnn()/lstm()/gru(); inputs T × I; initialState as
 * the cell takes it ({ h, c } for LSTM, h0 otherwise; zeros when absent). Same numbers, bit for
 * bit, as lstm()/gru()/rnn(): the same step kernels in the same order.
 */
export function traceThroughTime(
  kind: RecurrentKind,
  params: RecurrentParams | RnnParams,
  inputs: unknown,
  initialState?: LstmState | NumericVector,
): RecurrentTrace {
  readChoice("kind", kind, kinds);
  const cell = prepareCell(kind, params);
  const { hidden, input } = cell;
  const { data: x, steps } = readInputs(inputs, input);
  let h0: Float64Array;
  let c0: Float64Array;
  if (kind === "lstm") {
    const state = initialState as LstmState | undefined;
    h0 = readState("state.h", state?.h, hidden);
    c0 = readState("state.c", state?.c, hidden);
  } else {
    h0 = readState("h0", initialState as NumericVector | undefined, hidden);
    c0 = new Float64Array(hidden);
  }
  const relu = kind === "rnn" && readNonlinearity(params as RnnParams) === "relu";
  const lengths = [
    steps * hidden, // outputs
    kind === "lstm" ? steps * hidden : 0, // cells
    kind === "rnn" ? 0 : steps * gateCount[kind] * hidden, // gates
    kind === "gru" ? steps * hidden : 0, // hiddenCandidate
    kind === "gru" ? 3 * hidden : 0, // the GRU step's scratch
    // What the kernels read, copied into their memory (ordinary arrays: left unused).
    cell.weightIh.length,
    cell.weightHh.length,
    cell.biasIh.length,
    cell.biasHh.length,
    x.length,
    hidden,
    hidden,
  ];
  // The pass runs in the WebAssembly kernels' memory when they can run (see ../kernels), and the
  // results are copied out of it; else on ordinary arrays, which are kept as they are.
  const pass = recurrentKernels.withWorkspace(lengths, (arrays, kernels) => {
    const [outputs, cells, gates, hiddenCandidate, scratch] = arrays;
    const [weightIh, weightHh, biasIh, biasHh, xs, h0s, c0s] = arrays.slice(5);
    const inMemory = kernels !== undefined;
    const work: PreparedCell = inMemory
      ? {
          hidden,
          input,
          weightIh: copyInto(weightIh, cell.weightIh),
          weightHh: copyInto(weightHh, cell.weightHh),
          biasIh: copyInto(biasIh, cell.biasIh),
          biasHh: copyInto(biasHh, cell.biasHh),
        }
      : cell;
    const seq = inMemory ? copyInto(xs, x) : x;
    const hStart = inMemory ? copyInto(h0s, h0) : h0;
    const cStart = inMemory ? copyInto(c0s, c0) : c0;
    forwardSteps(
      kind,
      work,
      relu,
      seq,
      steps,
      hStart,
      cStart,
      outputs,
      cells,
      gates,
      hiddenCandidate,
      scratch,
    );
    const keep = (values: Float64Array): Float64Array => (inMemory ? values.slice() : values);
    return {
      outputs: keep(outputs),
      cells: keep(cells),
      gates: keep(gates),
      hiddenCandidate: keep(hiddenCandidate),
    };
  });
  const { outputs, cells, gates, hiddenCandidate } = pass;
  return {
    kind,
    steps,
    hiddenSize: hidden,
    inputSize: input,
    outputs,
    cells,
    gates,
    hiddenCandidate,
    relu,
    cell,
    inputs: x,
    h0,
    c0,
  };
}

function copyInto(target: Float64Array, source: Float64Array): Float64Array {
  target.set(source);
  return target;
}

/** Every step of the pass, into outputs, cells, gates and hiddenCandidate (the trace's arrays). */
function forwardSteps(
  kind: RecurrentKind,
  cell: PreparedCell,
  relu: boolean,
  x: Float64Array,
  steps: number,
  h0: Float64Array,
  c0: Float64Array,
  outputs: Float64Array,
  cells: Float64Array,
  gates: Float64Array,
  hiddenCandidate: Float64Array,
  scratch: Float64Array,
): void {
  const { hidden, input } = cell;
  if (kind === "lstm") {
    lstmStep(cell, x, 0, h0, c0, 0, gates, 0, cells, outputs, 0);
    for (let t = 1; t < steps; t++) {
      const prev = (t - 1) * hidden;
      lstmStep(
        cell,
        x,
        t * input,
        outputs,
        cells,
        prev,
        gates,
        4 * t * hidden,
        cells,
        outputs,
        t * hidden,
      );
    }
  } else if (kind === "gru") {
    gruStep(cell, x, 0, h0, 0, gates, 0, hiddenCandidate, 0, outputs, 0, scratch);
    for (let t = 1; t < steps; t++) {
      gruStep(
        cell,
        x,
        t * input,
        outputs,
        (t - 1) * hidden,
        gates,
        3 * t * hidden,
        hiddenCandidate,
        t * hidden,
        outputs,
        t * hidden,
        scratch,
      );
    }
  } else {
    rnnStep(cell, relu, x, 0, h0, 0, outputs, 0);
    for (let t = 1; t < steps; t++) {
      rnnStep(cell, relu, x, t * input, outputs, (t - 1) * hidden, outputs, t * hidden);
    }
  }
}

// Parameters of a single-layer recurrent cell in PyTorch's layout, so that layer 0 of an
// nn.LSTM / nn.GRU / nn.RNN state_dict loads as is:
//   weightIh  (G·H)×I   gate blocks stacked by rows: LSTM i,f,g,o (G = 4); GRU r,z,n (G = 3); RNN G = 1
//   weightHh  (G·H)×H
//   biasIh, biasHh  G·H (optional: nn.LSTM(bias=False) has none; they count as zeros)
// Matrices are nested rows (number[][] or an array of typed arrays, as a state_dict JSON pastes
// them) or flat row-major arrays (number[] or typed arrays of length G·H·I and G·H·H). A flat
// Float64Array is used without a copy, which is what a caller stepping a cell many times wants.
import {
  NumericMatrix,
  NumericVector,
  isArrayLike,
  isNested,
  readMatrix,
  readVector,
} from "../shapes";

export interface RecurrentParams {
  weightIh: NumericMatrix;
  weightHh: NumericMatrix;
  biasIh?: NumericVector;
  biasHh?: NumericVector;
}

export type LstmParams = RecurrentParams;
export type GruParams = RecurrentParams;
export type RnnNonlinearity = "tanh" | "relu";
export interface RnnParams extends RecurrentParams {
  /** nn.RNN's `nonlinearity`; "tanh" when absent. */
  nonlinearity?: RnnNonlinearity;
}

export type RecurrentKind = "rnn" | "lstm" | "gru";

export const gateCount: Record<RecurrentKind, number> = { rnn: 1, lstm: 4, gru: 3 };
export const gateRows: Record<RecurrentKind, string> = {
  rnn: "hidden",
  lstm: "4·hidden",
  gru: "3·hidden",
};

export const maxHiddenSize = 4096;
export const maxInputSize = 4096;
export const maxSteps = 100_000;

/** Validated parameters as flat row-major Float64Array. */
export interface PreparedCell {
  hidden: number;
  input: number;
  weightIh: Float64Array;
  weightHh: Float64Array;
  biasIh: Float64Array;
  biasHh: Float64Array;
}

/** The names used in error messages: the contract's by default, state_dict keys from fromStateDict. */
export interface ParamNames {
  weightIh: string;
  weightHh: string;
  biasIh: string;
  biasHh: string;
}

const contractNames: ParamNames = {
  weightIh: "params.weightIh",
  weightHh: "params.weightHh",
  biasIh: "params.biasIh",
  biasHh: "params.biasHh",
};

function hiddenSizeOf(kind: RecurrentKind, value: unknown, name: string): number {
  const g = gateCount[kind];
  const rowsText = gateRows[kind];
  if (!isArrayLike(value) || value.length === 0) {
    throw new TypeError(
      `${name}: expected a (${rowsText})×hidden matrix, got ${isArrayLike(value) ? "an empty array" : typeof value}`,
    );
  }
  let hidden: number;
  if (isNested(value)) {
    const rows = value.length;
    hidden = (value[0] as ArrayLike<unknown>).length;
    if (rows !== g * hidden) {
      throw new RangeError(
        `${name}: expected ${g * hidden}×${hidden} (${rowsText} × hidden), got ${rows}×${hidden}`,
      );
    }
  } else {
    hidden = Math.round(Math.sqrt(value.length / g));
    if (g * hidden * hidden !== value.length) {
      throw new RangeError(
        `${name}: expected (${rowsText})×hidden values, i.e. ${g}·H² for some H, got a flat array of length ${value.length}`,
      );
    }
  }
  if (hidden > maxHiddenSize) {
    throw new RangeError(`${name}: expected hidden size at most ${maxHiddenSize}, got ${hidden}`);
  }
  return hidden;
}

function readBias(name: string, value: unknown, rows: number, rowsText: string): Float64Array {
  if (value === undefined || value === null) return new Float64Array(rows);
  if (value instanceof Float64Array && value.length === rows) return value;
  return readVector(name, value, rows, rowsText);
}

export function prepareCell(
  kind: RecurrentKind,
  params: unknown,
  names: ParamNames = contractNames,
): PreparedCell {
  if (typeof params !== "object" || params === null) {
    throw new TypeError(
      `params: expected { weightIh, weightHh, biasIh?, biasHh? } in PyTorch's layout, got ${params === null ? "null" : typeof params}`,
    );
  }
  const p = params as Partial<RecurrentParams>;
  const g = gateCount[kind];
  const rowsText = gateRows[kind];
  const hidden = hiddenSizeOf(kind, p.weightHh, names.weightHh);
  const rows = g * hidden;
  const weightHh = readMatrix(
    names.weightHh,
    p.weightHh,
    rows,
    hidden,
    `${rowsText} × hidden`,
  ).data;
  if (!isArrayLike(p.weightIh) || p.weightIh.length === 0) {
    throw new TypeError(
      `${names.weightIh}: expected a ${rows}×input matrix (${rowsText} × input), got ${typeof p.weightIh}`,
    );
  }
  const ih = readMatrix(names.weightIh, p.weightIh, rows, undefined, `${rowsText} × input`);
  if (ih.cols > maxInputSize || ih.cols < 1) {
    throw new RangeError(
      `${names.weightIh}: expected input size in [1, ${maxInputSize}], got ${ih.cols}`,
    );
  }
  return {
    hidden,
    input: ih.cols,
    weightIh: ih.data,
    weightHh,
    biasIh: readBias(names.biasIh, p.biasIh, rows, rowsText),
    biasHh: readBias(names.biasHh, p.biasHh, rows, rowsText),
  };
}

/** inputs: T×I rows (or flat row-major T·I), T ≥ 1. */
export function readInputs(value: unknown, input: number): { data: Float64Array; steps: number } {
  // One step given as [Float64Array]: read in place, the common case of a caller stepping a cell.
  if (
    Array.isArray(value) &&
    value.length === 1 &&
    value[0] instanceof Float64Array &&
    value[0].length === input
  ) {
    return { data: value[0], steps: 1 };
  }
  const m = readMatrix("inputs", value, undefined, input, "steps × input, one row per time step");
  if (m.rows < 1 || m.rows > maxSteps) {
    throw new RangeError(`inputs: expected between 1 and ${maxSteps} time steps, got ${m.rows}`);
  }
  return { data: m.data, steps: m.rows };
}

export function readState(name: string, value: unknown, hidden: number): Float64Array {
  if (value === undefined || value === null) return new Float64Array(hidden);
  if (value instanceof Float64Array && value.length === hidden) return value; // read only
  return readVector(name, value, hidden, "hidden");
}

/** Views a flat T×width buffer as T rows (the contract's T × H nesting) without copying. */
export function splitRows(flat: Float64Array, steps: number, width: number): Float64Array[] {
  const rows: Float64Array[] = new Array(steps);
  for (let t = 0; t < steps; t++) rows[t] = flat.subarray(t * width, (t + 1) * width);
  return rows;
}

/**
 * One gate's rows (T × H views, no copy) out of the per-step pre-activations laid out as
 * [gate 0 | gate 1 | …] of `hidden` each, `gates` blocks per step.
 */
export function gateBlockRows(
  gatesAll: Float64Array,
  steps: number,
  hidden: number,
  gates: number,
  block: number,
): Float64Array[] {
  const rows: Float64Array[] = new Array(steps);
  for (let t = 0; t < steps; t++) {
    const start = (gates * t + block) * hidden;
    rows[t] = gatesAll.subarray(start, start + hidden);
  }
  return rows;
}

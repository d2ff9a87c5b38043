// Prepared cells for stepping one time step at a time — the panel's step-through, or any caller
// that runs many steps with the same weights. The parameters are validated once here; a step then
// only checks lengths and writes into buffers the caller may reuse, so it costs what the
// arithmetic costs. lstm()/gru()/rnn() are the same kernels over a whole sequence.
import { NumericVector, readVector } from "../shapes";
import { gruStep } from "./gru";
import { lstmStep } from "./lstm";
import { GruParams, LstmParams, PreparedCell, RnnParams, prepareCell } from "./params";
import { readNonlinearity, rnnStep } from "./rnn";

export interface LstmStepResult {
  h: Float64Array;
  c: Float64Array;
  /** 4H activations in PyTorch's order: input i, forget f, candidate g, output o. */
  gates: Float64Array;
}

export interface GruStepResult {
  h: Float64Array;
  /** 3H activations in PyTorch's order: reset r, update z, candidate n. */
  gates: Float64Array;
}

export interface LstmCell {
  readonly hiddenSize: number;
  readonly inputSize: number;
  /** h', c' and the gates from input x and state (h, c); writes into `into` when given. */
  step(x: NumericVector, h: NumericVector, c: NumericVector, into?: LstmStepResult): LstmStepResult;
}

export interface GruCell {
  readonly hiddenSize: number;
  readonly inputSize: number;
  step(x: NumericVector, h: NumericVector, into?: GruStepResult): GruStepResult;
}

export interface RnnCell {
  readonly hiddenSize: number;
  readonly inputSize: number;
  /** h' from input x and h; writes into `into` when given. */
  step(x: NumericVector, h: NumericVector, into?: Float64Array): Float64Array;
}

/** A Float64Array of the right length is used as is (read only); anything else is validated and copied. */
function vectorOf(name: string, value: NumericVector, length: number): Float64Array {
  return value instanceof Float64Array && value.length === length
    ? value
    : readVector(name, value, length);
}

function checkBuffer(name: string, value: Float64Array, length: number): void {
  if (!(value instanceof Float64Array) || value.length !== length) {
    throw new RangeError(`${name}: expected a Float64Array of length ${length}`);
  }
}

export function createLstmCell(params: LstmParams): LstmCell {
  const cell: PreparedCell = prepareCell("lstm", params);
  const { hidden, input } = cell;
  return {
    hiddenSize: hidden,
    inputSize: input,
    step(x, h, c, into) {
      const out = into ?? {
        h: new Float64Array(hidden),
        c: new Float64Array(hidden),
        gates: new Float64Array(4 * hidden),
      };
      if (into) {
        checkBuffer("into.h", out.h, hidden);
        checkBuffer("into.c", out.c, hidden);
        checkBuffer("into.gates", out.gates, 4 * hidden);
      }
      const cPrev = vectorOf("c", c, hidden);
      lstmStep(
        cell,
        vectorOf("x", x, input),
        0,
        vectorOf("h", h, hidden),
        cPrev,
        0,
        out.gates,
        0,
        out.c,
        out.h,
        0,
      );
      return out;
    },
  };
}

export function createGruCell(params: GruParams): GruCell {
  const cell: PreparedCell = prepareCell("gru", params);
  const { hidden, input } = cell;
  const scratch = new Float64Array(3 * hidden);
  const hiddenCandidate = new Float64Array(hidden);
  return {
    hiddenSize: hidden,
    inputSize: input,
    step(x, h, into) {
      const out = into ?? { h: new Float64Array(hidden), gates: new Float64Array(3 * hidden) };
      if (into) {
        checkBuffer("into.h", out.h, hidden);
        checkBuffer("into.gates", out.gates, 3 * hidden);
      }
      gruStep(
        cell,
        vectorOf("x", x, input),
        0,
        vectorOf("h", h, hidden),
        0,
        out.gates,
        0,
        hiddenCandidate,
        0,
        out.h,
        0,
        scratch,
      );
      return out;
    },
  };
}

export function createRnnCell(params: RnnParams): RnnCell {
  const cell: PreparedCell = prepareCell("rnn", params);
  const useRelu = readNonlinearity(params) === "relu";
  const { hidden, input } = cell;
  return {
    hiddenSize: hidden,
    inputSize: input,
    step(x, h, into) {
      const out = into ?? new Float64Array(hidden);
      if (into) checkBuffer("into", out, hidden);
      rnnStep(cell, useRelu, vectorOf("x", x, input), 0, vectorOf("h", h, hidden), 0, out, 0);
      return out;
    },
  };
}

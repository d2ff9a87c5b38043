// The messages between the LSTM & GRU view and its gradient worker: one cell's weights and inputs
// in, its gradient through time out (T numbers: the forward pass stays in the worker, so the page
// receives 4 KB, not the 1.5 MB a T = 500, H = 64 pass weighs), or why it failed; a notice that a job
// has started; and the ids of jobs sent but no longer wanted (a newer setting's replace them, or
// the page takes one back to compute itself), which the worker drops unless it has started them.
// Both ends check what they receive with the readers below: the channel is private to the page,
// but a message of the wrong shape should be refused with its reason, not read as numbers of the
// wrong length.
import type { InputSequence } from "../views/recurrent/inputs";
import type { CellWeights } from "../views/recurrent/weights";
import { isRecord, isCount } from "../../src/shared/guards";

export interface GradientJob {
  id: number;
  weights: CellWeights;
  inputs: InputSequence;
}

/** Jobs the page no longer wants: the worker drops those it has not started, without a reply. */
export interface GradientCancel {
  cancel: number[];
}

/**
 * Sent by the worker as it starts a job: a job not started yet may be taken back by the page once
 * the page has nothing else to do (see GradientWorker.takeBack).
 */
export interface GradientStarted {
  started: number;
}

export type GradientReply = { id: number; gradient: Float64Array } | { id: number; error: string };

/** Gate blocks per cell, as in PyTorch's weight layout (LSTM i, f, g, o; GRU r, z, n). */
const GATES = { lstm: 4, gru: 3, rnn: 1 } as const;

/** A cancel message's ids; undefined for any other message (a job is read by readGradientJob). */
export function readGradientCancel(data: unknown): number[] | undefined {
  if (!isRecord(data) || !Array.isArray(data.cancel)) return undefined;
  return data.cancel.every(isCount) ? (data.cancel as number[]) : undefined;
}

/** A started notice's job id; undefined for any other message. */
export function readGradientStarted(data: unknown): number | undefined {
  return isRecord(data) && isCount(data.started) ? data.started : undefined;
}

/** The job, or why it is not one (naming the field and the length expected). */
export function readGradientJob(data: unknown): GradientJob | string {
  if (!isRecord(data) || !isRecord(data.weights) || !isRecord(data.inputs)) {
    return "gradient job: expected { id, weights, inputs }";
  }
  const { id, weights, inputs } = data;
  if (!isCount(id)) return "gradient job: id must be a whole number";
  const kind = weights.kind;
  if (kind !== "lstm" && kind !== "gru" && kind !== "rnn") {
    return "gradient job: weights.kind must be lstm, gru or rnn";
  }
  const { hidden, inputSize } = weights;
  if (!isCount(hidden) || !isCount(inputSize) || !isCount(inputs.steps)) {
    return "gradient job: hidden, inputSize and steps must be whole numbers";
  }
  if (inputs.inputSize !== inputSize) {
    return `gradient job: inputs.inputSize must be weights.inputSize (${inputSize})`;
  }
  const rows = GATES[kind] * hidden;
  const lengths: [string, unknown, number][] = [
    ["weights.weightIh", weights.weightIh, rows * inputSize],
    ["weights.weightHh", weights.weightHh, rows * hidden],
    ["weights.biasIh", weights.biasIh, rows],
    ["weights.biasHh", weights.biasHh, rows],
    ["inputs.values", inputs.values, inputs.steps * inputSize],
  ];
  for (const [name, array, length] of lengths) {
    if (!(array instanceof Float64Array) || array.length !== length) {
      return `gradient job: ${name} must be a Float64Array of ${length}`;
    }
  }
  return data as unknown as GradientJob;
}

/**
 * The reply to `job`, or why it is not a well-formed one; undefined for a message that is not an
 * answer to `job` at all (a stale job's, say).
 */
export function readGradientReply(
  data: unknown,
  job: GradientJob,
): GradientReply | string | undefined {
  if (!isRecord(data) || data.id !== job.id) return undefined;
  if (typeof data.error === "string") return { id: job.id, error: data.error };
  const { gradient } = data;
  const steps = job.inputs.steps;
  if (!(gradient instanceof Float64Array) || gradient.length !== steps) {
    return `gradient reply: gradient must be a Float64Array of ${steps}`;
  }
  return data as unknown as GradientReply;
}

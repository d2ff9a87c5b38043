// The messages between the Vanishing gradients view and its worker. In: a network's gradient
// samples to compute from the last one down (the page computes from the first one up, and they
// meet in the middle), a training run, or "stop". Out: one sample's per-layer log10 norms, a
// training run's result so far or at its end, or why a job failed. Both ends check what they
// receive with the readers below: the channel is private to the page, but a message of the wrong
// shape is refused with its reason, not read as numbers of the wrong length.
import type { TrainDeepNetworkResult } from "../../src/core";
import {
  ACTIVATION_IDS,
  type ActivationId,
  INIT_IDS,
  type InitId,
  LIMITS,
  MAX_NETWORK_WEIGHTS,
  type VanishingState,
} from "../../src/shared/labState";
import { isRecord, isCount } from "../../src/shared/guards";

/** The network a job is about: the view's own fields, so the two cannot drift apart. */
export type NetworkShape = Pick<
  VanishingState,
  "depth" | "width" | "activation" | "init" | "scale" | "seed"
>;

/** Samples samples − 1, samples − 2, … down to `lowest` (sample s from sampleSeed(seed, s)). */
export interface GradientSamplesJob extends NetworkShape {
  id: number;
  kind: "gradients";
  samples: number;
  lowest: number;
}

export interface TrainingJob extends NetworkShape {
  id: number;
  kind: "training";
  steps: number;
  learningRate: number;
  batchSize: number;
}

/** Ends the job with this id (the page has what it needs); a new job also ends the last one. */
export interface StopJob {
  id: number;
  kind: "stop";
}

export type VanishingJob = GradientSamplesJob | TrainingJob | StopJob;

export type VanishingReply =
  | { id: number; kind: "sample"; sample: number; log10Norms: Float64Array }
  | { id: number; kind: "training"; complete: boolean; result: TrainDeepNetworkResult }
  | { id: number; kind: "error"; error: string };

/** The job, or why it is not one (naming the field and what was expected). */
export function readVanishingJob(data: unknown): VanishingJob | string {
  if (!isRecord(data)) return "vanishing job: expected an object";
  const { id, kind } = data;
  if (!isCount(id)) return "vanishing job: id must be a whole number";
  if (kind === "stop") return { id, kind };
  if (kind !== "gradients" && kind !== "training") {
    return "vanishing job: kind must be gradients, training or stop";
  }
  const shape = readShape(data);
  if (typeof shape === "string") return `vanishing job: ${shape}`;
  if (kind === "gradients") {
    const { samples, lowest } = data;
    if (!isCount(samples) || samples < 1 || samples > LIMITS.samples.max) {
      return `vanishing job: samples must be a whole number from 1 to ${LIMITS.samples.max}`;
    }
    if (!isCount(lowest) || lowest >= samples) {
      return `vanishing job: lowest must be a whole number below samples (${samples})`;
    }
    return { id, kind, ...shape, samples, lowest };
  }
  const { steps, learningRate, batchSize } = data;
  if (!isCount(steps) || steps < 1 || steps > LIMITS.steps.max) {
    return `vanishing job: steps must be a whole number from 1 to ${LIMITS.steps.max}`;
  }
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate < 0) {
    return "vanishing job: learningRate must be a finite number ≥ 0";
  }
  if (!isCount(batchSize) || batchSize < 1 || batchSize > 256) {
    return "vanishing job: batchSize must be a whole number from 1 to 256";
  }
  return { id, kind, ...shape, steps, learningRate, batchSize };
}

function readShape(data: Record<string, unknown>): NetworkShape | string {
  const { depth, width, activation, init, scale, seed } = data;
  if (!isCount(depth) || !isCount(width) || depth < 1 || width < 1) {
    return "depth and width must be whole numbers ≥ 1";
  }
  if (depth * width * width > MAX_NETWORK_WEIGHTS) {
    return `depth × width² must be at most ${MAX_NETWORK_WEIGHTS}, got ${depth * width * width}`;
  }
  if (!ACTIVATION_IDS.includes(activation as ActivationId)) {
    return `activation must be one of ${ACTIVATION_IDS.join(", ")}`;
  }
  if (!INIT_IDS.includes(init as InitId)) return `init must be one of ${INIT_IDS.join(", ")}`;
  if (typeof scale !== "number" || !(scale > 0) || !Number.isFinite(scale)) {
    return "scale must be a finite number > 0";
  }
  if (typeof seed !== "number" || !Number.isFinite(seed)) return "seed must be a finite number";
  return {
    depth,
    width,
    activation: activation as ActivationId,
    init: init as InitId,
    scale,
    seed,
  };
}

/**
 * The reply to `job`, or why it is not a well-formed one; undefined for a message that is not an
 * answer to `job` at all (a stale job's, say).
 */
export function readVanishingReply(
  data: unknown,
  job: GradientSamplesJob | TrainingJob,
): VanishingReply | string | undefined {
  if (!isRecord(data) || data.id !== job.id) return undefined;
  if (data.kind === "error") {
    return typeof data.error === "string"
      ? { id: job.id, kind: "error", error: data.error }
      : "vanishing reply: error must be a string";
  }
  if (job.kind === "gradients") {
    const { sample, log10Norms } = data;
    if (
      data.kind !== "sample" ||
      !isCount(sample) ||
      sample < job.lowest ||
      sample >= job.samples
    ) {
      return `vanishing reply: expected a sample from ${job.lowest} to ${job.samples - 1}`;
    }
    if (!(log10Norms instanceof Float64Array) || log10Norms.length !== job.depth) {
      return `vanishing reply: log10Norms must be a Float64Array of ${job.depth}`;
    }
    return { id: job.id, kind: "sample", sample, log10Norms };
  }
  const { complete, result } = data;
  if (data.kind !== "training" || typeof complete !== "boolean" || !isRecord(result)) {
    return "vanishing reply: expected { kind: training, complete, result }";
  }
  const { losses, finalLoss, updateNorms, relativeUpdates } = result;
  if (!(losses instanceof Float64Array) || losses.length < 1 || losses.length > job.steps) {
    return `vanishing reply: result.losses must be a Float64Array of 1 to ${job.steps}`;
  }
  if (complete && losses.length !== job.steps) {
    return `vanishing reply: a complete run has ${job.steps} losses, got ${losses.length}`;
  }
  if (typeof finalLoss !== "number") return "vanishing reply: result.finalLoss must be a number";
  for (const [name, rows] of [
    ["updateNorms", updateNorms],
    ["relativeUpdates", relativeUpdates],
  ] as const) {
    if (
      !Array.isArray(rows) ||
      rows.length !== losses.length ||
      !rows.every((row) => row instanceof Float64Array && row.length === job.depth)
    ) {
      return `vanishing reply: result.${name} must be ${losses.length} Float64Arrays of ${job.depth}`;
    }
  }
  return {
    id: job.id,
    kind: "training",
    complete,
    result: result as unknown as TrainDeepNetworkResult,
  };
}

// The Vanishing gradients worker's channel: jobs as the view builds them and replies built by the
// real code (StreamGradientNorms, startDeepNetworkTraining) are read back whole; each field broken
// in turn is refused with a reason that names it and what was expected; a stale job's message is
// not an answer at all.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { NormalStream, StreamGradientNorms, startDeepNetworkTraining } from "../../../src/core";
import {
  type GradientSamplesJob,
  type TrainingJob,
  readVanishingJob,
  readVanishingReply,
} from "../../../webview/workers/vanishingProtocol";

const shape = {
  depth: 6,
  width: 5,
  activation: "sigmoid",
  init: "xavier",
  scale: 1.5,
  seed: 3,
} as const;
const gradients: GradientSamplesJob = { id: 4, kind: "gradients", ...shape, samples: 5, lowest: 1 };
const training: TrainingJob = {
  id: 9,
  kind: "training",
  ...shape,
  steps: 3,
  learningRate: 0.1,
  batchSize: 4,
};

test("jobs as the view makes them are read back field for field, and stop is a job", () => {
  assert.deepEqual(readVanishingJob(gradients), gradients);
  assert.deepEqual(readVanishingJob(training), training);
  assert.deepEqual(readVanishingJob({ id: 2, kind: "stop" }), { id: 2, kind: "stop" });
});

test("a job with a field missing or out of range is refused, naming the field", () => {
  const cases: [unknown, RegExp][] = [
    [null, /expected an object/],
    [{ ...gradients, id: 1.5 }, /id must be a whole number/],
    [{ ...gradients, kind: "forward" }, /kind must be gradients, training or stop/],
    [{ ...gradients, depth: 0 }, /depth and width must be whole numbers ≥ 1/],
    // 200 × 37² = 273,800 weights: more than the panel's 2^18 = 262,144.
    [{ ...gradients, depth: 200, width: 37 }, /at most 262144, got 273800/],
    [{ ...gradients, activation: "gelu" }, /activation must be one of sigmoid, tanh, relu/],
    [{ ...gradients, init: "orthogonal" }, /init must be one of normal, xavier, he/],
    [{ ...gradients, scale: 0 }, /scale must be a finite number > 0/],
    [{ ...gradients, seed: Number.NaN }, /seed must be a finite number/],
    [{ ...gradients, samples: 17 }, /samples must be a whole number from 1 to 16/],
    [{ ...gradients, lowest: 5 }, /lowest must be a whole number below samples \(5\)/],
    [{ ...training, steps: 0 }, /steps must be a whole number from 1 to 200/],
    [{ ...training, learningRate: -1 }, /learningRate must be a finite number ≥ 0/],
    [{ ...training, batchSize: 257 }, /batchSize must be a whole number from 1 to 256/],
  ];
  for (const [data, reason] of cases) {
    const read = readVanishingJob(data);
    assert.equal(typeof read, "string", `${JSON.stringify(data)} should be refused`);
    assert.match(read as string, reason);
  }
});

test("a sample the worker computed is read back; a wrong sample or length is refused", () => {
  const log10Norms = new StreamGradientNorms().run(new NormalStream(3 * 1024 + 4), shape);
  const reply = { id: 4, kind: "sample", sample: 4, log10Norms };
  assert.deepEqual(readVanishingReply(reply, gradients), reply);
  assert.equal(readVanishingReply({ ...reply, id: 3 }, gradients), undefined, "a stale job's");
  assert.match(
    readVanishingReply({ ...reply, sample: 0 }, gradients) as string,
    /expected a sample from 1 to 4/,
  );
  assert.match(
    readVanishingReply({ ...reply, log10Norms: log10Norms.subarray(1) }, gradients) as string,
    /log10Norms must be a Float64Array of 6/,
  );
  assert.deepEqual(
    readVanishingReply({ id: 4, kind: "error", error: "out of memory" }, gradients),
    {
      id: 4,
      kind: "error",
      error: "out of memory",
    },
  );
});

test("a training run's progress and end are read back; rows of the wrong length are refused", () => {
  const run = startDeepNetworkTraining(training);
  run.step();
  const partial = { id: 9, kind: "training", complete: false, result: run.result() };
  assert.deepEqual(readVanishingReply(partial, training), partial);
  assert.match(
    readVanishingReply({ ...partial, complete: true }, training) as string,
    /a complete run has 3 losses, got 1/,
  );
  while (run.stepsDone < run.steps) run.step();
  const result = run.result();
  const complete = { id: 9, kind: "training", complete: true, result };
  assert.deepEqual(readVanishingReply(complete, training), complete);
  const shortRow = { ...result, relativeUpdates: [result.relativeUpdates[0].subarray(1)] };
  assert.match(
    readVanishingReply({ ...complete, result: shortRow }, training) as string,
    /result.relativeUpdates must be 3 Float64Arrays of 6/,
  );
  assert.match(
    readVanishingReply(
      { ...complete, result: { ...result, finalLoss: "0.1" } },
      training,
    ) as string,
    /finalLoss must be a number/,
  );
});

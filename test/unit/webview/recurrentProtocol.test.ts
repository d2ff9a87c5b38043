// The gradient worker's channel: a job and a reply built by the real code (weightsFor, presetInputs,
// traceOf, gradientOfTrace) are read back whole; each field broken in turn is refused with a reason
// that names it and the length expected.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { gradientOfTrace } from "../../../src/core";
import { traceOf } from "../../../webview/views/recurrent/cellTrace";
import { presetInputs } from "../../../webview/views/recurrent/inputs";
import { weightsFor } from "../../../webview/views/recurrent/weights";
import {
  type GradientJob,
  readGradientCancel,
  readGradientJob,
  readGradientReply,
  readGradientStarted,
} from "../../../webview/workers/recurrentProtocol";

const kinds = ["lstm", "gru", "rnn"] as const;

function jobFor(kind: (typeof kinds)[number]): GradientJob {
  return {
    id: 7,
    weights: weightsFor("random", kind, 5, 2, 3),
    inputs: presetInputs("sine", 12, 2, 6, 1),
  };
}

test("a job made by the view is read back as it is, for every cell", () => {
  for (const kind of kinds) {
    const job = jobFor(kind);
    assert.equal(readGradientJob(job), job);
  }
});

test("a job with a field missing or of the wrong length is refused, naming the field", () => {
  const job = jobFor("lstm");
  const cases: [unknown, RegExp][] = [
    [null, /expected \{ id, weights, inputs \}/],
    [{ ...job, id: -1 }, /id must be a whole number/],
    [{ ...job, weights: { ...job.weights, kind: "transformer" } }, /kind must be lstm, gru or rnn/],
    [{ ...job, weights: { ...job.weights, hidden: 2.5 } }, /whole numbers/],
    [
      { ...job, inputs: { ...job.inputs, inputSize: 3 } },
      /inputs.inputSize must be weights.inputSize \(2\)/,
    ],
    // LSTM, H = 5, I = 2: W_ih is 4·5 × 2 = 40 numbers, W_hh 4·5 × 5 = 100, each bias 20.
    [
      { ...job, weights: { ...job.weights, weightIh: new Float64Array(39) } },
      /weights.weightIh must be a Float64Array of 40/,
    ],
    [
      { ...job, weights: { ...job.weights, weightHh: [...job.weights.weightHh] } },
      /weights.weightHh must be a Float64Array of 100/,
    ],
    [
      { ...job, weights: { ...job.weights, biasHh: new Float64Array(21) } },
      /weights.biasHh must be a Float64Array of 20/,
    ],
    [
      { ...job, inputs: { ...job.inputs, values: new Float64Array(23) } },
      /inputs.values must be a Float64Array of 24/,
    ],
  ];
  for (const [data, reason] of cases) {
    const read = readGradientJob(data);
    assert.equal(typeof read, "string", `accepted ${JSON.stringify(data)?.slice(0, 80)}`);
    assert.match(read as string, reason);
  }
});

test("the worker's reply is read back; a stray one is not this job's; a malformed one says why", () => {
  const job = jobFor("gru");
  const reply = { id: job.id, gradient: gradientOfTrace(traceOf(job.weights, job.inputs)) };
  assert.equal(readGradientReply(reply, job), reply);
  assert.deepEqual(readGradientReply({ id: job.id, error: "boom" }, job), { id: 7, error: "boom" });
  assert.equal(readGradientReply({ ...reply, id: 6 }, job), undefined);
  assert.equal(readGradientReply("hello", job), undefined);
  assert.match(
    readGradientReply({ ...reply, gradient: new Float64Array(11) }, job) as string,
    /gradient must be a Float64Array of 12/,
  );
  assert.match(
    readGradientReply({ id: job.id, gradient: [1, 2] }, job) as string,
    /gradient must be a Float64Array of 12/,
  );
});

test("a cancel names the jobs by id; a job or a malformed cancel is not one", () => {
  assert.deepEqual(readGradientCancel({ cancel: [3, 4] }), [3, 4]);
  assert.deepEqual(readGradientCancel({ cancel: [] }), []);
  assert.equal(readGradientCancel(jobFor("rnn")), undefined);
  assert.equal(readGradientCancel({ cancel: [1.5] }), undefined);
  assert.equal(readGradientCancel({ cancel: "3" }), undefined);
  assert.equal(readGradientCancel(null), undefined);
});

test("a started notice names its job by id; a reply, a cancel or a malformed notice is not one", () => {
  assert.equal(readGradientStarted({ started: 7 }), 7);
  assert.equal(readGradientStarted({ started: 0 }), 0);
  assert.equal(readGradientStarted({ id: 7, error: "boom" }), undefined);
  assert.equal(readGradientStarted({ cancel: [7] }), undefined);
  assert.equal(readGradientStarted({ started: -1 }), undefined);
  assert.equal(readGradientStarted({ started: "7" }), undefined);
  assert.equal(readGradientStarted(undefined), undefined);
});

// Edge cases and closed forms of logSumExp, softmax and logSoftmax: softmax([0, ln 2]) = [1/3, 2/3],
// logSumExp of n equal entries c = c + ln n; PyTorch 1.13 float64 gives the same values for these.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  logSigmoidInto,
  logSoftmax,
  logSumExp,
  sigmoidArray,
  sigmoidInto,
  softmax,
  softmaxInto,
  softplusInto,
} from "../../../src/core/index";

const close = (a: number, b: number, tolerance = 1e-15) =>
  assert.ok(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test("closed forms", () => {
  const p = softmax([0, Math.LN2]);
  close(p[0], 1 / 3);
  close(p[1], 2 / 3);
  close(logSumExp([3, 3, 3, 3]), 3 + Math.log(4));
  const logP = logSoftmax([1, 2, 3]);
  const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
  [1, 2, 3].forEach((v, i) => close(logP[i], v - lse));
  assert.ok(softmax([1, 2]) instanceof Float64Array);
  assert.ok(logSoftmax([1, 2]) instanceof Float64Array);
});

test("finite for logits of ±1e300 and ±1e308", () => {
  assert.deepEqual(Array.from(softmax([1e300, -1e300, 0])), [1, 0, 0]);
  assert.equal(logSumExp([1e300, 1e300]), 1e300);
  assert.equal(logSumExp([-1e300, -1e300]), -1e300);
  assert.deepEqual(
    Array.from(logSoftmax([1e308, -1e308])),
    [0, -Infinity].map((v, i) => (i ? -Infinity : v)),
  );
  assert.deepEqual(Array.from(logSoftmax([1e300, -1e300])), [0, -2e300]);
  const p = softmax([-1e300, -1e300]);
  assert.deepEqual(Array.from(p), [0.5, 0.5]);
});

test("a dominant logit keeps a log-probability of −tiny, not 0", () => {
  const logP = logSoftmax([0, -50]);
  close(logP[0], -Math.exp(-50));
  close(logP[1], -50 - Math.exp(-50));
});

test("empty, NaN and infinite entries", () => {
  assert.equal(logSumExp([]), -Infinity);
  assert.equal(softmax([]).length, 0);
  assert.equal(logSoftmax([]).length, 0);
  assert.ok(Number.isNaN(logSumExp([1, NaN])));
  assert.ok(Array.from(softmax([1, NaN])).every(Number.isNaN));
  assert.equal(logSumExp([1, Infinity]), Infinity);
  assert.equal(logSumExp([-Infinity, -Infinity]), -Infinity);
  assert.equal(logSumExp([-Infinity, 0]), 0);
  assert.deepEqual(Array.from(softmax([Infinity, 1, Infinity])), [0.5, 0, 0.5]);
  assert.deepEqual(Array.from(logSoftmax([Infinity, 1])), [-0, -Infinity]);
  assert.ok(Array.from(softmax([-Infinity, -Infinity])).every(Number.isNaN));
  assert.deepEqual(Array.from(softmax([-Infinity, 0])), [0, 1]);
});

test("temperature: T scales the logits; bad temperatures are RangeErrors naming the argument", () => {
  const a = softmax([1, 2, 3], 2);
  const b = softmax([0.5, 1, 1.5]);
  a.forEach((v, i) => close(v, b[i]));
  const cold = softmax([1, 2, 3], 1e-3);
  assert.deepEqual(Array.from(cold), [0, 0, 1]);
  for (const t of [0, -1, NaN, Infinity]) {
    assert.throws(
      () => softmax([1, 2], t),
      (e: unknown) => e instanceof RangeError && /temperature/.test(e.message),
    );
  }
});

test("typed arrays in, and TypeErrors naming the argument for anything else", () => {
  close(logSumExp(new Float32Array([1, 2])), Math.log(Math.exp(1) + Math.exp(2)));
  assert.equal(softmax(new Float64Array([5]))[0], 1);
  for (const bad of [null, undefined, 3, "1,2", { length: 2 }, new DataView(new ArrayBuffer(8))]) {
    assert.throws(
      () => softmax(bad as never),
      (e: unknown) => e instanceof TypeError && /\bv\b/.test(e.message),
    );
    assert.throws(() => logSumExp(bad as never), TypeError);
  }
});

test("array kernels: shapes checked, outputs reusable", () => {
  const x = [-800, -1, 0, 1, 800];
  const out = new Float64Array(5);
  assert.equal(sigmoidInto(x, out), out);
  assert.deepEqual(Array.from(sigmoidArray(x)), Array.from(out));
  assert.throws(() => sigmoidInto(x, new Float64Array(4)), RangeError);
  assert.throws(() => softplusInto(x, new Float64Array(6)), RangeError);
  assert.throws(() => logSigmoidInto(null as never, out), TypeError);
  const rows = new Float64Array(3);
  softmaxInto([1, 2, 3], rows);
  close(rows[0] + rows[1] + rows[2], 1);
});

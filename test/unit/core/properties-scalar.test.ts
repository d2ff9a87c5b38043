// Properties of the scalar and vector kernels, checked with fast-check over random doubles. Each
// tolerance is derived from the rounding involved (named next to it), not tuned to pass.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  logit,
  logSigmoid,
  logSoftmax,
  logSumExp,
  sigmoid,
  sigmoidDerivative,
  softmax,
  softplus,
  tanhDerivative,
} from "../../../src/core/index";

const ULP_OF_ONE = 2 ** -52;
const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
const moderate = fc.double({ min: -50, max: 50, noNaN: true });
const logitVector = (min: number, max: number) =>
  fc.array(fc.double({ min, max, noNaN: true }), { minLength: 1, maxLength: 40 });
const runs = { numRuns: 2000 };

test("σ(−x) = 1 − σ(x), to within one ulp of 1 (the rounding of 1 − σ(x)) plus σ's own 1 ulp", () => {
  fc.assert(
    fc.property(anyFinite, (x) => Math.abs(sigmoid(-x) - (1 - sigmoid(x))) <= ULP_OF_ONE),
    runs,
  );
});

test("σ is monotone and stays in [0, 1]", () => {
  fc.assert(
    fc.property(anyFinite, anyFinite, (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const s = sigmoid(lo);
      return s <= sigmoid(hi) && s >= 0 && s <= 1;
    }),
    runs,
  );
});

test("logit(σ(x)) ≈ x where σ(x) carries the information (x ≤ 15)", () => {
  // An error of δ in p = σ(x) moves logit by δ/(p(1 − p)). σ has ≤ 1 ulp of p, so the error is
  // ≈ 2^−52 · p/(p(1 − p)) = 2^−52/(1 − p) = 2^−52 (1 + e^x); logit adds 1 ulp of |x|.
  fc.assert(
    fc.property(fc.double({ min: -700, max: 15, noNaN: true }), (x) => {
      const tolerance = 2 * ULP_OF_ONE * (1 + Math.exp(x)) + 2 * ULP_OF_ONE * Math.abs(x);
      return Math.abs(logit(sigmoid(x)) - x) <= tolerance;
    }),
    runs,
  );
});

test("σ' ≤ 0.25 everywhere, = 0.25 at 0, and < 0.25 once |x| ≥ 1e-7", () => {
  // σ'(x) = 1/4 − x²/16 + …; below |x| ≈ 2^−26 the difference is under half an ulp of 1/4.
  assert.equal(sigmoidDerivative(0), 0.25);
  fc.assert(
    fc.property(anyFinite, (x) => sigmoidDerivative(x) <= 0.25),
    runs,
  );
  fc.assert(
    fc.property(
      anyFinite.filter((x) => Math.abs(x) >= 1e-7),
      (x) => sigmoidDerivative(x) < 0.25,
    ),
    runs,
  );
});

test("σ'(x) = σ(x)σ(−x) and tanh'(x) = 4σ'(2x) (a few ulps)", () => {
  fc.assert(
    fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
      const product = sigmoid(x) * sigmoid(-x);
      const ok1 = Math.abs(sigmoidDerivative(x) - product) <= 4 * 2 ** -53 * product;
      const t = 4 * sigmoidDerivative(2 * x);
      const ok2 = Math.abs(tanhDerivative(x) - t) <= 4 * 2 ** -53 * t;
      return ok1 && ok2;
    }),
    runs,
  );
});

test("softplus(x) − softplus(−x) = x, and logSigmoid(x) = −softplus(−x) exactly", () => {
  fc.assert(
    fc.property(moderate, (x) => {
      // Each softplus is within 1 ulp of a value ≤ |x| + ln 2, so the difference is within 2 of those ulps.
      const tolerance = 4 * 2 ** -53 * (Math.abs(x) + 1);
      return (
        Math.abs(softplus(x) - softplus(-x) - x) <= tolerance &&
        Object.is(logSigmoid(x), -softplus(-x))
      );
    }),
    runs,
  );
});

test("softmax sums to 1 (within n ulps of 1) for logits up to ±1e300", () => {
  fc.assert(
    fc.property(logitVector(-1e300, 1e300), (v) => {
      const p = softmax(v);
      let sum = 0;
      for (const x of p) sum += x;
      return Math.abs(sum - 1) <= (v.length + 1) * ULP_OF_ONE && p.every((x) => x >= 0 && x <= 1);
    }),
    runs,
  );
});

test("softmax is shift-invariant: exact shifts give bit-identical results", () => {
  // Integers below 2^53 add exactly, so v + c has exactly the same differences v_i − max.
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }),
      fc.integer({ min: -1e9, max: 1e9 }),
      (v, c) => {
        const a = softmax(v);
        const b = softmax(v.map((x) => x + c));
        return a.every((x, i) => Object.is(x, b[i]));
      },
    ),
    runs,
  );
});

test("softmax([z, 0])[0] = σ(z) (≤ 2 ulp apart: both are within about an ulp of the truth)", () => {
  fc.assert(
    fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (z) => {
      const s = sigmoid(z);
      return Math.abs(softmax([z, 0])[0] - s) <= 2 * 2 ** -52 * s;
    }),
    runs,
  );
});

test("logSoftmax = log ∘ softmax wherever softmax is a normal double", () => {
  // log turns softmax's relative error (a few ulps) into an absolute error of the same size.
  fc.assert(
    fc.property(logitVector(-300, 300), (v) => {
      const p = softmax(v);
      const logP = logSoftmax(v);
      return p.every((x, i) => {
        if (!(x >= 2.2250738585072014e-308)) return logP[i] < -700;
        return (
          Math.abs(Math.log(x) - logP[i]) <=
          (v.length + 4) * 2 ** -52 * Math.max(1, Math.abs(logP[i]))
        );
      });
    }),
    runs,
  );
});

test("temperature: softmax(v, T) = softmax(v / T); colder is sharper; very hot is uniform", () => {
  fc.assert(
    fc.property(logitVector(-20, 20), fc.double({ min: 0.05, max: 20, noNaN: true }), (v, t) => {
      const hot = softmax(v, t);
      const scaled = softmax(v.map((x) => x / t));
      const sameAsScaled = hot.every((x, i) => Math.abs(x - scaled[i]) <= 1e-13);
      const colder = softmax(v, t / 2);
      const sharper = Math.max(...colder) >= Math.max(...hot) - 1e-15;
      const uniform = softmax(v, 1e12).every((x) => Math.abs(x - 1 / v.length) <= 1e-9);
      return sameAsScaled && sharper && uniform;
    }),
    runs,
  );
});

test("max(v) ≤ logSumExp(v) ≤ max(v) + ln n", () => {
  fc.assert(
    fc.property(logitVector(-1e300, 1e300), (v) => {
      const m = Math.max(...v);
      const lse = logSumExp(v);
      return lse >= m && lse <= m + Math.log(v.length) + 2 * ULP_OF_ONE * Math.max(1, Math.abs(m));
    }),
    runs,
  );
});

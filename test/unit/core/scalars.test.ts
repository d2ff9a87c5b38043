// Edge cases of the scalar kernels. Expected values are closed forms (σ(0) = 1/2, σ'(0) = 1/4,
// tanh'(0) = 1, logit(1/2) = 0) or limits (σ(±∞) = 1, 0); accuracy over the whole range is in
// scalars-accuracy.test.ts against mpmath.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  logit,
  logSigmoid,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  softplus,
  tanhDerivative,
} from "../../../src/core/index";

const EXTREMES = [
  0, -0, 5e-324, -5e-324, 1e-300, -1e-300, 709.78, -709.78, 745.13, -745.13, 1e308, -1e308,
];

test("closed forms at 0", () => {
  assert.equal(sigmoid(0), 0.5);
  assert.equal(sigmoid(-0), 0.5);
  assert.equal(sigmoidDerivative(0), 0.25);
  assert.equal(tanhDerivative(0), 1);
  assert.equal(softplus(0), Math.LN2);
  assert.equal(logSigmoid(0), -Math.LN2);
  assert.ok(Object.is(logit(0.5), 0), "logit(1/2) is +0");
});

test("limits at ±Infinity and NaN in, NaN out", () => {
  assert.equal(sigmoid(Infinity), 1);
  assert.equal(sigmoid(-Infinity), 0);
  assert.equal(sigmoidDerivative(Infinity), 0);
  assert.equal(sigmoidDerivative(-Infinity), 0);
  assert.equal(tanhDerivative(Infinity), 0);
  assert.equal(tanhDerivative(-Infinity), 0);
  assert.equal(softplus(Infinity), Infinity);
  assert.equal(softplus(-Infinity), 0);
  assert.equal(logSigmoid(-Infinity), -Infinity);
  assert.ok(Object.is(logSigmoid(Infinity), -0));
  assert.equal(relu(Infinity), Infinity);
  assert.equal(relu(-Infinity), 0);
  for (const fn of [
    sigmoid,
    sigmoidDerivative,
    tanhDerivative,
    softplus,
    logSigmoid,
    logit,
    relu,
    reluDerivative,
  ]) {
    assert.ok(Number.isNaN(fn(NaN)), `${fn.name}(NaN)`);
  }
});

test("no overflow and no NaN for any finite input, including the exp thresholds and ±1e308", () => {
  for (const x of EXTREMES) {
    for (const fn of [sigmoid, sigmoidDerivative, tanhDerivative, softplus, logSigmoid]) {
      const y = fn(x);
      assert.ok(Number.isFinite(y), `${fn.name}(${x}) = ${y}`);
    }
  }
  assert.equal(softplus(1e308), 1e308);
  assert.equal(logSigmoid(-1e308), -1e308);
  assert.equal(sigmoid(1e308), 1);
  assert.equal(sigmoid(-1e308), 0);
});

test("tails keep their relative precision where naive formulas round to 0 or 1", () => {
  // σ(−740) = e^−740/(1 + e^−740) ≈ e^−740, a subnormal; 1/(1 + e^740) would give 1/∞ = 0.
  assert.ok(sigmoid(-740) > 0);
  assert.equal(sigmoid(-40), Math.exp(-40) - Math.exp(-80) / (1 + Math.exp(-40)));
  // σ'(40) ≈ e^−40 (4.25e-18); s·(1 − s) gives 0 there.
  assert.ok(Math.abs(sigmoidDerivative(40) / Math.exp(-40) - 1) < 1e-15);
  assert.equal(sigmoid(40) * (1 - sigmoid(40)), 0);
  // tanh'(20) ≈ 4e^−40; 1 − tanh²(20) gives 0.
  assert.ok(Math.abs(tanhDerivative(20) / (4 * Math.exp(-40)) - 1) < 1e-15);
  // softplus(−50) = log1p(e^−50) ≈ e^−50; log(1 + e^−50) gives 0.
  assert.ok(Math.abs(softplus(-50) / Math.exp(-50) - 1) < 1e-15);
  // logSigmoid(−800) = −800 − log1p(e^−800) = −800; log(σ(−800)) is −∞.
  assert.equal(logSigmoid(-800), -800);
});

test("logit: ±Infinity at 1 and 0, NaN outside [0, 1], odd around 1/2", () => {
  assert.equal(logit(0), -Infinity);
  assert.equal(logit(-0), -Infinity);
  assert.equal(logit(1), Infinity);
  for (const p of [-1e-300, -0.5, 1 + 2 ** -52, 2, Infinity, -Infinity])
    assert.ok(Number.isNaN(logit(p)), `logit(${p})`);
  // logit(5e-324) = log(2^−1074) − log1p(−2^−1074) = −1074·ln 2.
  assert.equal(logit(5e-324), -1074 * Math.LN2);
  // 1 − 2^−53 is the largest double below 1: logit = log((1 − 2^−53)/2^−53) = 53 ln 2 + log1p(−2^−53).
  assert.equal(logit(1 - 2 ** -53), 53 * Math.LN2 - 2 ** -53);
  // 1 − p is exact for p ≥ 1/2 (Sterbenz), so there the symmetry holds bit for bit.
  for (const p of [0.5 + 2 ** -53, 0.7, 0.75, 0.9, 1 - 2 ** -53])
    assert.equal(logit(p), -logit(1 - p));
});

test("relu and its derivative (PyTorch's convention: 0 at x = 0)", () => {
  assert.equal(relu(2.5), 2.5);
  assert.equal(relu(-2.5), 0);
  assert.ok(Object.is(relu(-0), 0));
  assert.equal(reluDerivative(2.5), 1);
  assert.equal(reluDerivative(0), 0);
  assert.equal(reluDerivative(-1e-300), 0);
  assert.equal(reluDerivative(5e-324), 1);
});

test("σ' and tanh' are even", () => {
  for (const x of [1e-8, 0.5, 3, 37, 400, 744]) {
    assert.equal(sigmoidDerivative(-x), sigmoidDerivative(x));
    assert.equal(tanhDerivative(-x), tanhDerivative(x));
  }
});

// The Lab state: every saved state or intent, however malformed, becomes a valid state, and every
// control clamps with a note instead of producing NaN. Expected numbers are the limits in LIMITS
// and closed forms (floor(sqrt(2^20 / 200)) = 72).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import {
  LAB_STATE_VERSION,
  MAX_NETWORK_WEIGHTS,
  applyIntent,
  clampControl,
  defaultLabState,
  fitNetwork,
  fitSteps,
  sanitizeIntent,
  sanitizeLabState,
} from "../../../src/shared/labState";

test("depth 10,000 typed into the box is clamped to 200 with a note", () => {
  const clamped = clampControl("depth", 10_000);
  assert.equal(clamped.value, 200);
  assert.match(clamped.note!, /depth 10000 is above 200; using 200/);
});

test("counting controls round to whole numbers and say so", () => {
  assert.deepEqual(clampControl("width", 31.6), {
    value: 32,
    note: "width must be a whole number; using 32",
  });
  assert.deepEqual(clampControl("samples", 4), { value: 4 });
});

test("NaN and infinities never reach a view", () => {
  for (const value of [NaN, Infinity, -Infinity]) {
    const clamped = clampControl("x", value);
    assert.equal(clamped.value, 0);
    assert.ok(clamped.note);
    assert.equal(clampControl("depth", value).value, 1);
  }
});

test("a network past the weight budget keeps the control just set and shrinks the other", () => {
  const deep = fitNetwork(200, 512, "depth");
  assert.equal(deep.depth, 200);
  assert.equal(deep.width, 36); // floor(sqrt(2^18 / 200))
  assert.ok(deep.depth * deep.width ** 2 <= MAX_NETWORK_WEIGHTS);
  assert.match(deep.note!, /so width is 36/);
  const wide = fitNetwork(200, 512, "width");
  assert.deepEqual([wide.depth, wide.width], [1, 512]); // floor(2^18 / 512²)
  assert.deepEqual(fitNetwork(20, 32, "depth"), { depth: 20, width: 32 });
});

test("training steps are bounded by the work they cost", () => {
  assert.deepEqual(fitSteps(30, 20, 32), { steps: 30 });
  const big = fitSteps(200, 200, 36);
  assert.equal(big.steps, 8); // floor(2^21 / (200·36²))
  assert.ok(big.note);
});

test("the default state survives sanitising unchanged, without problems", () => {
  const defaults = defaultLabState();
  const { state, problems } = sanitizeLabState(JSON.parse(JSON.stringify(defaults)));
  assert.deepEqual(state, defaults);
  assert.deepEqual(problems, []);
});

test("a state from an older version or of the wrong type gives the defaults and a problem", () => {
  for (const input of [{ version: 0, view: "softmax" }, "activations", 42, null, []]) {
    const { state, problems } = sanitizeLabState(input);
    assert.deepEqual(state, defaultLabState());
    assert.equal(problems.length, 1);
  }
  assert.deepEqual(sanitizeLabState(undefined).problems, []);
});

test("a version-1 state saved before the new views existed keeps its activations", () => {
  const { state, problems } = sanitizeLabState({
    version: LAB_STATE_VERSION,
    view: "activations",
    activations: { x: 2.5, gain: 1, range: 10, curves: ["tanh", "bogus"] },
  });
  assert.equal(state.activations.x, 2.5);
  assert.deepEqual(state.activations.curves, ["tanh"]);
  assert.deepEqual(state.vanishing, defaultLabState().vanishing);
  assert.deepEqual(state.softmax, defaultLabState().softmax);
  assert.equal(problems.length, 2);
});

test("malformed fields are replaced one by one", () => {
  const { state } = sanitizeLabState({
    version: LAB_STATE_VERSION,
    view: "vanishing",
    activations: {},
    vanishing: { depth: 10_000, width: "wide", activation: "gelu", init: "he", seed: -5 },
    softmax: {
      logits: [1, "2"],
      temperature: 0,
      target: 7,
      classes: 9,
      points: [
        { x: 1, y: 2, label: 1 },
        { x: NaN, y: 0, label: 0 },
        { x: 99, y: 0, label: 2 },
        "p",
      ],
      brush: 4,
    },
  });
  assert.equal(state.view, "vanishing");
  assert.equal(state.vanishing.depth, 200);
  assert.equal(state.vanishing.width, 16);
  assert.equal(state.vanishing.activation, "sigmoid");
  assert.equal(state.vanishing.init, "he");
  assert.equal(state.vanishing.seed, 0);
  assert.deepEqual(state.softmax.logits, [2, 1, 0.1]);
  assert.equal(state.softmax.temperature, 0.05);
  assert.equal(state.softmax.target, 0);
  assert.equal(state.softmax.classes, 5);
  assert.deepEqual(state.softmax.points, [
    { x: 1, y: 2, label: 1 },
    { x: 5, y: 0, label: 2 },
  ]);
  assert.equal(state.softmax.brush, 4);
});

test("intents set the view, the probe, the network and the logits, clamped", () => {
  const { intent, problems } = sanitizeIntent({
    view: "vanishing",
    depth: 10_000,
    width: 512,
    activation: "relu",
  });
  assert.deepEqual(problems, []);
  const state = applyIntent(defaultLabState(), intent);
  assert.equal(state.view, "vanishing");
  assert.deepEqual([state.vanishing.depth, state.vanishing.width], [200, 36]);
  assert.equal(state.vanishing.activation, "relu");

  const one = applyIntent(defaultLabState(), { view: "softmax", logits: [3] });
  assert.deepEqual(one.softmax.logits, [3, 0]); // σ(3) shown as softmax([3, 0])
  const many = applyIntent(defaultLabState(), { logits: Array.from({ length: 32 }, (_, i) => i) });
  assert.equal(many.softmax.logits.length, 8);
  assert.equal(applyIntent(defaultLabState(), { x: 2.5 }).activations.x, 2.5);
});

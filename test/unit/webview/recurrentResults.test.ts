// The LSTM & GRU view keeps each cell's forward pass and gradient by a key of what they depend on,
// and recomputes only cells whose key changed. These tests hold the keys to that: two presets that
// share a key must give the same weights, bit for bit (else a reused gradient would be wrong), and
// what CellResults hands back must be what computing afresh gives (runCell, gradientOf).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { WEIGHT_PRESETS } from "../../../src/shared/recurrentState";
import { CellResults, presetWeightsKey } from "../../../webview/views/recurrent/cellResults";
import { presetInputs } from "../../../webview/views/recurrent/inputs";
import { gradientOf, runCell } from "../../../webview/views/recurrent/simulation";
import { weightsFor } from "../../../webview/views/recurrent/weights";

const presets = WEIGHT_PRESETS.filter((p) => p !== "stateDict");
const kinds = ["lstm", "gru", "rnn"] as const;

test("presets with the same weights key have the same weights; different keys, different weights", () => {
  let shared = 0;
  for (const kind of kinds) {
    for (const a of presets) {
      for (const b of presets) {
        const wa = weightsFor(a, kind, 5, 2, 3);
        const wb = weightsFor(b, kind, 5, 2, 3);
        const same = presetWeightsKey(a, kind) === presetWeightsKey(b, kind);
        assert.equal(
          ["weightIh", "weightHh", "biasIh", "biasHh"].every((name) => {
            const x = wa[name as "weightIh"];
            const y = wb[name as "weightIh"];
            return x.every((v, k) => Object.is(v, y[k]));
          }),
          same,
          `${kind}: ${a} vs ${b}`,
        );
        if (same && a !== b) shared++;
      }
    }
  }
  // The hand-set presets all leave the plain RNN as it is: its gradient is reused across them.
  assert.ok(shared >= 12, `only ${shared} preset pairs share a key`);
});

test("CellResults: the run and the gradient are runCell's and gradientOf's, a pass at a time", () => {
  const inputs = presetInputs("sine", 40, 2, 9, 1);
  const results = new CellResults(9);
  for (const kind of kinds) {
    const weights = weightsFor("remember", kind, 6, 2, 4);
    const key = `k-${kind}`;
    assert.equal(results.passesLeft(key), 2);
    assert.equal(results.gradient(key), undefined);
    const run = results.run(key, weights, inputs);
    assert.deepEqual(run, runCell(weights, inputs));
    assert.equal(results.passesLeft(key), 1, "the run's forward pass serves the gradient");
    results.advance(key, weights, inputs);
    assert.equal(results.passesLeft(key), 0);
    assert.deepEqual(results.gradient(key), gradientOf(weights, inputs));
    assert.equal(results.run(key, weights, inputs), run, "kept, not recomputed");
  }
});

test("CellResults keeps the most recently used cells up to its capacity", () => {
  const inputs = presetInputs("first", 10, 1, 5, 1);
  const weights = weightsFor("random", "rnn", 3, 1, 1);
  const results = new CellResults(2);
  results.completeGradient("a", weights, inputs);
  results.completeGradient("b", weights, inputs);
  results.run("a", weights, inputs); // a is now the most recent
  results.completeGradient("c", weights, inputs);
  assert.ok(results.gradient("a"));
  assert.equal(results.gradient("b"), undefined, "the least recently used is dropped");
  assert.ok(results.gradient("c"));
  // Reading a gradient does not make it recent; touch does (the view touches the cells on screen).
  results.touch(["a"]);
  results.completeGradient("d", weights, inputs);
  assert.ok(results.gradient("a"), "touched, so kept");
  assert.equal(results.gradient("c"), undefined);
});

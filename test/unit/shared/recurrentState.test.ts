// The LSTM & GRU view's part of the saved state: clamped, whole numbers, a pasted state_dict
// kept only when small, and an intent's cell applied.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import {
  MAX_SAVED_STATE_DICT_CHARS,
  clampRecurrent,
  defaultRecurrentState,
  sanitizeRecurrent,
} from "../../../src/shared/recurrentState";
import { applyIntent, defaultLabState, sanitizeLabState } from "../../../src/shared/labState";

test("defaults: LSTM, H = 16, T = 100, remember the first input, forget bias +5", () => {
  const d = defaultRecurrentState();
  assert.equal(d.cell, "lstm");
  assert.equal(d.hidden, 16);
  assert.equal(d.steps, 100);
  assert.equal(d.input, "first");
  assert.equal(d.weights, "remember");
  assert.deepEqual(sanitizeRecurrent(undefined), d);
});

test("sizes are clamped to H 1–64, I 1–16, T 1–500, with a note", () => {
  assert.deepEqual(clampRecurrent("hidden", 100), {
    value: 64,
    note: "hidden 100 is above 64; using 64",
  });
  assert.equal(clampRecurrent("steps", 0).value, 1);
  assert.equal(clampRecurrent("inputSize", 2.6).value, 3);
  const s = sanitizeRecurrent({ hidden: 1e9, inputSize: -3, steps: 501, cell: "transformer" });
  assert.equal(s.hidden, 64);
  assert.equal(s.inputSize, 1);
  assert.equal(s.steps, 500);
  assert.equal(s.cell, "lstm");
});

test("a pasted state_dict is kept when small; a big one keeps only its description", () => {
  const loaded = { kind: "gru", hidden: 5, inputSize: 3, name: "pasted", chars: 10, stamp: 1 };
  const small = sanitizeRecurrent({ weights: "stateDict", loaded: { ...loaded, json: "{}" } });
  assert.equal(small.weights, "stateDict");
  assert.equal(small.loaded?.json, "{}");
  const big = sanitizeRecurrent({
    weights: "stateDict",
    loaded: { ...loaded, json: " ".repeat(MAX_SAVED_STATE_DICT_CHARS + 1) },
  });
  assert.equal(big.loaded?.json, undefined);
  assert.equal(big.loaded?.hidden, 5);
});

test("weights: a state_dict with nothing loaded falls back to seeded random", () => {
  assert.equal(sanitizeRecurrent({ weights: "stateDict" }).weights, "random");
  assert.equal(
    sanitizeRecurrent({ weights: "stateDict", loaded: { kind: "cnn" } }).weights,
    "random",
  );
});

test("a whole LabState restores its recurrent part, and an intent's cell is applied", () => {
  const saved = { ...defaultLabState(), recurrent: { ...defaultRecurrentState(), cell: "gru" } };
  const { state } = sanitizeLabState(JSON.parse(JSON.stringify(saved)));
  assert.equal(state.recurrent.cell, "gru");
  const next = applyIntent(state, { view: "recurrent", cell: "rnn" });
  assert.equal(next.view, "recurrent");
  assert.equal(next.recurrent.cell, "rnn");
});

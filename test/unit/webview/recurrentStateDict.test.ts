// A pasted nn.LSTM / nn.GRU state_dict: the PyTorch 1.13 fixtures (test/fixtures/recurrent/
// generate.py) load and give PyTorch's own h_t, c_t and gradient through time; wrong shapes are
// refused with the key and the shape expected.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { MAX_STATE_DICT_CHARS, loadStateDict } from "../../../webview/views/recurrent/stateDict";
import { gradientOf, runCell } from "../../../webview/views/recurrent/simulation";
import { speak } from "./words";

// The errors are checked in the words an English page shows.
speak("en");

const fixtures = path.join(import.meta.dirname, "../../fixtures/recurrent");
const read = (name: string) => readFileSync(path.join(fixtures, name), "utf8");
const expected = JSON.parse(read("expected.json")) as {
  inputs: number[][];
  lstm: { h: number[][]; c: number[][]; gradientThroughTime: number[] };
  gru: { h: number[][]; gradientThroughTime: number[] };
};
const inputs = {
  values: Float64Array.from(expected.inputs.flat()),
  steps: expected.inputs.length,
  inputSize: expected.inputs[0].length,
};

function close(actual: ArrayLike<number>, wanted: number[], what: string, tolerance = 1e-12) {
  assert.equal(actual.length, wanted.length, `${what}: length`);
  for (let k = 0; k < wanted.length; k++) {
    const scale = Math.max(1, Math.abs(wanted[k]));
    assert.ok(
      Math.abs(actual[k] - wanted[k]) <= tolerance * scale,
      `${what}[${k}]: ${actual[k]} vs PyTorch ${wanted[k]}`,
    );
  }
}

test("an nn.LSTM(3, 5) state_dict gives PyTorch's h_t, c_t and gradient through time", () => {
  const loaded = loadStateDict("lstm", read("lstm_state_dict.json"));
  assert.ok(loaded.ok, loaded.ok ? "" : loaded.error);
  assert.equal(loaded.weights.hidden, 5);
  assert.equal(loaded.weights.inputSize, 3);
  const run = runCell(loaded.weights, inputs);
  close(run.series.find((s) => s.id === "hidden")!.values, expected.lstm.h.flat(), "h");
  close(run.series.find((s) => s.id === "cell")!.values, expected.lstm.c.flat(), "c");
  close(gradientOf(loaded.weights, inputs), expected.lstm.gradientThroughTime, "grad", 1e-10);
});

test("an nn.GRU(3, 5) state_dict gives PyTorch's h_t and gradient through time", () => {
  const loaded = loadStateDict("gru", read("gru_state_dict.json"));
  assert.ok(loaded.ok, loaded.ok ? "" : loaded.error);
  const run = runCell(loaded.weights, inputs);
  close(run.series.find((s) => s.id === "hidden")!.values, expected.gru.h.flat(), "h");
  close(gradientOf(loaded.weights, inputs), expected.gru.gradientThroughTime, "grad", 1e-10);
});

test("a wrong shape names the key and the shape expected", () => {
  const dict = JSON.parse(read("lstm_state_dict.json")) as Record<string, number[][]>;
  dict.weight_ih_l0 = dict.weight_ih_l0.slice(0, 7);
  const loaded = loadStateDict("lstm", JSON.stringify(dict));
  assert.equal(loaded.ok, false);
  const error = loaded.ok ? "" : loaded.error;
  assert.match(error, /weight_ih_l0/);
  assert.match(error, /expected 20×3 \(4·hidden × input\), got 7×3/);
});

test("a GRU's state_dict offered as an LSTM's says which cell it fits", () => {
  const loaded = loadStateDict("lstm", read("gru_state_dict.json"));
  assert.equal(loaded.ok, false);
  const error = loaded.ok ? "" : loaded.error;
  assert.match(error, /weight_hh_l0/);
  assert.match(error, /nn\.GRU: choose GRU/);
});

test("invalid JSON, a missing key and sizes beyond the panel's are refused", () => {
  const broken = loadStateDict("lstm", '{"weight_ih_l0": [[1, 2]');
  assert.match(broken.ok ? "" : broken.error, /invalid JSON/);
  const missing = loadStateDict("gru", '{"weight_ih_l0": [[1]]}');
  assert.match(missing.ok ? "" : missing.error, /weight_hh_l0/);
  const hidden = 65;
  const big = {
    weight_ih_l0: Array.from({ length: 4 * hidden }, () => [0]),
    weight_hh_l0: Array.from({ length: 4 * hidden }, () => new Array<number>(hidden).fill(0)),
  };
  const tooBig = loadStateDict("lstm", JSON.stringify(big));
  assert.match(tooBig.ok ? "" : tooBig.error, /weight_hh_l0: expected hidden size at most 64/);
  const huge = loadStateDict("lstm", " ".repeat(MAX_STATE_DICT_CHARS + 1));
  assert.match(huge.ok ? "" : huge.error, /at most 4 MB/);
});

test("a state_dict without biases (bias=False) counts them as zeros", () => {
  const dict = JSON.parse(read("gru_state_dict.json")) as Record<string, unknown>;
  delete dict.bias_ih_l0;
  delete dict.bias_hh_l0;
  const loaded = loadStateDict("gru", JSON.stringify(dict));
  assert.ok(loaded.ok);
  assert.deepEqual(Array.from(loaded.weights.biasIh), new Array(15).fill(0));
});

// Input sequences of the LSTM & GRU view: the presets' closed forms, and typed rows parsed with
// errors that name the line and the count expected.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { createRng } from "../../../src/core";
import {
  inputSeed,
  inputsOf,
  parseTypedInputs,
  presetInputs,
} from "../../../webview/views/recurrent/inputs";
import { defaultRecurrentState } from "../../../src/shared/recurrentState";
import { speak } from "./words";

// The errors are checked in the words an English page shows.
speak("en");

test("remember the first input: 1 at t = 0, then silence", () => {
  const { values, steps, inputSize } = presetInputs("first", 6, 1, 10, 1);
  assert.equal(steps, 6);
  assert.equal(inputSize, 1);
  assert.deepEqual(Array.from(values), [1, 0, 0, 0, 0, 0]);
});

test("with two inputs, input j sees the signal j steps later", () => {
  const { values } = presetInputs("first", 3, 2, 10, 1);
  assert.deepEqual(Array.from(values), [1, 0, 0, 1, 0, 0]);
});

test("a repeating pulse every `period` steps", () => {
  const { values } = presetInputs("pulse", 9, 1, 4, 1);
  assert.deepEqual(Array.from(values), [1, 0, 0, 0, 1, 0, 0, 0, 1]);
});

test("a sine of the given period: sin(2πt/period)", () => {
  const { values } = presetInputs("sine", 5, 1, 4, 1);
  // Closed form: sin(0), sin(π/2), sin(π), sin(3π/2), sin(2π).
  const expected = [0, 1, 0, -1, 0];
  values.forEach((v, t) => assert.ok(Math.abs(v - expected[t]) < 1e-15, `t = ${t}: ${v}`));
});

test("seeded random inputs are N(0, 1) from their own stream, seed·8 + 7", () => {
  const a = presetInputs("random", 4, 3, 10, 42);
  const b = presetInputs("random", 4, 3, 10, 42);
  assert.deepEqual(a.values, b.values);
  const rng = createRng(inputSeed(42));
  assert.equal(a.values[0], rng.normal());
  assert.notDeepEqual(presetInputs("random", 4, 3, 10, 43).values, a.values);
});

test("typed numbers: one row per step, spaces, commas or semicolons, comments skipped", () => {
  const parsed = parseTypedInputs("# x1 x2\n1, 2\n\n3 4\n-0.5;1e-3\n", 2);
  assert.ok(parsed.ok);
  assert.equal(parsed.sequence.steps, 3);
  assert.deepEqual(Array.from(parsed.sequence.values), [1, 2, 3, 4, -0.5, 0.001]);
});

test("typed numbers: a row with the wrong count names the line and the input size", () => {
  const parsed = parseTypedInputs("1 2\n3\n", 2);
  assert.equal(parsed.ok, false);
  assert.match(
    !parsed.ok ? parsed.error : "",
    /line 2: expected 2 numbers \(the input size\), got 1/,
  );
});

test("typed numbers: a word is not a number, and its line is named", () => {
  const parsed = parseTypedInputs("1\nabc\n", 1);
  assert.equal(parsed.ok, false);
  assert.match(!parsed.ok ? parsed.error : "", /line 2: "abc" is not a finite number/);
});

test("typed numbers: at most 500 rows, at least one", () => {
  assert.equal(parseTypedInputs("1\n".repeat(501), 1).ok, false);
  assert.equal(parseTypedInputs("1\n".repeat(500), 1).ok, true);
  const empty = parseTypedInputs("\n# nothing\n", 1);
  assert.match(!empty.ok ? empty.error : "", /at least one row/);
});

test("inputsOf follows the state's preset", () => {
  const state = { ...defaultRecurrentState(), input: "typed" as const, typed: "1\n2\n3" };
  const typed = inputsOf(state, 1);
  assert.ok(typed.ok && typed.sequence.steps === 3);
  const first = inputsOf({ ...state, input: "first", steps: 7 }, 1);
  assert.ok(first.ok && first.sequence.steps === 7);
});

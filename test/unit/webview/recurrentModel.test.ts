// The LSTM & GRU view's weights and the story its presets tell, computed by the math core:
// seeded weights follow PyTorch's default init; "remember" (forget bias +5) keeps C_t, while the
// tanh RNN's gradient through time vanishes; the step-through's filled-in equations agree with the
// core's gates; the CSV has one column per gate and unit.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { presetInputs } from "../../../webview/views/recurrent/inputs";
import { gradientOf, runCell, traceOf, valueAt } from "../../../webview/views/recurrent/simulation";
import { stepEquations } from "../../../webview/views/recurrent/equations";
import { recurrentCsv } from "../../../webview/views/recurrent/csv";
import {
  PRESET_PINS,
  presetWeights,
  randomWeights,
  weightsFor,
} from "../../../webview/views/recurrent/weights";

test("seeded weights: PyTorch's default init U(−1/√H, 1/√H), same seed same weights", () => {
  const w = randomWeights("lstm", 16, 3, 7);
  assert.equal(w.weightIh.length, 64 * 3);
  assert.equal(w.weightHh.length, 64 * 16);
  assert.equal(w.biasIh.length, 64);
  const k = 1 / Math.sqrt(16);
  for (const v of [...w.weightIh, ...w.weightHh, ...w.biasIh, ...w.biasHh]) {
    assert.ok(Math.abs(v) <= k, `${v} outside ±${k}`);
  }
  assert.deepEqual(randomWeights("lstm", 16, 3, 7), w);
  // Each cell kind draws from its own stream.
  assert.notEqual(randomWeights("gru", 16, 3, 7).weightIh[0], w.weightIh[0]);
});

test("hand-set presets pin input 0's weight and the whole bias of a gate block", () => {
  const w = presetWeights("remember", "lstm", 4, 2, 1);
  const forget = PRESET_PINS.remember.lstm[1];
  for (let unit = 0; unit < 4; unit++) {
    const row = forget.block * 4 + unit;
    assert.equal(w.biasIh[row] + w.biasHh[row], 5, "forget bias +5");
    assert.equal(w.weightIh[row * 2], 0);
  }
  assert.equal(presetWeights("forget", "lstm", 4, 2, 1).biasIh[4], -5, "forget bias −5");
});

test("remember the first input: the LSTM with forget bias +5 keeps C_t above half of C_0 at t = 50", () => {
  for (const hidden of [1, 16, 64]) {
    const inputs = presetInputs("first", 100, 1, 10, 1);
    const run = runCell(weightsFor("remember", "lstm", hidden, 1, 1), inputs);
    const cell = run.series.find((s) => s.id === "cell")!.values;
    for (let unit = 0; unit < hidden; unit++) {
      // σ(5)^50 ≈ 0.715: what f_t ≈ σ(5) leaves of C_0 after 50 steps.
      const kept = cell[50 * hidden + unit] / cell[unit];
      assert.ok(kept > 0.5 && kept < 0.8, `H = ${hidden}, unit ${unit + 1}: C_50/C_0 = ${kept}`);
    }
  }
});

test("…with forget bias −5 the cell state is gone after one step", () => {
  const inputs = presetInputs("first", 20, 1, 10, 1);
  const run = runCell(weightsFor("forget", "lstm", 8, 1, 1), inputs);
  const cell = run.series.find((s) => s.id === "cell")!.values;
  for (let unit = 0; unit < 8; unit++) assert.ok(Math.abs(cell[8 + unit]) < 0.02 * cell[unit]);
});

test("…while the tanh RNN's gradient through time at t = 0 is below 1e-6 of the last step's", () => {
  for (const steps of [50, 100, 500]) {
    const inputs = presetInputs("first", steps, 1, 10, 1);
    const rnn = gradientOf(weightsFor("remember", "rnn", 16, 1, 1), inputs);
    assert.ok(rnn[0] / rnn[steps - 1] < 1e-6, `T = ${steps}: ${rnn[0] / rnn[steps - 1]}`);
    const lstm = gradientOf(weightsFor("remember", "lstm", 16, 1, 1), inputs);
    assert.ok(lstm[0] / lstm[steps - 1] > 0.1, `T = ${steps}: LSTM keeps its gradient`);
  }
});

test("the step-through's equations reproduce the core's gates at every step", () => {
  const inputs = presetInputs("sine", 30, 2, 7, 1);
  for (const kind of ["lstm", "gru", "rnn"] as const) {
    const weights = weightsFor("random", kind, 6, 2, 3);
    const run = runCell(weights, inputs);
    for (const t of [0, 1, 17, 29]) {
      for (const unit of [0, 5]) {
        const lines = stepEquations(weights, inputs, run, t, unit, String);
        for (const line of lines) {
          // The filled-in formula, evaluated: σ(a) / tanh(a) of the printed pre-activation.
          const sigma = /^σ\((.+)\)$/.exec(line.filled);
          const tanh = /^tanh\(([^+·]+)\)$/.exec(line.filled);
          if (sigma) {
            const a = Number(sigma[1]);
            assert.ok(
              Math.abs(1 / (1 + Math.exp(-a)) - line.value) < 1e-12,
              `${kind} ${line.symbol}`,
            );
          } else if (tanh) {
            assert.ok(
              Math.abs(Math.tanh(Number(tanh[1])) - line.value) < 1e-12,
              `${kind} ${line.symbol}`,
            );
          }
        }
        const h = run.series.find((s) => s.id === "hidden")!.values[t * 6 + unit];
        assert.equal(lines[lines.length - 1].value, h, `${kind}: the last line is h_t`);
      }
    }
  }
});

test("the LSTM's C_t line is f_t·C_{t−1} + i_t·C̃_t with the core's numbers", () => {
  const inputs = presetInputs("pulse", 12, 1, 3, 1);
  const weights = weightsFor("remember", "lstm", 3, 1, 2);
  const run = runCell(weights, inputs);
  const lines = stepEquations(weights, inputs, run, 4, 1, String);
  const value = (s: string) => lines.find((l) => l.symbol === s)!.value;
  const cPrev = run.series.find((s) => s.id === "cell")!.values[3 * 3 + 1];
  assert.ok(Math.abs(value("f_t") * cPrev + value("i_t") * value("C̃_t") - value("C_t")) < 1e-15);
});

test("CSV: t, the inputs, every gate of every unit, and the three gradients", () => {
  const inputs = presetInputs("first", 5, 2, 10, 1);
  const run = runCell(weightsFor("random", "gru", 3, 2, 1), inputs);
  const gradients = (["rnn", "lstm", "gru"] as const).map((kind) => ({
    kind,
    values: gradientOf(weightsFor("random", kind, 3, 2, 1), inputs),
  }));
  const { headers, rows } = recurrentCsv(inputs, run, gradients);
  assert.equal(headers.length, 1 + 2 + 4 * 3 + 3);
  assert.equal(headers[3], "gru_reset_1");
  assert.equal(rows.length, 5);
  assert.equal(rows[0][1], 1);
  assert.equal(rows[4][headers.length - 1], gradients[2].values[4]);
});

test("gate series read the forward pass's gate blocks in place: step t, unit u of gate k at (4t + k)·H + u", () => {
  // The trace keeps [i | f | g | o] per step (LSTM), [r | z | n] (GRU); each series names its block.
  const inputs = presetInputs("sine", 6, 2, 4, 1);
  for (const [kind, ids] of [
    ["lstm", ["input", "forget", "candidate", "output"]],
    ["gru", ["reset", "update", "candidate"]],
  ] as const) {
    const weights = weightsFor("random", kind, 3, 2, 1);
    const trace = traceOf(weights, inputs);
    const run = runCell(weights, inputs);
    ids.forEach((id, block) => {
      const series = run.series.find((s) => s.id === id)!;
      for (let t = 0; t < 6; t++) {
        for (let u = 0; u < 3; u++) {
          assert.equal(valueAt(series, t, u), trace.gates[(ids.length * t + block) * 3 + u]);
        }
      }
    });
    const hidden = run.series.find((s) => s.id === "hidden")!;
    assert.equal(valueAt(hidden, 5, 2), trace.outputs[5 * 3 + 2]);
    const { headers, rows } = recurrentCsv(inputs, run, []);
    const column = headers.indexOf(`${kind}_${ids[1]}_2`);
    assert.equal(rows[4][column], trace.gates[(ids.length * 4 + 1) * 3 + 1]);
  }
});

// The exported PyTorch script reproduces the LSTM & GRU view's numbers: run with /usr/bin/python3
// and PyTorch (skipped where there is none), its gradient through time for the three cells matches
// the panel's (printed with 7 significant digits) and its written-out gates match nn.LSTM / nn.GRU.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { defaultRecurrentState, type RecurrentState } from "../../../src/shared/recurrentState";
import { inputsOf } from "../../../webview/views/recurrent/inputs";
import { recurrentScript } from "../../../webview/views/recurrent/script";
import { gradientOf } from "../../../webview/views/recurrent/simulation";
import { loadStateDict } from "../../../webview/views/recurrent/stateDict";
import { type CellWeights, weightsFor } from "../../../webview/views/recurrent/weights";

const python = "/usr/bin/python3";
const hasTorch =
  existsSync(python) && spawnSync(python, ["-c", "import torch"], { timeout: 60_000 }).status === 0;

function check(r: RecurrentState, loaded?: CellWeights) {
  const hidden = loaded?.hidden ?? r.hidden;
  const inputSize = loaded?.inputSize ?? r.inputSize;
  const typed = inputsOf(r, inputSize);
  assert.ok(typed.ok);
  const inputs = typed.sequence;
  const preset = r.weights === "stateDict" ? "random" : r.weights;
  const weights = Object.fromEntries(
    (["lstm", "gru", "rnn"] as const).map((kind) => [
      kind,
      loaded?.kind === kind ? loaded : weightsFor(preset, kind, hidden, inputSize, r.seed),
    ]),
  ) as Record<"lstm" | "gru" | "rnn", CellWeights>;
  const script = recurrentScript({ state: r, inputs, weights, hidden, inputSize, loaded });
  const out = execFileSync(python, ["-"], { input: script, timeout: 120_000 }).toString();
  const agree = /agree with nn\.\w+'s output to ([\d.e+-]+)/.exec(out);
  assert.ok(agree && Number(agree[1]) < 1e-12, `gates vs module: ${agree?.[1]}`);
  const table = out
    .split("||d sum(h_T)/dx_t||")[1]
    .trim()
    .split("\n")
    .slice(1, 1 + inputs.steps);
  const panel = (["rnn", "lstm", "gru"] as const).map((kind) => gradientOf(weights[kind], inputs));
  table.forEach((line, t) => {
    const numbers = line.trim().split(/\s+/).map(Number);
    assert.equal(numbers[0], t);
    panel.forEach((values, k) => {
      const torch = numbers[k + 1];
      const scale = Math.max(Math.abs(values[t]), 1e-300);
      assert.ok(
        Math.abs(torch - values[t]) <= 1e-6 * scale,
        `t = ${t}, cell ${k}: PyTorch ${torch}, panel ${values[t]}`,
      );
    });
  });
}

test(
  "remember the first input, forget bias +5: the script's numbers are the panel's",
  { skip: !hasTorch },
  () => {
    check({ ...defaultRecurrentState(), hidden: 6, steps: 40 });
  },
);

test("GRU, seeded random weights, random inputs with I = 3", { skip: !hasTorch }, () => {
  check({
    ...defaultRecurrentState(),
    cell: "gru",
    hidden: 4,
    inputSize: 3,
    steps: 25,
    weights: "random",
    input: "random",
    seed: 9,
  });
});

test("tanh RNN, typed inputs, output gate closed", { skip: !hasTorch }, () => {
  check({
    ...defaultRecurrentState(),
    cell: "rnn",
    hidden: 3,
    inputSize: 2,
    input: "typed",
    typed: "1 0\n0 1\n0.5 -0.5\n0 0",
    weights: "outputClosed",
  });
});

test("a pasted nn.LSTM state_dict is embedded and reproduced", { skip: !hasTorch }, () => {
  const text = readFileSync(
    path.join(import.meta.dirname, "../../fixtures/recurrent/lstm_state_dict.json"),
    "utf8",
  );
  const loaded = loadStateDict("lstm", text);
  assert.ok(loaded.ok);
  check(
    { ...defaultRecurrentState(), weights: "stateDict", input: "sine", period: 6, steps: 30 },
    loaded.weights,
  );
});

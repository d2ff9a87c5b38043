// Recurrent cells against PyTorch 1.13 float64 (test/fixtures/torch/core.json): torch.nn.LSTM,
// GRU and RNN modules whose state_dicts are loaded here through fromStateDict, so PyTorch's
// parameter layout is what is tested; gradientThroughTime against autograd
// (x.grad.norm(dim=-1) after outputs[-1].sum().backward()). 1e-12 relative.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createGruCell,
  createLstmCell,
  createRnnCell,
  fromStateDict,
  gradientThroughTime,
  gru,
  lstm,
  rnn,
} from "../../../src/core";
import type { LstmStepResult, RecurrentKind, RnnNonlinearity } from "../../../src/core";
import {
  Json,
  assertClose,
  printWorstRelativeErrors,
  torchFixture,
} from "../../fixtures/torch/fixture";

const rtol = 1e-12;
// A hidden value that is a sum cancelling to ~0 has no meaningful relative error; 1e-15 absolute
// is ~5 ulp of the O(1) terms it is made of.
const atol = 1e-15;

/**
 * Backpropagation reads tanh' = 1 − h² from the saved h; where h ≈ ±1 a last-bit difference in h
 * (summation order) becomes a relative error of 2h²/(1 − h²) ulp in that step's factor, and the
 * factors multiply. So a tanh RNN's gradient is checked to 1e-12 or to 4 ulp times that sum,
 * whichever is larger. In the one fixture where this matters (tanh RNN, H = 1, T = 30,
 * min 1 − h² = 3.7e-6) the exact value (mpmath, 60 digits, from the same doubles) is
 * 2.42891541301803e-54: the core is 6.6e-12 from it and PyTorch 1.1e-11.
 */
function gradientTolerance(c: Json): number {
  if (c.kind !== "rnn" || c.nonlinearity !== "tanh") return rtol;
  let amplification = 0;
  for (const row of c.outputs as number[][]) {
    let worstStep = 0;
    for (const h of row) worstStep = Math.max(worstStep, (2 * h * h) / (1 - h * h));
    amplification += worstStep;
  }
  return Math.max(rtol, 4 * Number.EPSILON * amplification);
}

function describeCase(c: Json): string {
  return `${c.kind}${c.kind === "rnn" ? `(${c.nonlinearity})` : ""} H=${c.hidden} I=${c.input} T=${c.steps}${c.h0 ? " with initial state" : ""}${c.stateDict.bias_ih_l0 ? "" : " bias=False"}`;
}

describe("recurrent cells match torch.nn.LSTM / GRU / RNN (PyTorch 1.13, float64)", () => {
  after(() => printWorstRelativeErrors("recurrent: max relative error against PyTorch"));

  for (const c of torchFixture.recurrent as Json[]) {
    it(describeCase(c), () => {
      const kind = c.kind as RecurrentKind;
      const params = fromStateDict(kind, c.stateDict, {
        nonlinearity: c.nonlinearity as RnnNonlinearity,
      });
      assert.equal(params.hiddenSize, c.hidden);
      assert.equal(params.inputSize, c.input);
      if (kind === "lstm") {
        const result = lstm(params, c.inputs, c.h0 ? { h: c.h0, c: c.c0 } : undefined);
        assertClose("lstm outputs", result.outputs, c.outputs, rtol, atol);
        assertClose("lstm h", result.h, c.h, rtol, atol);
        assertClose("lstm c", result.c, c.c, rtol, atol);
        assertClose("lstm cells", result.cells, c.cells, rtol, atol);
        if (c.gates)
          for (const gate of Object.keys(c.gates))
            assertClose(
              `lstm gates.${gate}`,
              result.gates[gate as keyof typeof result.gates],
              c.gates[gate],
              rtol,
              atol,
            );
      } else if (kind === "gru") {
        const result = gru(params, c.inputs, c.h0);
        assertClose("gru outputs", result.outputs, c.outputs, rtol, atol);
        assertClose("gru h", result.h, c.h, rtol, atol);
        if (c.gates)
          for (const gate of Object.keys(c.gates))
            assertClose(
              `gru gates.${gate}`,
              result.gates[gate as keyof typeof result.gates],
              c.gates[gate],
              rtol,
              atol,
            );
      } else {
        const result = rnn(params, c.inputs, c.h0);
        assertClose("rnn outputs", result.outputs, c.outputs, rtol, atol);
        assertClose("rnn h", result.h, c.h, rtol, atol);
      }
      const initial = kind === "lstm" ? (c.h0 ? { h: c.h0, c: c.c0 } : undefined) : c.h0;
      assertClose(
        `gradientThroughTime(${kind})`,
        gradientThroughTime(kind, params, c.inputs, initial),
        c.gradientThroughTime,
        gradientTolerance(c),
        1e-300,
      );
    });
  }
});

describe("recurrent cells: weight forms", () => {
  const c = (torchFixture.recurrent as Json[]).find(
    (k) => k.kind === "lstm" && k.hidden === 4 && k.input === 3,
  );
  it("nested number[][], flat number[] and flat Float64Array weights give the same numbers", () => {
    const nested = {
      weightIh: c.stateDict.weight_ih_l0,
      weightHh: c.stateDict.weight_hh_l0,
      biasIh: c.stateDict.bias_ih_l0,
      biasHh: c.stateDict.bias_hh_l0,
    };
    const flat = {
      weightIh: nested.weightIh.flat(),
      weightHh: nested.weightHh.flat(),
      biasIh: nested.biasIh,
      biasHh: nested.biasHh,
    };
    const typed = {
      weightIh: Float64Array.from(flat.weightIh),
      weightHh: Float64Array.from(flat.weightHh),
      biasIh: Float64Array.from(flat.biasIh),
      biasHh: Float64Array.from(flat.biasHh),
    };
    const a = lstm(nested, c.inputs).outputs;
    assert.deepEqual(lstm(flat, c.inputs).outputs, a);
    assert.deepEqual(lstm(typed, c.inputs.flat()).outputs, a);
  });
  it("a module prefix on state_dict keys is accepted, and JSON text too", () => {
    const prefixed = Object.fromEntries(
      Object.entries(c.stateDict).map(([k, v]) => [`encoder.lstm.${k}`, v]),
    );
    const p = fromStateDict("lstm", JSON.stringify(prefixed));
    assert.deepEqual(lstm(p, c.inputs).h, lstm(fromStateDict("lstm", c.stateDict), c.inputs).h);
  });
});

describe("recurrent cells: bad input names the key and the expected shape", () => {
  const c = (torchFixture.recurrent as Json[]).find(
    (k) => k.kind === "lstm" && k.hidden === 16 && k.input === 8,
  );
  it("weight_ih_l0 with the wrong number of rows", () => {
    const bad = { ...c.stateDict, weight_ih_l0: c.stateDict.weight_ih_l0.slice(0, 48) };
    assert.throws(() => fromStateDict("lstm", bad), {
      name: "RangeError",
      message: "weight_ih_l0: expected 64×8 (4·hidden × input), got 48×8",
    });
  });
  it("a GRU state_dict loaded as an LSTM", () => {
    const g = (torchFixture.recurrent as Json[]).find((k) => k.kind === "gru" && k.hidden === 16);
    assert.throws(() => fromStateDict("lstm", g.stateDict), {
      name: "RangeError",
      message: /weight_hh_l0: expected 64×16 \(4·hidden × hidden\), got 48×16/,
    });
  });
  it("a missing key", () => {
    assert.throws(() => fromStateDict("gru", { weight_hh_l0: [[1]] }), {
      name: "TypeError",
      message: /weight_ih_l0: expected a key/,
    });
  });
  it("a non-finite weight in a pasted state_dict", () => {
    assert.throws(() => fromStateDict("rnn", { weight_ih_l0: [[1]], weight_hh_l0: [[NaN]] }), {
      name: "RangeError",
      message: /weight_hh_l0\[0\]\[0\]: expected a finite number/,
    });
  });
  it("inputs whose rows do not match the input size", () => {
    const p = fromStateDict("lstm", c.stateDict);
    assert.throws(() => lstm(p, [[1, 2, 3]]), {
      name: "RangeError",
      message: /inputs: expected a rows×8 matrix/,
    });
  });
  it("an initial state of the wrong length", () => {
    const p = fromStateDict("lstm", c.stateDict);
    assert.throws(() => lstm(p, [new Array(8).fill(0)], { h: [0, 0] }), {
      name: "RangeError",
      message: /state.h: expected length 16/,
    });
  });
  it("an unknown kind", () => {
    assert.throws(() => gradientThroughTime("lstmx" as RecurrentKind, {} as never, []), {
      name: "TypeError",
      message: /kind: expected one of "rnn" \| "lstm" \| "gru"/,
    });
  });
  it("flat weights whose length is not 4·H²", () => {
    assert.throws(
      () => lstm({ weightIh: new Float64Array(12), weightHh: new Float64Array(10) }, [[0, 0, 0]]),
      { name: "RangeError", message: /params.weightHh: expected \(4·hidden\)×hidden values/ },
    );
  });
});

describe("prepared cells step exactly like the sequence functions", () => {
  for (const c of (torchFixture.recurrent as Json[]).filter(
    (k) => k.steps === 30 && k.hidden === 16,
  )) {
    it(`${describeCase(c)}: createXCell().step, step after step, gives lstm()/gru()/rnn()'s outputs bit for bit`, () => {
      const kind = c.kind as RecurrentKind;
      const params = fromStateDict(kind, c.stateDict, { nonlinearity: c.nonlinearity });
      if (kind === "lstm") {
        const cell = createLstmCell(params);
        const whole = lstm(params, c.inputs);
        let state: LstmStepResult = {
          h: new Float64Array(c.hidden),
          c: new Float64Array(c.hidden),
          gates: new Float64Array(4 * c.hidden),
        };
        for (let t = 0; t < c.steps; t++) {
          state = cell.step(c.inputs[t], state.h, state.c);
          assert.deepEqual(state.h, whole.outputs[t]);
          assert.deepEqual(state.gates.subarray(c.hidden, 2 * c.hidden), whole.gates.forget[t]);
        }
      } else if (kind === "gru") {
        const cell = createGruCell(params);
        const whole = gru(params, c.inputs);
        let h = new Float64Array(c.hidden);
        for (let t = 0; t < c.steps; t++) {
          h = cell.step(c.inputs[t], h).h;
          assert.deepEqual(h, whole.outputs[t]);
        }
      } else {
        const cell = createRnnCell(params);
        const whole = rnn(params, c.inputs);
        let h = new Float64Array(c.hidden);
        for (let t = 0; t < c.steps; t++) {
          h = cell.step(c.inputs[t], h);
          assert.deepEqual(h, whole.outputs[t]);
        }
      }
    });
  }
});

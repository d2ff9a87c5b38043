// traceThroughTime keeps the forward pass that gradientOfTrace reads, so that a view drawing the
// gates and the gradient makes one forward pass, not two. Its numbers must be lstm()'s, gru()'s and
// rnn()'s bit for bit (same kernels, same order; those are checked against PyTorch in
// recurrent.test.ts), and gradientOfTrace must be gradientThroughTime exactly.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createRng,
  gradientOfTrace,
  gradientThroughTime,
  gru,
  lstm,
  rnn,
  traceThroughTime,
} from "../../../src/core";
import type { RecurrentKind } from "../../../src/core";

const gates: Record<RecurrentKind, number> = { lstm: 4, gru: 3, rnn: 1 };

function randomCase(
  kind: RecurrentKind,
  hidden: number,
  input: number,
  steps: number,
  seed: number,
) {
  const rng = createRng(seed);
  const draw = (n: number, scale: number) =>
    Float64Array.from({ length: n }, () => (2 * rng.next() - 1) * scale);
  const rows = gates[kind] * hidden;
  const params = {
    weightIh: draw(rows * input, 1),
    weightHh: draw(rows * hidden, 1.5 / Math.sqrt(hidden)),
    biasIh: draw(rows, 1),
    biasHh: draw(rows, 1),
  };
  const inputs = Array.from({ length: steps }, () => draw(input, 2));
  return { params, inputs, h0: draw(hidden, 0.5), c0: draw(hidden, 0.5) };
}

/** Bit-for-bit equality of a flat T·H buffer and T rows. */
function sameRows(flat: Float64Array, rows: Float64Array[], width: number, what: string): void {
  assert.equal(flat.length, rows.length * width, `${what}: length`);
  rows.forEach((row, t) => {
    for (let j = 0; j < width; j++) {
      assert.ok(
        Object.is(flat[t * width + j], row[j]),
        `${what}[${t}][${j}]: ${flat[t * width + j]} vs ${row[j]}`,
      );
    }
  });
}

function sameArray(a: Float64Array, b: Float64Array, what: string): void {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let k = 0; k < a.length; k++)
    assert.ok(Object.is(a[k], b[k]), `${what}[${k}]: ${a[k]} vs ${b[k]}`);
}

describe("traceThroughTime: the forward pass kept for backpropagation", () => {
  // Sizes with H and I not multiples of four (the sums' tails) and H = 1.
  const sizes = [
    [1, 1, 5],
    [7, 3, 40],
    [16, 1, 100],
    [9, 6, 23],
  ] as const;
  for (const [hidden, input, steps] of sizes) {
    it(`LSTM H=${hidden} I=${input} T=${steps}: lstm()'s states and gates, gradientThroughTime's gradient`, () => {
      const c = randomCase("lstm", hidden, input, steps, 11 + hidden);
      const state = { h: c.h0, c: c.c0 };
      const trace = traceThroughTime("lstm", c.params, c.inputs, state);
      const r = lstm(c.params, c.inputs, state);
      sameRows(trace.outputs, r.outputs, hidden, "h");
      sameRows(trace.cells, r.cells, hidden, "c");
      const blocks = [r.gates.input, r.gates.forget, r.gates.cell, r.gates.output];
      blocks.forEach((block, g) => {
        const own = Float64Array.from({ length: steps * hidden }, (_, n) => {
          const t = Math.floor(n / hidden);
          return trace.gates[(4 * t + g) * hidden + (n % hidden)];
        });
        sameRows(own, block, hidden, `gate ${g}`);
      });
      sameArray(
        gradientOfTrace(trace),
        gradientThroughTime("lstm", c.params, c.inputs, state),
        "gradient",
      );
    });
    it(`GRU H=${hidden} I=${input} T=${steps}`, () => {
      const c = randomCase("gru", hidden, input, steps, 21 + hidden);
      const trace = traceThroughTime("gru", c.params, c.inputs, c.h0);
      const r = gru(c.params, c.inputs, c.h0);
      sameRows(trace.outputs, r.outputs, hidden, "h");
      [r.gates.reset, r.gates.update, r.gates.candidate].forEach((block, g) => {
        const own = Float64Array.from({ length: steps * hidden }, (_, n) => {
          const t = Math.floor(n / hidden);
          return trace.gates[(3 * t + g) * hidden + (n % hidden)];
        });
        sameRows(own, block, hidden, `gate ${g}`);
      });
      sameArray(
        gradientOfTrace(trace),
        gradientThroughTime("gru", c.params, c.inputs, c.h0),
        "gradient",
      );
    });
    for (const nonlinearity of ["tanh", "relu"] as const) {
      it(`RNN (${nonlinearity}) H=${hidden} I=${input} T=${steps}`, () => {
        const c = randomCase("rnn", hidden, input, steps, 31 + hidden);
        const params = { ...c.params, nonlinearity };
        const trace = traceThroughTime("rnn", params, c.inputs, c.h0);
        sameRows(trace.outputs, rnn(params, c.inputs, c.h0).outputs, hidden, "h");
        assert.equal(trace.gates.length, 0);
        sameArray(
          gradientOfTrace(trace),
          gradientThroughTime("rnn", params, c.inputs, c.h0),
          "gradient",
        );
      });
    }
  }

  it("gradientOfTrace leaves the trace as it was, so a kept trace gives the same gradient again", () => {
    for (const kind of ["lstm", "gru", "rnn"] as const) {
      const c = randomCase(kind, 6, 2, 30, 41);
      const trace = traceThroughTime(kind, c.params, c.inputs);
      const before = [trace.outputs, trace.cells, trace.gates, trace.hiddenCandidate].map((a) =>
        a.slice(),
      );
      const first = gradientOfTrace(trace);
      [trace.outputs, trace.cells, trace.gates, trace.hiddenCandidate].forEach((a, k) =>
        sameArray(a, before[k], `${kind} trace buffer ${k}`),
      );
      sameArray(gradientOfTrace(trace), first, `${kind} gradient again`);
    }
  });

  it("rejects what gradientThroughTime rejects, naming the argument", () => {
    assert.throws(() => traceThroughTime("lstm", { weightIh: [[1]], weightHh: [[1]] }, [[1]]), {
      message: /params\.weightHh: expected 4×1/,
    });
    assert.throws(
      () =>
        traceThroughTime("gru" as RecurrentKind, randomCase("gru", 2, 1, 1, 1).params, [[1, 2]]),
      {
        message: /inputs/,
      },
    );
  });
});

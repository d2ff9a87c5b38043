// Properties of the losses, recurrent cells and deep networks, checked on random inputs with
// fast-check. Expected relations come from identities (CrossEntropyLoss = NLLLoss ∘ LogSoftmax,
// BCEWithLogits(z) = BCE(σ(z))), the chain rule (finite differences), and bounds (σ' ≤ 0.25).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  crossEntropyGradient,
  gradientThroughTime,
  gru,
  logSoftmax,
  lstm,
  mlpGradients,
  nllLoss,
  rnn,
  sigmoid,
  softmaxThenCrossEntropyGradient,
  trainLogisticRegression,
} from "../../../src/core";
import type { RecurrentKind } from "../../../src/core";
import { createRng } from "../../../src/core/random";

const runs = { numRuns: 100 };
const logitArb = fc.double({ min: -50, max: 50, noNaN: true });

/** N×C logits and matching class indices. */
const classificationArb = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), classes: fc.integer({ min: 2, max: 8 }) })
  .chain(({ rows, classes }) =>
    fc.record({
      logits: fc.array(fc.array(logitArb, { minLength: classes, maxLength: classes }), {
        minLength: rows,
        maxLength: rows,
      }),
      target: fc.array(fc.integer({ min: 0, max: classes - 1 }), {
        minLength: rows,
        maxLength: rows,
      }),
    }),
  );

function randomMatrix(
  rng: ReturnType<typeof createRng>,
  rows: number,
  cols: number,
  scale: number,
): Float64Array {
  return Float64Array.from({ length: rows * cols }, () => rng.normal() * scale);
}

function randomCell(
  kind: RecurrentKind,
  hidden: number,
  input: number,
  seed: number,
  scale: number,
) {
  const gates = kind === "lstm" ? 4 : kind === "gru" ? 3 : 1;
  const rng = createRng(seed);
  return {
    weightIh: randomMatrix(rng, gates * hidden, input, scale),
    weightHh: randomMatrix(rng, gates * hidden, hidden, scale),
    biasIh: randomMatrix(rng, gates * hidden, 1, scale),
    biasHh: randomMatrix(rng, gates * hidden, 1, scale),
  };
}

function sumOfLastHidden(
  kind: RecurrentKind,
  params: ReturnType<typeof randomCell>,
  inputs: number[][],
): number {
  const h =
    kind === "lstm"
      ? lstm(params, inputs).h
      : kind === "gru"
        ? gru(params, inputs).h
        : rnn(params, inputs).h;
  return h.reduce((a, b) => a + b, 0);
}

describe("loss identities", () => {
  it("crossEntropy = nllLoss(logSoftmax(logits)) (PyTorch's definition of CrossEntropyLoss)", () => {
    fc.assert(
      fc.property(classificationArb, ({ logits, target }) => {
        const direct = crossEntropy(logits, target, { reduction: "none" });
        const composed = nllLoss(
          logits.map((row) => logSoftmax(row)),
          target,
          { reduction: "none" },
        );
        for (let n = 0; n < direct.length; n++) {
          assert.ok(
            Math.abs(direct[n] - composed[n]) <= 1e-12 * Math.abs(composed[n]) + 1e-14,
            `${direct[n]} vs ${composed[n]}`,
          );
        }
      }),
      runs,
    );
  });

  it("binaryCrossEntropyWithLogits(z) = binaryCrossEntropy(σ(z)) where σ(z) is not saturated (|z| ≤ 15)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -15, max: 15, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          { minLength: 1, maxLength: 10 },
        ),
        (pairs) => {
          const z = pairs.map(([logit]) => logit);
          const t = pairs.map(([, target]) => target);
          const withLogits = binaryCrossEntropyWithLogits(z, t, { reduction: "none" });
          const fromProbs = binaryCrossEntropy(z.map(sigmoid), t, { reduction: "none" });
          for (let k = 0; k < z.length; k++) {
            // log(1 − σ(z)) through a rounded σ is off by up to eps/(1 − σ) ≈ 4e-10 at |z| = 15.
            assert.ok(
              Math.abs(withLogits[k] - fromProbs[k]) <= 1e-9 * withLogits[k] + 1e-12,
              `z=${z[k]} t=${t[k]}: ${withLogits[k]} vs ${fromProbs[k]}`,
            );
          }
        },
      ),
      runs,
    );
  });

  it("crossEntropyGradient is the derivative of crossEntropy (central differences) and each row sums to 0", () => {
    fc.assert(
      fc.property(classificationArb, ({ logits, target }) => {
        const gradient = crossEntropyGradient(logits, target, { reduction: "sum" });
        const step = 1e-6;
        for (let n = 0; n < logits.length; n++) {
          let rowSum = 0;
          for (let j = 0; j < logits[n].length; j++) {
            rowSum += gradient[n][j];
            const plus = logits.map((row) => [...row]);
            const minus = logits.map((row) => [...row]);
            plus[n][j] += step;
            minus[n][j] -= step;
            const numeric =
              (crossEntropy(plus, target, { reduction: "sum" }) -
                crossEntropy(minus, target, { reduction: "sum" })) /
              (2 * step);
            assert.ok(Math.abs(numeric - gradient[n][j]) < 1e-6, `${numeric} vs ${gradient[n][j]}`);
          }
          assert.ok(Math.abs(rowSum) < 1e-14);
        }
      }),
      runs,
    );
  });

  it("softmax before CrossEntropyLoss never gives a larger gradient than the logits themselves", () => {
    fc.assert(
      fc.property(classificationArb, ({ logits, target }) => {
        const right = crossEntropyGradient(logits, target);
        const wrong = softmaxThenCrossEntropyGradient(logits, target);
        for (let n = 0; n < logits.length; n++) {
          assert.ok(Math.hypot(...wrong[n]) <= Math.hypot(...right[n]) + 1e-15);
        }
      }),
      runs,
    );
  });
});

describe("recurrent cells", () => {
  it("an LSTM with forget bias +10 keeps the gradient of early inputs; a tanh RNN loses it", () => {
    // c' = f ⊙ c + … with f = σ(10) ≈ 0.99995 carries ∂/∂c back almost unchanged, so 20 steps
    // cost the LSTM less than 3 decades. The RNN's W_hh is scaled to ‖W_hh‖_F = 0.5 and tanh' ≤ 1,
    // so every step at least halves its gradient: 39 steps, at least 11 decades below its largest.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const hidden = 4;
        const steps = 40;
        const rng = createRng(seed);
        const inputs = Array.from({ length: steps }, () => [rng.normal(), rng.normal()]);
        const cell = randomCell("lstm", hidden, 2, seed, 0.3);
        cell.biasIh.fill(0);
        cell.biasHh.fill(0);
        for (let k = hidden; k < 2 * hidden; k++) cell.biasIh[k] = 10;
        const plain = randomCell("rnn", hidden, 2, seed + 1, 0.3);
        const size = Math.hypot(...plain.weightHh);
        for (let k = 0; k < plain.weightHh.length; k++) plain.weightHh[k] *= 0.5 / size;
        const lstmGradient = gradientThroughTime("lstm", cell, inputs);
        const rnnGradient = gradientThroughTime("rnn", plain, inputs);
        const lstmKept = lstmGradient[0] / lstmGradient[20];
        const rnnKept = rnnGradient[0] / Math.max(...rnnGradient);
        assert.ok(lstmKept > 1e-3, `LSTM keeps ${lstmKept} over 20 steps`);
        assert.ok(rnnKept < 1e-6, `RNN keeps ${rnnKept}`);
      }),
      { numRuns: 30 },
    );
  });

  for (const kind of ["lstm", "gru", "rnn"] as RecurrentKind[]) {
    it(`gradientThroughTime(${kind}) is the norm of the central-difference gradient of Σ h_T`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1e9 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 1, max: 6 }),
          (seed, hidden, input, steps) => {
            const params = randomCell(kind, hidden, input, seed, 0.8);
            const rng = createRng(seed + 7);
            const inputs = Array.from({ length: steps }, () =>
              Array.from({ length: input }, () => rng.normal()),
            );
            const norms = gradientThroughTime(kind, params, inputs);
            const step = 1e-6;
            for (let t = 0; t < steps; t++) {
              let squares = 0;
              for (let j = 0; j < input; j++) {
                const plus = inputs.map((row) => [...row]);
                const minus = inputs.map((row) => [...row]);
                plus[t][j] += step;
                minus[t][j] -= step;
                const d =
                  (sumOfLastHidden(kind, params, plus) - sumOfLastHidden(kind, params, minus)) /
                  (2 * step);
                squares += d * d;
              }
              assert.ok(
                Math.abs(Math.sqrt(squares) - norms[t]) < 1e-6 * (1 + norms[t]),
                `t=${t}: ${Math.sqrt(squares)} vs ${norms[t]}`,
              );
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it("LSTM gates stay in (0, 1), the candidate and h in (−1, 1)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (seed, scale) => {
          const params = randomCell("lstm", 3, 2, seed, scale);
          const rng = createRng(seed);
          const result = lstm(
            params,
            Array.from({ length: 8 }, () => [rng.normal() * scale, rng.normal()]),
          );
          for (let t = 0; t < 8; t++) {
            for (let k = 0; k < 3; k++) {
              for (const gate of [result.gates.input, result.gates.forget, result.gates.output])
                assert.ok(gate[t][k] >= 0 && gate[t][k] <= 1);
              assert.ok(
                Math.abs(result.gates.cell[t][k]) <= 1 && Math.abs(result.outputs[t][k]) <= 1,
              );
            }
          }
        },
      ),
      runs,
    );
  });
});

describe("deep networks", () => {
  it("sigmoid: ‖∂/∂W_l‖_F ≤ 0.25^(L−l+1) · Π_{k>l} ‖W_k‖_F · √n_L · ‖a_{l−1}‖ (σ' ≤ 0.25, ‖W‖₂ ≤ ‖W‖_F)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (seed, depth, width, scale) => {
          const rng = createRng(seed);
          const weights = Array.from({ length: depth }, () =>
            randomMatrix(rng, width, width, scale),
          );
          const input = randomMatrix(rng, width, 1, 1);
          const result = mlpGradients({ weights }, "sigmoid", input);
          const frobenius = weights.map((w) => Math.hypot(...w));
          for (let l = 0; l < depth; l++) {
            let bound =
              0.25 ** (depth - l) *
              Math.sqrt(width) *
              Math.hypot(...(l === 0 ? input : result.activations[l - 1]));
            for (let k = l + 1; k < depth; k++) bound *= frobenius[k];
            assert.ok(
              result.weightGradNorms[l] <= bound * (1 + 1e-12),
              `layer ${l}: ${result.weightGradNorms[l]} > ${bound}`,
            );
          }
        },
      ),
      runs,
    );
  });

  it("binary logistic regression with a small step never increases the loss (convex, step < 2/L)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -3, max: 3, noNaN: true }),
            fc.double({ min: -3, max: 3, noNaN: true }),
            fc.integer({ min: 0, max: 1 }),
          ),
          { minLength: 2, maxLength: 30 },
        ),
        (data) => {
          const result = trainLogisticRegression({
            kind: "binary",
            points: data.map(([x, y]) => [x, y]),
            labels: data.map(([, , label]) => label),
            learningRate: 0.05,
            epochs: 30,
          });
          for (let e = 1; e < result.losses.length; e++)
            assert.ok(result.losses[e] <= result.losses[e - 1] + 1e-15);
        },
      ),
      runs,
    );
  });
});

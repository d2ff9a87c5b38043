// Deep networks. mlpGradients and trainLogisticRegression against PyTorch 1.13 float64
// (test/fixtures/torch/core.json: autograd through F.linear + activation; the same full-batch
// gradient-descent loop written with autograd), to 1e-12 and 1e-9 relative. simulateVanishingGradient
// draws from the core's own seeded generator, which PyTorch cannot reproduce, so it is checked
// against mlpGradients on the very same draws (drawDeepNetwork) plus closed forms and limits.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  createRng,
  drawDeepNetwork,
  mlpGradients,
  simulateVanishingGradient,
  trainDeepNetwork,
  trainLogisticRegression,
} from "../../../src/core";
import type { Activation } from "../../../src/core";
import {
  Json,
  assertClose,
  printWorstRelativeErrors,
  torchFixture,
} from "../../fixtures/torch/fixture";

after(() => printWorstRelativeErrors("networks: max relative error against PyTorch"));

describe("mlpGradients matches autograd (PyTorch 1.13, float64)", () => {
  (torchFixture.mlp as Json[]).forEach((c, index) => {
    it(`case ${index}: ${c.weights.length} layers, ${c.activation}`, () => {
      const result = mlpGradients({ weights: c.weights, biases: c.biases }, c.activation, c.input);
      // Activations are sums that can cancel to ~0 before the activation; 1e-15 absolute floor.
      assertClose("mlpGradients.activations", result.activations, c.activations, 1e-12, 1e-15);
      assertClose("mlpGradients.weightGradNorms", result.weightGradNorms, c.weightGradNorms, 1e-12);
      assertClose("mlpGradients.biasGradNorms", result.biasGradNorms, c.biasGradNorms, 1e-12);
    });
  });
});

describe("trainLogisticRegression matches the same loop in PyTorch 1.13 (float64)", () => {
  (torchFixture.logisticRegression as Json[]).forEach((c, index) => {
    it(`case ${index}: ${c.kind}, ${c.points.length} points, ${c.epochs} epochs`, () => {
      const result = trainLogisticRegression({
        kind: c.kind,
        points: c.points,
        labels: c.labels,
        classes: c.classes,
        learningRate: c.learningRate,
        epochs: c.epochs,
        initialWeights: c.initialWeights,
        initialBias: c.initialBias,
      });
      assertClose("trainLogisticRegression.losses", result.losses, c.losses, 1e-9);
      assertClose("trainLogisticRegression.finalLoss", result.finalLoss, c.finalLoss, 1e-9);
      assertClose("trainLogisticRegression.weights", result.weights, c.weights, 1e-9);
      assertClose("trainLogisticRegression.bias", result.bias, c.bias, 1e-9);
    });
  });
});

describe("simulateVanishingGradient", () => {
  const activations: Activation[] = ["sigmoid", "tanh", "relu"];
  for (const activation of activations) {
    it(`with one sample equals mlpGradients on the same drawn network (${activation})`, () => {
      const options = { depth: 12, width: 9, init: "xavier" as const, scale: 1.3, seed: 42 };
      const simulated = simulateVanishingGradient({ ...options, activation, samples: 1 });
      const drawn = drawDeepNetwork(options);
      const direct = mlpGradients(
        { weights: drawn.weights, biases: drawn.biases },
        activation,
        drawn.input,
      );
      assert.deepEqual(simulated.gradientNorms, direct.weightGradNorms);
    });
  }

  it("averages samples: the mean of two one-sample runs drawn in sequence", () => {
    const base = { depth: 5, width: 4, activation: "tanh" as const, init: "he" as const, seed: 7 };
    const two = simulateVanishingGradient({ ...base, samples: 2 });
    // The second sample continues the same stream; its mean with the first is what samples: 2 reports.
    const first = simulateVanishingGradient({ ...base, samples: 1 }).gradientNorms;
    for (let l = 0; l < 5; l++) {
      const second = 2 * two.gradientNorms[l] - first[l];
      assert.ok(second > 0, `layer ${l}`);
      assert.ok(Math.abs(Math.log10(two.gradientNorms[l]) - two.log10GradientNorms[l]) < 1e-12);
    }
  });

  it("reports 0.25^depth and the per-layer bound 0.25^(depth − l) (closed form)", () => {
    const r = simulateVanishingGradient({
      depth: 6,
      width: 3,
      activation: "sigmoid",
      init: "normal",
      seed: 1,
    });
    assert.equal(r.sigmoidBound, 0.25 ** 6);
    assert.deepEqual(
      [...r.layerSigmoidBound],
      [0.25 ** 6, 0.25 ** 5, 0.25 ** 4, 0.25 ** 3, 0.25 ** 2, 0.25],
    );
    assert.equal(r.maxDerivative, 0.25);
  });

  it("keeps a finite log10 norm at depth 1,000 where the norm itself underflows", () => {
    const r = simulateVanishingGradient({
      depth: 1000,
      width: 4,
      activation: "sigmoid",
      init: "xavier",
      seed: 3,
      samples: 1,
    });
    assert.equal(r.gradientNorms[0], 0);
    assert.ok(
      Number.isFinite(r.log10GradientNorms[0]) && r.log10GradientNorms[0] < -400,
      `${r.log10GradientNorms[0]}`,
    );
    assert.ok(r.log10LayerSigmoidBound[0] < -600);
  });

  it("sigmoid gradients shrink toward the input; relu with He initialisation does not (statistical, 32 samples)", () => {
    const sigmoid = simulateVanishingGradient({
      depth: 20,
      width: 32,
      activation: "sigmoid",
      init: "xavier",
      seed: 11,
      samples: 32,
    });
    const relu = simulateVanishingGradient({
      depth: 20,
      width: 32,
      activation: "relu",
      init: "he",
      seed: 11,
      samples: 32,
    });
    const drop = (r: { log10GradientNorms: Float64Array }) =>
      r.log10GradientNorms[19] - r.log10GradientNorms[0];
    assert.ok(drop(sigmoid) > 8, `sigmoid loses ${drop(sigmoid)} decades`);
    assert.ok(Math.abs(drop(relu)) < 2, `relu+he changes by ${drop(relu)} decades`);
  });

  it("rejects depth over 1,000, width over 4,096 and too many weights, naming them", () => {
    const base = { activation: "sigmoid" as const, init: "he" as const, seed: 1 };
    assert.throws(() => simulateVanishingGradient({ ...base, depth: 1001, width: 8 }), {
      name: "RangeError",
      message: /options.depth: expected an integer in \[1, 1000\], got 1001/,
    });
    assert.throws(() => simulateVanishingGradient({ ...base, depth: 2, width: 4097 }), {
      name: "RangeError",
      message: /options.width: expected an integer in \[1, 4096\]/,
    });
    assert.throws(() => simulateVanishingGradient({ ...base, depth: 1000, width: 4096 }), {
      name: "RangeError",
      message: /options.depth × options.width²/,
    });
    assert.throws(
      () => simulateVanishingGradient({ ...base, depth: 3, width: 3, init: "glorot" as never }),
      { name: "TypeError", message: /options.init: expected one of "normal" \| "xavier" \| "he"/ },
    );
  });
});

describe("trainDeepNetwork", () => {
  it("early sigmoid layers stall while relu + He layers move (update size per layer per step)", () => {
    const base = { depth: 12, width: 16, seed: 5, steps: 3, learningRate: 0.1 };
    const sigmoid = trainDeepNetwork({ ...base, activation: "sigmoid", init: "xavier" });
    const relu = trainDeepNetwork({ ...base, activation: "relu", init: "he", learningRate: 0.01 });
    const ratio = (r: { relativeUpdates: Float64Array[] }) =>
      r.relativeUpdates[0][0] / r.relativeUpdates[0][11];
    assert.ok(ratio(sigmoid) < 1e-3, `sigmoid first/last layer update ratio ${ratio(sigmoid)}`);
    assert.ok(ratio(relu) > 1e-2, `relu first/last layer update ratio ${ratio(relu)}`);
    assert.equal(sigmoid.updateNorms.length, 3);
    assert.equal(sigmoid.updateNorms[0].length, 12);
  });
  it("lowers the loss of a shallow network (gradient descent sanity)", () => {
    const r = trainDeepNetwork({
      depth: 2,
      width: 8,
      activation: "tanh",
      init: "xavier",
      seed: 2,
      steps: 50,
      learningRate: 0.5,
    });
    assert.ok(r.finalLoss < r.losses[0], `${r.finalLoss} vs ${r.losses[0]}`);
  });
});

describe("networks: bad input names the argument and the expected shape", () => {
  it("a weight matrix whose in does not match the previous layer's out", () => {
    assert.throws(() => mlpGradients({ weights: [[[1, 2]], [[1, 2]]] }, "relu", [1, 2]), {
      name: "RangeError",
      message:
        /network.weights\[1\]: expected a rows×1 matrix \(out × in, in = layer 0's out\), got 1×2/,
    });
  });
  it("an unknown activation", () => {
    assert.throws(() => mlpGradients({ weights: [[[1]]] }, "gelu" as Activation, [1]), {
      name: "TypeError",
      message: /activation: expected one of "sigmoid" \| "tanh" \| "relu"/,
    });
  });
  it("labels out of range for multinomial logistic regression", () => {
    assert.throws(
      () =>
        trainLogisticRegression({
          kind: "multinomial",
          points: [
            [0, 0],
            [1, 1],
          ],
          labels: [0, 3],
          classes: 3,
        }),
      { name: "RangeError", message: /options.labels: expected class indices in \[0, 3\)/ },
    );
  });
  it("points that are not pairs", () => {
    assert.throws(
      () => trainLogisticRegression({ kind: "binary", points: [[0, 0, 1]], labels: [1] }),
      {
        name: "RangeError",
        message: /options.points: expected a rows×2 matrix \(N points \[x, y\]\), got 1×3/,
      },
    );
  });
});

describe("createRng", () => {
  it("is reproducible from its seed and different across seeds", () => {
    const a = createRng(123);
    const b = createRng(123);
    const c = createRng(124);
    const first = [a.next(), a.next(), a.normal()];
    assert.deepEqual(first, [b.next(), b.next(), b.normal()]);
    assert.notEqual(first[0], c.next());
  });
  it("gives uniform [0, 1) and standard normals (mean and variance over 200,000 draws)", () => {
    const rng = createRng(9);
    let sum = 0;
    let sumSquares = 0;
    let uniformSum = 0;
    const n = 200_000;
    for (let k = 0; k < n; k++) {
      const u = rng.next();
      assert.ok(u >= 0 && u < 1);
      uniformSum += u;
      const z = rng.normal();
      sum += z;
      sumSquares += z * z;
    }
    assert.ok(Math.abs(uniformSum / n - 0.5) < 0.005);
    assert.ok(Math.abs(sum / n) < 0.01);
    assert.ok(Math.abs(sumSquares / n - 1) < 0.02);
  });
  it("rejects a non-finite seed", () => {
    assert.throws(() => createRng(NaN), {
      name: "TypeError",
      message: /seed: expected a finite number/,
    });
  });
});

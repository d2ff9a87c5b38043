// Losses against PyTorch 1.13 float64 (test/fixtures/torch/core.json, made by generate.py with
// torch.nn.functional and autograd), to 1e-12 relative.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  crossEntropyGradient,
  nllLoss,
  softmaxThenCrossEntropy,
  softmaxThenCrossEntropyGradient,
} from "../../../src/core";
import type { Reduction } from "../../../src/core";
import { assertClose, printWorstRelativeErrors, torchFixture } from "../../fixtures/torch/fixture";

const rtol = 1e-12;
const reductions: Reduction[] = ["none", "mean", "sum"];

describe("losses match torch.nn.functional (PyTorch 1.13, float64)", () => {
  after(() => printWorstRelativeErrors("losses: max relative error against PyTorch"));

  torchFixture.losses.classification.forEach((c: Record<string, unknown>, index: number) => {
    const shape = `${(c.logits as unknown[]).length}×${(c.logits as unknown[][])[0].length}`;
    it(`case ${index} (${shape}): crossEntropy, nllLoss, softmaxThenCrossEntropy, gradients`, () => {
      for (const reduction of reductions) {
        assertClose(
          `crossEntropy ${reduction}`,
          crossEntropy(c.logits, c.target, { reduction }),
          c[`crossEntropy_${reduction}`],
          rtol,
        );
        assertClose(
          `nllLoss ${reduction}`,
          nllLoss(c.logProbs, c.target, { reduction }),
          c[`nllLoss_${reduction}`],
          rtol,
        );
        assertClose(
          `softmaxThenCrossEntropy ${reduction}`,
          softmaxThenCrossEntropy(c.logits, c.target, { reduction }),
          c[`softmaxThenCrossEntropy_${reduction}`],
          rtol,
        );
        if (reduction === "none") continue;
        // Gradient entries are softmax − onehot: a row sums to 0, so its small entries can be
        // differences of nearly equal numbers; 1e-17 absolute is ~0.1 ulp of the row's largest.
        assertClose(
          `crossEntropyGradient ${reduction}`,
          crossEntropyGradient(c.logits, c.target, { reduction }),
          c[`crossEntropyGradient_${reduction}`],
          rtol,
          1e-17,
        );
        assertClose(
          `softmaxThenCrossEntropyGradient ${reduction}`,
          softmaxThenCrossEntropyGradient(c.logits, c.target, { reduction }),
          c[`softmaxThenCrossEntropyGradient_${reduction}`],
          rtol,
          1e-17,
        );
      }
    });
  });

  const binaryCases = [...torchFixture.losses.binary, torchFixture.losses.binaryEdges];
  binaryCases.forEach((c: Record<string, unknown>, index: number) => {
    it(`binary case ${index}: binaryCrossEntropy and binaryCrossEntropyWithLogits`, () => {
      for (const reduction of reductions) {
        assertClose(
          `binaryCrossEntropy ${reduction}`,
          binaryCrossEntropy(c.probs, c.targets, { reduction }),
          c[`binaryCrossEntropy_${reduction}`],
          rtol,
        );
        assertClose(
          `binaryCrossEntropyWithLogits ${reduction}`,
          binaryCrossEntropyWithLogits(c.logits, c.targets, { reduction }),
          c[`binaryCrossEntropyWithLogits_${reduction}`],
          rtol,
        );
      }
    });
  });
});

describe("losses: closed forms and edges", () => {
  it("uniform logits give log C (closed form)", () => {
    assert.equal(crossEntropy([[0, 0, 0, 0]], [2]), Math.log(4));
  });
  it("huge logits stay finite (max is subtracted before exp)", () => {
    assert.equal(crossEntropy([[1e300, -1e300]], [0]), 0);
    assert.equal(crossEntropy([[1e300, -1e300]], [1]), 2e300);
  });
  it("an unbatched vector of C logits is one row, target a bare index", () => {
    assert.equal(crossEntropy([1, 2, 3], 2), crossEntropy([[1, 2, 3]], [2]));
  });
  it("BCE clamps log at −100 like PyTorch: p = 0 with target 1 costs exactly 100", () => {
    assert.equal(binaryCrossEntropy([0], [1], { reduction: "sum" }), 100);
  });
  it("the softmax-first gradient is smaller than the true one (the diagnostic's point)", () => {
    const logits = [[4, 1, -2]];
    const right = crossEntropyGradient(logits, [1])[0];
    const wrong = softmaxThenCrossEntropyGradient(logits, [1])[0];
    const size = (v: Float64Array) => Math.hypot(...v);
    assert.ok(size(wrong) < 0.5 * size(right), `${size(wrong)} vs ${size(right)}`);
  });
});

describe("losses: bad input names the argument and the expected shape", () => {
  it("class index out of range", () => {
    assert.throws(() => crossEntropy([[1, 2]], [2]), {
      name: "RangeError",
      message: /target\[0\].*\[0, 2\)/,
    });
  });
  it("non-integer class index", () => {
    assert.throws(() => nllLoss([[1, 2]], [0.5]), { name: "TypeError", message: /target\[0\]/ });
  });
  it("target length differs from rows", () => {
    assert.throws(
      () =>
        crossEntropy(
          [
            [1, 2],
            [3, 4],
          ],
          [0],
        ),
      { name: "RangeError", message: /target: expected 2 class indices/ },
    );
  });
  it("ragged logits", () => {
    assert.throws(() => crossEntropy([[1, 2], [3]], [0, 0]), {
      name: "RangeError",
      message: /logits: .*row 1 of length 1/,
    });
  });
  it("probability outside [0, 1]", () => {
    assert.throws(() => binaryCrossEntropy([1.5], [1]), {
      name: "RangeError",
      message: /probs\[0\]/,
    });
  });
  it("unknown reduction", () => {
    assert.throws(() => crossEntropy([[1, 2]], [0], { reduction: "avg" as Reduction }), {
      name: "TypeError",
      message: /options.reduction: expected one of "mean" \| "sum" \| "none"/,
    });
  });
  it("targets of the wrong length", () => {
    assert.throws(() => binaryCrossEntropyWithLogits([1, 2], [1]), {
      name: "RangeError",
      message: /targets: expected length 2/,
    });
  });
});

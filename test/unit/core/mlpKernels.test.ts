// The dense layers' WebAssembly kernels (src/core/kernels/mlp.wat) must give the plain loops'
// numbers bit for bit: mlpGradients is checked against PyTorch with those loops' summation order
// (networks.test.ts), and the page, its worker and the host must agree wherever WebAssembly is
// refused. Every expectation here is the plain loops' own result on the same input with the
// kernels turned off (setWasmKernels(false)); nothing is copied from a run.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  NormalStream,
  StreamGradientNorms,
  createRng,
  mlpGradients,
  simulateVanishingGradient,
  trainDeepNetwork,
} from "../../../src/core";
import type { Activation } from "../../../src/core";
import { mlpKernels } from "../../../src/core/kernels/mlpKernels";
import { setWasmKernels } from "../../../src/core/kernels/wasmKernels";

after(() => setWasmKernels(true));

const activations: Activation[] = ["sigmoid", "tanh", "relu"];

function assertSameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${what}: [${i}] is ${actual[i]}, the plain loops give ${expected[i]}`);
    }
  }
}

/** `run` with the kernels, then without; both results. */
function bothWays<T>(run: () => T): { fast: T; plain: T } {
  setWasmKernels(true);
  const fast = run();
  setWasmKernels(false);
  try {
    return { fast, plain: run() };
  } finally {
    setWasmKernels(true);
  }
}

describe("mlp kernels", () => {
  it("load and run here (Node has WebAssembly with SIMD), so the tests below compare two paths", () => {
    assert.equal(
      mlpKernels.withWorkspace([4], (_, kernels) => kernels !== undefined),
      true,
    );
  });

  it("mlpGradients: the same activations and norms, layers of mixed odd and even widths", () => {
    const rng = createRng(5);
    const widthsList = [
      [1],
      [2, 1],
      [3, 5, 2],
      [7, 8, 9, 4, 1],
      [16, 17, 15, 33, 8, 6],
      [36, 36, 36, 36],
      [64, 3, 64, 11],
    ];
    for (const widths of widthsList) {
      for (const activation of activations) {
        for (const scale of [0.3, 1, 6]) {
          // widths[0] is the input length; each layer maps widths[l] to widths[l + 1] (or to itself).
          const sizes = widths.length === 1 ? [1, 1] : widths;
          const weights = sizes
            .slice(1)
            .map((out, l) =>
              Float64Array.from({ length: out * sizes[l] }, () => (2 * rng.next() - 1) * scale),
            );
          const biases = sizes
            .slice(1)
            .map((out) => Float64Array.from({ length: out }, () => 2 * rng.next() - 1));
          const input = Float64Array.from({ length: sizes[0] }, () => 4 * rng.next() - 2);
          const { fast, plain } = bothWays(() =>
            mlpGradients({ weights, biases }, activation, input),
          );
          const what = `${sizes.join("→")} ${activation} ×${scale}`;
          for (let l = 0; l < weights.length; l++) {
            assertSameBits(fast.activations[l], plain.activations[l], `${what} a[${l}]`);
          }
          assertSameBits(fast.weightGradNorms, plain.weightGradNorms, `${what} ‖∂W‖`);
          assertSameBits(fast.log10WeightGradNorms, plain.log10WeightGradNorms, `${what} log10`);
          assertSameBits(fast.biasGradNorms, plain.biasGradNorms, `${what} ‖∂b‖`);
        }
      }
    }
  });

  it("simulateVanishingGradient and StreamGradientNorms: the same norms, deep and rescaled ones too", () => {
    const shapes: [number, number][] = [
      [1, 1],
      [1, 6],
      [2, 3],
      [5, 7],
      [20, 16],
      [40, 9],
      [300, 3], // δ rescaled by 2^400 on the way down (sigmoid)
    ];
    for (const [depth, width] of shapes) {
      for (const activation of activations) {
        for (const init of ["normal", "xavier", "he"] as const) {
          const options = { depth, width, activation, init, seed: depth * 7 + width, samples: 2 };
          const what = `${depth}×${width} ${activation} ${init}`;
          const simulated = bothWays(() => simulateVanishingGradient(options));
          assertSameBits(
            simulated.fast.log10GradientNorms,
            simulated.plain.log10GradientNorms,
            `${what} simulate`,
          );
          const streamed = bothWays(() =>
            new StreamGradientNorms().run(new NormalStream(options.seed), {
              ...options,
              scale: 1.5,
            }),
          );
          assertSameBits(streamed.fast, streamed.plain, `${what} stream`);
        }
      }
    }
  });

  it("trainDeepNetwork: the same losses and updates, batch sizes 1 and 3 to 6, odd and even widths", () => {
    let cases = 0;
    for (const [depth, width] of [
      [1, 1],
      [1, 4],
      [2, 3],
      [3, 5],
      [4, 8],
      [6, 9],
      [5, 16],
      [3, 17],
      [8, 36],
    ]) {
      for (const batchSize of [1, 3, 4, 5, 6]) {
        for (const activation of activations) {
          // ReLU's zero derivatives take the kernel's path that skips a δ of 0; scale 40 with
          // ReLU overflows to ∞ and NaN within a few layers.
          for (const scale of activation === "relu" ? [1, 40] : [1]) {
            const options = {
              depth,
              width,
              activation,
              init: activation === "relu" ? ("he" as const) : ("xavier" as const),
              scale,
              seed: 31 * depth + width + batchSize,
              steps: 3,
              learningRate: 0.5,
              batchSize,
            };
            const { fast, plain } = bothWays(() => trainDeepNetwork(options));
            const what = `${depth}×${width} batch ${batchSize} ${activation} ×${scale}`;
            assertSameBits(fast.losses, plain.losses, `${what} losses`);
            assertSameBits([fast.finalLoss], [plain.finalLoss], `${what} final loss`);
            for (let s = 0; s < options.steps; s++) {
              assertSameBits(fast.updateNorms[s], plain.updateNorms[s], `${what} step ${s} ΔW`);
              assertSameBits(
                fast.relativeUpdates[s],
                plain.relativeUpdates[s],
                `${what} step ${s} ΔW/W`,
              );
            }
            cases++;
          }
        }
      }
    }
    assert.ok(cases > 100);
  });
});

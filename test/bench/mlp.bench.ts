// Forward + backward through MLPs of depth 10, 50 and 100 at width 64 (activation after every
// layer, loss Σ y, per-layer ‖∂/∂W_l‖_F): mlpGradients against a hand-written loop of the same
// maths. Interleaved rounds, median of per-round ratios. Run: node --import tsx test/bench/mlp.bench.ts
import { mlpGradients } from "../../src/core";
import type { Activation } from "../../src/core";
import { createRng } from "../../src/core/random";
import {
  BenchCase,
  RatioRow,
  measureInterleaved,
  medianRatio,
  printEnvironment,
  printRatioTable,
} from "./interleave";

const width = 64;

function network(depth: number, seed: number) {
  const rng = createRng(seed);
  const std = Math.sqrt(1 / width);
  const weights = Array.from({ length: depth }, () =>
    Float64Array.from({ length: width * width }, () => rng.normal() * std),
  );
  const biases = Array.from({ length: depth }, () => new Float64Array(width));
  const input = Float64Array.from({ length: width }, () => rng.normal());
  return { weights, biases, input };
}

/**
 * The same maths by hand: sigmoid forward, δ backward from the saved outputs, ‖δ‖·‖a‖ per layer.
 * The width is a parameter, as in any general loop (a module constant would let the JIT
 * specialise on 64, which the core cannot).
 */
function handSigmoidGradients(
  width: number,
  weights: Float64Array[],
  biases: Float64Array[],
  input: Float64Array,
  activations: Float64Array[],
  delta: Float64Array,
  next: Float64Array,
  norms: Float64Array,
): Float64Array {
  const depth = weights.length;
  let previous = input;
  for (let l = 0; l < depth; l++) {
    const w = weights[l];
    const out = activations[l];
    for (let k = 0; k < width; k++) {
      let s = 0;
      for (let j = 0; j < width; j++) s += w[k * width + j] * previous[j];
      out[k] = 1 / (1 + Math.exp(-(s + biases[l][k])));
    }
    previous = out;
  }
  let current = delta;
  let other = next;
  for (let k = 0; k < width; k++)
    current[k] = (1 - activations[depth - 1][k]) * activations[depth - 1][k];
  for (let l = depth - 1; l >= 0; l--) {
    const a = l === 0 ? input : activations[l - 1];
    let dd = 0;
    let aa = 0;
    for (let k = 0; k < width; k++) {
      dd += current[k] * current[k];
      aa += a[k] * a[k];
    }
    norms[l] = Math.sqrt(dd) * Math.sqrt(aa);
    if (l === 0) break;
    other.fill(0);
    const w = weights[l];
    for (let k = 0; k < width; k++) {
      const d = current[k];
      for (let j = 0; j < width; j++) other[j] += d * w[k * width + j];
    }
    for (let j = 0; j < width; j++) other[j] *= (1 - a[j]) * a[j];
    const swap = current;
    current = other;
    other = swap;
  }
  return norms;
}

function main(): void {
  printEnvironment();
  const cases: BenchCase[] = [];
  const rows: Array<() => RatioRow> = [];
  const activation: Activation = "sigmoid";
  for (const depth of [10, 50, 100]) {
    const { weights, biases, input } = network(depth, depth);
    const activations = Array.from({ length: depth }, () => new Float64Array(width));
    const delta = new Float64Array(width);
    const next = new Float64Array(width);
    const norms = new Float64Array(depth);
    const core = mlpGradients({ weights, biases }, activation, input).weightGradNorms;
    const hand = handSigmoidGradients(
      width,
      weights,
      biases,
      input,
      activations,
      delta,
      next,
      norms,
    );
    for (let l = 0; l < depth; l++) {
      if (Math.abs(core[l] - hand[l]) > 1e-12 * hand[l])
        throw new Error(`layer ${l}: core ${core[l]} vs hand ${hand[l]}`);
    }
    cases.push(
      {
        name: `core depth=${depth}`,
        run: () => mlpGradients({ weights, biases }, activation, input).weightGradNorms,
      },
      {
        name: `hand depth=${depth}`,
        run: () =>
          handSigmoidGradients(width, weights, biases, input, activations, delta, next, norms),
      },
    );
    rows.push(() => {
      const ratio = medianRatio(samples, `core depth=${depth}`, `hand depth=${depth}`);
      return {
        name: `MLP forward+backward, sigmoid, depth ${depth}, width 64: core / hand loop`,
        ratio,
        budget: "≤ 1.2",
        ok: ratio <= 1.2,
      };
    });
  }
  const samples = measureInterleaved(cases, { rounds: 31, warmupRounds: 3, minMs: 25 });
  printRatioTable(
    "MLP gradients: median of per-round ratios",
    rows.map((make) => make()),
  );
  console.log("\nmedian ns per call:");
  for (const [name, values] of samples)
    console.log(`  ${name}: ${Math.round([...values].sort((a, b) => a - b)[values.length >> 1])}`);
}

main();

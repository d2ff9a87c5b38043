// The vanishing-gradient experiment of the study note: a deep stack of equal-width layers with
// random weights, one activation after every layer, and the size of ∂(Σ y)/∂W_l at every layer.
// With sigmoid every layer multiplies the gradient by σ' ≤ 0.25 (times ‖W‖), so layer l's gradient
// has crossed depth − l of those factors: the bound 0.25^(depth − l) reported next to it.
import { NormalStream } from "../normalStream";
import { createRng, Rng } from "../random";
import { readChoice, readInteger, readNumber } from "../shapes";
import { Activation, maxDerivative, readActivation } from "./activation";
import {
  DenseLayer,
  MlpWorkspace,
  createWorkspace,
  gradientNormsInto,
  maxDepth,
  maxWidth,
} from "./mlp";

export type WeightInit = "normal" | "xavier" | "he";

export interface DeepNetworkOptions {
  /** Number of layers, 1..1,000. */
  depth: number;
  /** Units per layer (and input length), 1..4,096; depth·width² ≤ 2^25 weights. */
  width: number;
  /**
   * "normal": N(0, scale²); "xavier" (Glorot normal): N(0, scale²·2/(fan_in + fan_out));
   * "he" (Kaiming normal): N(0, scale²·2/fan_in). Biases are 0; the input is N(0, 1).
   */
  init: WeightInit;
  /** Multiplies the standard deviation; default 1. */
  scale?: number;
  /** Seed of createRng. */
  seed: number;
}

export interface VanishingGradientOptions extends DeepNetworkOptions {
  activation: Activation;
  /** Networks drawn (each with its own input) and averaged; 1..1,000, default 4. */
  samples?: number;
}

export interface VanishingGradientResult {
  /** Mean over samples of ‖∂(Σ y)/∂W_l‖_F, layer 0 (nearest the input) first. */
  gradientNorms: Float64Array;
  /** log10 of gradientNorms, finite where the norms underflow to 0 (depth ≳ 500 with sigmoid). */
  log10GradientNorms: Float64Array;
  /** 0.25^depth, the note's bound on the factor the activations alone apply to layer 0. */
  sigmoidBound: number;
  /** Per layer l (0-based) 0.25^(depth − l): the σ' factors layer l's gradient has crossed. */
  layerSigmoidBound: Float64Array;
  /** log10 of layerSigmoidBound (which underflows past depth ≈ 537). */
  log10LayerSigmoidBound: Float64Array;
  /** max act' for the chosen activation: 0.25 for sigmoid, 1 for tanh and relu. */
  maxDerivative: number;
  samples: number;
}

export const maxWeights = 2 ** 25;
const inits: readonly WeightInit[] = ["normal", "xavier", "he"];

export interface ReadDeepOptions {
  depth: number;
  width: number;
  init: WeightInit;
  scale: number;
  seed: number;
}

export function readDeepNetworkOptions(options: unknown): ReadDeepOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `options: expected { depth, width, activation, init, scale?, seed, … }, got ${options === null ? "null" : typeof options}`,
    );
  }
  const o = options as Partial<DeepNetworkOptions>;
  const depth = readInteger("options.depth", o.depth, 1, maxDepth);
  const width = readInteger("options.width", o.width, 1, maxWidth);
  if (depth * width * width > maxWeights) {
    throw new RangeError(
      `options.depth × options.width²: expected at most ${maxWeights} weights, got ${depth}×${width}² = ${depth * width * width}`,
    );
  }
  const init = readChoice("options.init", o.init, inits);
  const scale =
    o.scale === undefined ? 1 : readNumber("options.scale", o.scale, Number.MIN_VALUE, 1e6);
  if (typeof o.seed !== "number" || !Number.isFinite(o.seed)) {
    throw new TypeError(`options.seed: expected a finite number, got ${String(o.seed)}`);
  }
  return { depth, width, init, scale, seed: o.seed };
}

export function initStandardDeviation(init: WeightInit, scale: number, width: number): number {
  if (init === "xavier") return scale * Math.sqrt(2 / (width + width));
  if (init === "he") return scale * Math.sqrt(2 / width);
  return scale;
}

/**
 * Draws one network and its input from rng's ziggurat normals (fillNormal): every layer's weights
 * row by row (std · N(0, 1)), then the input (N(0, 1)).
 */
export function drawInto(layers: DenseLayer[], input: Float64Array, std: number, rng: Rng): void {
  for (const layer of layers) rng.fillNormal(layer.weights, std);
  rng.fillNormal(input);
}

/**
 * Zeroed layers, viewed into one buffer of weights and one of biases: 400 typed arrays of their
 * own for 200 layers took ~1.7 ms to allocate in Chromium (per training run), the two buffers ~0.1.
 */
export function allocateLayers(depth: number, width: number): DenseLayer[] {
  const size = width * width;
  const weights = new Float64Array(depth * size);
  const biases = new Float64Array(depth * width);
  const layers: DenseLayer[] = [];
  for (let l = 0; l < depth; l++) {
    layers.push({
      weights: weights.subarray(l * size, (l + 1) * size),
      biases: biases.subarray(l * width, (l + 1) * width),
      inputs: width,
      outputs: width,
    });
  }
  return layers;
}

/**
 * The first network simulateVanishingGradient draws for these options (same seed, same order),
 * in mlpGradients' form — so that the simulation can be checked against mlpGradients and the
 * panel can export the exact weights.
 */
export function drawDeepNetwork(options: DeepNetworkOptions): {
  weights: Float64Array[];
  biases: Float64Array[];
  input: Float64Array;
} {
  const o = readDeepNetworkOptions(options);
  const layers = allocateLayers(o.depth, o.width);
  const input = new Float64Array(o.width);
  drawInto(layers, input, initStandardDeviation(o.init, o.scale, o.width), createRng(o.seed));
  return { weights: layers.map((l) => l.weights), biases: layers.map((l) => l.biases), input };
}

export function simulateVanishingGradient(
  options: VanishingGradientOptions,
): VanishingGradientResult {
  const o = readDeepNetworkOptions(options);
  const activation = readActivation("options.activation", options.activation);
  const samples =
    options.samples === undefined ? 4 : readInteger("options.samples", options.samples, 1, 1000);
  const { depth, width } = o;
  const rng = createRng(o.seed);
  const std = initStandardDeviation(o.init, o.scale, width);
  const layers = allocateLayers(depth, width);
  const input = new Float64Array(width);
  const workspace = createWorkspace(layers);
  const norms = new Float64Array(depth);
  const log10Norms = new Float64Array(depth);
  const biasNorms = new Float64Array(depth);
  const sum = new Float64Array(depth);
  // Σ_s 10^(log10 n_s) kept as (log10 of the largest) + log10 Σ 10^(x − max), so means of norms
  // that underflow individually still have a finite logarithm.
  const log10Samples: Float64Array[] = [];
  for (let s = 0; s < samples; s++) {
    drawInto(layers, input, std, rng);
    gradientNormsInto(layers, activation, input, workspace, norms, log10Norms, biasNorms);
    for (let l = 0; l < depth; l++) sum[l] += norms[l];
    log10Samples.push(log10Norms.slice());
  }
  const gradientNorms = new Float64Array(depth);
  const log10GradientNorms = new Float64Array(depth);
  const layerSigmoidBound = new Float64Array(depth);
  const log10LayerSigmoidBound = new Float64Array(depth);
  const log10Quarter = Math.log10(0.25);
  for (let l = 0; l < depth; l++) {
    gradientNorms[l] = sum[l] / samples;
    let max = -Infinity;
    for (let s = 0; s < samples; s++) if (log10Samples[s][l] > max) max = log10Samples[s][l];
    if (max === -Infinity || !Number.isFinite(max)) {
      log10GradientNorms[l] = max;
    } else {
      let total = 0;
      for (let s = 0; s < samples; s++) total += 10 ** (log10Samples[s][l] - max);
      log10GradientNorms[l] = max + Math.log10(total / samples);
    }
    layerSigmoidBound[l] = 0.25 ** (depth - l);
    log10LayerSigmoidBound[l] = (depth - l) * log10Quarter;
  }
  return {
    gradientNorms,
    log10GradientNorms,
    sigmoidBound: 0.25 ** depth,
    layerSigmoidBound,
    log10LayerSigmoidBound,
    maxDerivative: maxDerivative[activation],
    samples,
  };
}

/**
 * log10 ‖∂(Σ y)/∂W_l‖ per layer for the network drawn from a NormalStream — the numbers
 * simulateVanishingGradient({ ...options, seed: stream.seed, samples: 1 }) gives — keeping its
 * buffers between calls of the same shape, and the stream's draws between calls of any shape:
 * changing the activation, the initialisation or its scale draws nothing, and a shallower or
 * narrower network reads a prefix of what was drawn.
 */
export class StreamGradientNorms {
  private shape = "";
  private layers: DenseLayer[] = [];
  /** Scaled weights, when the standard deviation is not 1. */
  private weights = new Float64Array(0);
  private input = new Float64Array(0);
  private workspace: MlpWorkspace | undefined;
  private norms = new Float64Array(0);
  private biasNorms = new Float64Array(0);

  run(
    stream: NormalStream,
    options: Omit<DeepNetworkOptions, "seed"> & { activation: Activation },
  ): Float64Array {
    const o = readDeepNetworkOptions({ ...options, seed: stream.seed });
    const activation = readActivation("options.activation", options.activation);
    const { depth, width } = o;
    const shape = `${depth}×${width}`;
    if (shape !== this.shape || !this.workspace) {
      // One buffer for all the weights, viewed per layer (as createWorkspace does for activations).
      this.weights = new Float64Array(depth * width * width);
      const biases = new Float64Array(width);
      this.layers = Array.from({ length: depth }, () => ({
        weights: this.weights,
        biases,
        inputs: width,
        outputs: width,
      }));
      this.input = new Float64Array(width);
      this.workspace = createWorkspace(this.layers);
      this.norms = new Float64Array(depth);
      this.biasNorms = new Float64Array(depth);
      this.shape = shape;
    }
    const count = depth * width * width;
    const normals = stream.take(count + width);
    const std = initStandardDeviation(o.init, o.scale, width);
    const size = width * width;
    if (std === 1) {
      // N(0, 1) weights are the stream itself: read in place.
      for (let l = 0; l < depth; l++) {
        this.layers[l].weights = normals.subarray(l * size, (l + 1) * size);
      }
    } else {
      // The same products fillNormal(weights, std) forms, so the numbers match bit for bit.
      for (let l = 0; l < depth; l++) {
        const w = this.weights.subarray(l * size, (l + 1) * size);
        for (let k = 0; k < size; k++) w[k] = normals[l * size + k] * std;
        this.layers[l].weights = w;
      }
    }
    this.input.set(normals.subarray(count, count + width));
    const log10Norms = new Float64Array(depth);
    gradientNormsInto(
      this.layers,
      activation,
      this.input,
      this.workspace,
      this.norms,
      log10Norms,
      this.biasNorms,
    );
    return log10Norms;
  }
}

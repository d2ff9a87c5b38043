// "Train a few steps" for the vanishing-gradient view: full-batch gradient descent on a deep
// stack (same draws as simulateVanishingGradient), recording how far every layer's weights move
// at every step. With sigmoid the layers nearest the input barely move — their updates are
// ~0.25^(depth − l) of the last layer's — while relu with He initialisation moves them all.
//
// Task: fit random targets, loss = (1/2B) Σ_b ‖y_b − t_b‖² over a fixed batch of B inputs
// x ~ N(0, 1) and targets t ~ U(0, 1) (reachable by every activation's range near the middle).
import { createRng } from "../random";
import { readInteger, readNumber } from "../shapes";
import { Activation, readActivation } from "./activation";
import { backwardLayers, createWorkspace, forwardLayers } from "./mlp";
import {
  DeepNetworkOptions,
  allocateLayers,
  drawInto,
  initStandardDeviation,
  readDeepNetworkOptions,
} from "./vanishingGradient";

export interface TrainDeepNetworkOptions extends DeepNetworkOptions {
  activation: Activation;
  /** Gradient-descent steps, 1..1,000. */
  steps: number;
  /** Step size, default 0.1. */
  learningRate?: number;
  /** Training examples in the fixed batch, 1..256, default 16. */
  batchSize?: number;
}

export interface TrainDeepNetworkResult {
  /** Loss before each step (length steps). */
  losses: Float64Array;
  /** Loss after the last step. */
  finalLoss: number;
  /** ‖ΔW_l‖_F = learningRate·‖∂loss/∂W_l‖_F, steps × depth, layer 0 (nearest the input) first. */
  updateNorms: Float64Array[];
  /** ‖ΔW_l‖_F / ‖W_l‖_F, steps × depth: how much of each layer one step changes. */
  relativeUpdates: Float64Array[];
}

export function trainDeepNetwork(options: TrainDeepNetworkOptions): TrainDeepNetworkResult {
  const o = readDeepNetworkOptions(options);
  const activation = readActivation("options.activation", options.activation);
  const steps = readInteger("options.steps", options.steps, 1, 1000);
  const learningRate =
    options.learningRate === undefined
      ? 0.1
      : readNumber("options.learningRate", options.learningRate, 0, 1e6);
  const batchSize =
    options.batchSize === undefined
      ? 16
      : readInteger("options.batchSize", options.batchSize, 1, 256);
  const { depth, width } = o;
  const rng = createRng(o.seed);
  const layers = allocateLayers(depth, width);
  drawInto(layers, new Float64Array(width), initStandardDeviation(o.init, o.scale, width), rng);
  const inputs: Float64Array[] = [];
  const targets: Float64Array[] = [];
  for (let b = 0; b < batchSize; b++) {
    const x = new Float64Array(width);
    rng.fillNormal(x);
    inputs.push(x);
  }
  for (let b = 0; b < batchSize; b++) {
    const t = new Float64Array(width);
    for (let k = 0; k < width; k++) t[k] = rng.next();
    targets.push(t);
  }

  const workspace = createWorkspace(layers);
  const { activations, deltas, deltaExponents } = workspace;
  const weightGrads = layers.map((layer) => new Float64Array(layer.weights.length));
  const biasGrads = layers.map((layer) => new Float64Array(layer.outputs));
  const outputGradient = new Float64Array(width);

  const batchLoss = (): number => {
    let loss = 0;
    for (let b = 0; b < batchSize; b++) {
      forwardLayers(layers, activation, inputs[b], activations);
      const y = activations[depth - 1];
      for (let k = 0; k < width; k++) loss += (y[k] - targets[b][k]) ** 2;
    }
    return loss / (2 * batchSize);
  };

  const losses = new Float64Array(steps);
  const updateNorms: Float64Array[] = [];
  const relativeUpdates: Float64Array[] = [];
  for (let step = 0; step < steps; step++) {
    for (const g of weightGrads) g.fill(0);
    for (const g of biasGrads) g.fill(0);
    let loss = 0;
    for (let b = 0; b < batchSize; b++) {
      forwardLayers(layers, activation, inputs[b], activations);
      const y = activations[depth - 1];
      for (let k = 0; k < width; k++) {
        const error = y[k] - targets[b][k];
        loss += error * error;
        outputGradient[k] = error / batchSize;
      }
      backwardLayers(layers, activation, activations, outputGradient, deltas, deltaExponents);
      for (let l = 0; l < depth; l++) {
        const power = 2 ** deltaExponents[l];
        const delta = deltas[l];
        const previous = l === 0 ? inputs[b] : activations[l - 1];
        const grad = weightGrads[l];
        const biasGrad = biasGrads[l];
        for (let k = 0; k < width; k++) {
          const d = delta[k] * power;
          biasGrad[k] += d;
          if (d === 0) continue;
          const row = k * width;
          for (let j = 0; j < width; j++) grad[row + j] += d * previous[j];
        }
      }
    }
    losses[step] = loss / (2 * batchSize);
    const updates = new Float64Array(depth);
    const relative = new Float64Array(depth);
    for (let l = 0; l < depth; l++) {
      const { weights, biases } = layers[l];
      const grad = weightGrads[l];
      let gradSquares = 0;
      let weightSquares = 0;
      for (let k = 0; k < weights.length; k++) {
        gradSquares += grad[k] * grad[k];
        weightSquares += weights[k] * weights[k];
        weights[k] -= learningRate * grad[k];
      }
      for (let k = 0; k < width; k++) biases[k] -= learningRate * biasGrads[l][k];
      updates[l] = learningRate * Math.sqrt(gradSquares);
      relative[l] = updates[l] / Math.sqrt(weightSquares);
    }
    updateNorms.push(updates);
    relativeUpdates.push(relative);
  }
  return { losses, finalLoss: batchLoss(), updateNorms, relativeUpdates };
}

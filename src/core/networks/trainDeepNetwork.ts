// "Train a few steps" for the vanishing-gradient view: full-batch gradient descent on a deep
// stack (same draws as simulateVanishingGradient), recording how far every layer's weights move
// at every step. With sigmoid the layers nearest the input barely move — their updates are
// ~0.25^(depth − l) of the last layer's — while relu with He initialisation moves them all.
//
// Task: fit random targets, loss = (1/2B) Σ_b ‖y_b − t_b‖² over a fixed batch of B inputs
// x ~ N(0, 1) and targets t ~ U(0, 1) (reachable by every activation's range near the middle).
import { createRng } from "../random";
import { readInteger, readNumber } from "../shapes";
import { Activation, activateInPlace, multiplyByDerivative, readActivation } from "./activation";
import { type MlpKernelExports, mlpKernels } from "../kernels/mlpKernels";
import { DenseLayer, KernelRoom, createWorkspace, rescale, stageLayer } from "./mlp";
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
  const training = startDeepNetworkTraining(options);
  while (training.stepsDone < training.steps) training.step();
  return training.result();
}

/** A training run taken one step at a time, so that a page can run it in slices and stop early. */
export interface DeepNetworkTraining {
  readonly steps: number;
  readonly stepsDone: number;
  /** One gradient-descent step (no-op once all steps are done). */
  step(): void;
  /** The steps done so far; finalLoss is the loss after the last of them. */
  result(): TrainDeepNetworkResult;
}

/** Validates, draws the network and the batch; trainDeepNetwork is this run to the end. */
export function startDeepNetworkTraining(options: TrainDeepNetworkOptions): DeepNetworkTraining {
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

  // The arrays a step works in: per example the activations of every layer and the scaled δ of
  // the layer being updated and the one below it (true δ = delta · 2^exponent, rescaled as in
  // backwardLayers). Where the kernels can run, these are views on their memory, laid out as the
  // batch kernels read them, and each layer's weights are copied in as it is reached (see
  // KernelRoom); else they are these ordinary arrays, made when first needed.
  let plain: StepArrays | undefined;
  const plainArrays = (): StepArrays =>
    (plain ??= {
      layers,
      inputs,
      activations: inputs.map(() => createWorkspace(layers).activations),
      deltas: inputs.map(() => new Float64Array(width)),
      below: inputs.map(() => new Float64Array(width)),
      scaled: new Float64Array(batchSize),
      scratch: new Float64Array(3 * batchSize),
      squares: new Float64Array(2),
    });
  const lengths = [
    width * width, // one layer's weights
    width, // and biases
    (depth + 1) * batchSize * width, // the inputs, then every layer's activations, by example
    batchSize * width,
    batchSize * width,
    batchSize,
    3 * batchSize,
    2,
  ];
  /** The views of the last step, valid in the next one if the memory was not grown between. */
  let cached: StepArrays | undefined;
  const inWorkspace = <T>(body: (arrays: StepArrays) => T): T =>
    mlpKernels.withWorkspace(lengths, (views, exports) => {
      if (!exports) return body(plainArrays());
      if (cached?.scaled.buffer !== views[0].buffer) {
        cached = viewStepArrays(views, exports, layers, batchSize);
      }
      for (let b = 0; b < batchSize; b++) cached.inputs[b].set(inputs[b]);
      return body(cached);
    });
  const gradRow = new Float64Array(width);
  const biasGrad = new Float64Array(width);
  const exponents = new Int32Array(batchSize);
  /** Layer l's input for every example, refilled per layer (no array per layer and step). */
  const previous = new Array<Float64Array>(batchSize);

  const forward = (a: StepArrays): number => {
    forwardBatch(a.layers, activation, a.inputs, a.activations, a.room);
    let loss = 0;
    for (let b = 0; b < batchSize; b++) {
      const y = a.activations[b][depth - 1];
      for (let k = 0; k < width; k++) {
        const error = y[k] - targets[b][k];
        loss += error * error;
      }
    }
    return loss / (2 * batchSize);
  };

  const losses = new Float64Array(steps);
  const updateNorms: Float64Array[] = [];
  const relativeUpdates: Float64Array[] = [];
  let stepsDone = 0;
  const stepIn = (a: StepArrays): void => {
    const { activations, deltas, below, scaled } = a;
    losses[stepsDone] = forward(a);
    for (let b = 0; b < batchSize; b++) {
      const y = activations[b][depth - 1];
      const delta = deltas[b];
      for (let k = 0; k < width; k++) delta[k] = (y[k] - targets[b][k]) / batchSize;
      multiplyByDerivative(activation, delta, y, width);
      exponents[b] = rescale(delta, width);
    }
    const updates = new Float64Array(depth);
    const relative = new Float64Array(depth);
    // From the last layer down, one pass over each weight matrix does both halves of its work:
    // δ_{l−1} = act' ⊙ W_lᵀ δ_l for every example (from the weights before this step), and
    // W_l −= rate · Σ_b δ_l,b a_{l−1,b}ᵀ with the norms of the gradient and the weights. Layer l's
    // update touches nothing the layers below it still need, so this is plain gradient descent.
    for (let l = depth - 1; l >= 0; l--) {
      for (let b = 0; b < batchSize; b++) {
        previous[b] = l === 0 ? a.inputs[b] : activations[b][l - 1];
        scaled[b] = 2 ** exponents[b];
        below[b].fill(0);
      }
      const [gradSquares, weightSquares] = backwardAndUpdate(
        a.layers[l],
        deltas,
        scaled,
        l > 0 ? below : undefined,
        previous,
        learningRate,
        gradRow,
        biasGrad,
        a.scratch,
        a.squares,
        a.room,
      );
      updates[l] = learningRate * Math.sqrt(gradSquares);
      relative[l] = updates[l] / Math.sqrt(weightSquares);
      if (l > 0) {
        for (let b = 0; b < batchSize; b++) {
          multiplyByDerivative(activation, below[b], activations[b][l - 1], width);
          exponents[b] += rescale(below[b], width);
          const swap = deltas[b];
          deltas[b] = below[b];
          below[b] = swap;
        }
      }
    }
    updateNorms.push(updates);
    relativeUpdates.push(relative);
    stepsDone++;
  };
  return {
    steps,
    get stepsDone() {
      return stepsDone;
    },
    step: () => {
      if (stepsDone < steps) inWorkspace(stepIn);
    },
    result: () => ({
      losses: losses.slice(0, stepsDone),
      finalLoss: inWorkspace(forward),
      updateNorms: updateNorms.slice(),
      relativeUpdates: relativeUpdates.slice(),
    }),
  };
}

/** The arrays of one training step (see inWorkspace). */
interface StepArrays {
  /**
   * Set when every array but the layers is a view on the kernels' memory, each example's width·8
   * bytes after the one before.
   */
  room?: KernelRoom;
  layers: DenseLayer[];
  inputs: Float64Array[];
  /** [example][layer] */
  activations: Float64Array[][];
  deltas: Float64Array[];
  below: Float64Array[];
  /** 2^exponent per example. */
  scaled: Float64Array;
  /** The backward kernel's: 3 × batch. */
  scratch: Float64Array;
  /** [‖∂loss/∂W_l‖², ‖W_l‖²] of the layer just updated. */
  squares: Float64Array;
}

/**
 * A step's arrays as views on the workspace [a layer's weights, its biases, values, deltas, below,
 * scaled, scratch, squares], values holding the inputs and then each layer's activations, example
 * by example.
 */
function viewStepArrays(
  views: Float64Array[],
  exports: MlpKernelExports,
  layers: DenseLayer[],
  batchSize: number,
): StepArrays {
  const [weights, biases, values, deltas, below, scaled, scratch, squares] = views;
  const width = layers[0].outputs;
  const row = (array: Float64Array, index: number) =>
    array.subarray(index * width, (index + 1) * width);
  const examples = Array.from({ length: batchSize }, (_, b) => b);
  return {
    room: { exports, weights, biases },
    layers,
    inputs: examples.map((b) => row(values, b)),
    activations: examples.map((b) => layers.map((_, l) => row(values, (l + 1) * batchSize + b))),
    deltas: examples.map((b) => row(deltas, b)),
    below: examples.map((b) => row(below, b)),
    scaled,
    scratch,
    squares,
  };
}

/**
 * forwardLayers for a batch: each weight row is read once for all the examples. With `room`, every
 * array but the layers is a view on the kernels' memory, each example's width·8 bytes after the
 * one before.
 */
function forwardBatch(
  layers: DenseLayer[],
  activation: Activation,
  inputs: Float64Array[],
  activations: Float64Array[][],
  room: KernelRoom | undefined,
): void {
  const batchSize = inputs.length;
  // Each layer's inputs and outputs per example, looked up once per layer, not per weight row.
  const previous = inputs.slice();
  const outputsOf = new Array<Float64Array>(batchSize);
  const weightsAt = room?.weights.byteOffset ?? 0;
  const biasesAt = room?.biases.byteOffset ?? 0;
  for (let l = 0; l < layers.length; l++) {
    for (let b = 0; b < batchSize; b++) outputsOf[b] = activations[b][l];
    const { inputs: fanIn, outputs } = layers[l];
    if (room) {
      stageLayer(room, layers[l]);
      room.exports.forward(
        weightsAt,
        outputs,
        fanIn,
        biasesAt,
        previous[0].byteOffset,
        8 * fanIn,
        outputsOf[0].byteOffset,
        8 * outputs,
        batchSize,
      );
    } else forwardLayer(layers[l], previous, outputsOf);
    for (let b = 0; b < batchSize; b++) {
      activateInPlace(activation, outputsOf[b], outputs);
      previous[b] = outputsOf[b];
    }
  }
}

/**
 * One layer's pre-activations for the batch: out_b = W p_b + bias, summed j = 0, 1, … as before.
 * Four rows a turn: four sums that do not wait for one another, each in the same order.
 */
function forwardLayer(layer: DenseLayer, previous: Float64Array[], out: Float64Array[]): void {
  const { weights, biases, inputs: fanIn, outputs } = layer;
  const batchSize = previous.length;
  let k = 0;
  for (; k + 3 < outputs; k += 4) {
    const r0 = k * fanIn;
    const r1 = r0 + fanIn;
    const r2 = r1 + fanIn;
    const r3 = r2 + fanIn;
    let b = 0;
    // Two examples a turn as well: eight sums, each weight loaded once for both.
    for (; b + 1 < batchSize; b += 2) {
      const p = previous[b];
      const q = previous[b + 1];
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let j = 0; j < fanIn; j++) {
        const x = p[j];
        const y = q[j];
        const w0 = weights[r0 + j];
        const w1 = weights[r1 + j];
        const w2 = weights[r2 + j];
        const w3 = weights[r3 + j];
        s0 += w0 * x;
        s1 += w1 * x;
        s2 += w2 * x;
        s3 += w3 * x;
        t0 += w0 * y;
        t1 += w1 * y;
        t2 += w2 * y;
        t3 += w3 * y;
      }
      const o = out[b];
      o[k] = biases[k] + s0;
      o[k + 1] = biases[k + 1] + s1;
      o[k + 2] = biases[k + 2] + s2;
      o[k + 3] = biases[k + 3] + s3;
      const u = out[b + 1];
      u[k] = biases[k] + t0;
      u[k + 1] = biases[k + 1] + t1;
      u[k + 2] = biases[k + 2] + t2;
      u[k + 3] = biases[k + 3] + t3;
    }
    for (; b < batchSize; b++) {
      const p = previous[b];
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < fanIn; j++) {
        const x = p[j];
        s0 += weights[r0 + j] * x;
        s1 += weights[r1 + j] * x;
        s2 += weights[r2 + j] * x;
        s3 += weights[r3 + j] * x;
      }
      const o = out[b];
      o[k] = biases[k] + s0;
      o[k + 1] = biases[k + 1] + s1;
      o[k + 2] = biases[k + 2] + s2;
      o[k + 3] = biases[k + 3] + s3;
    }
  }
  for (; k < outputs; k++) {
    const row = k * fanIn;
    const bias = biases[k];
    for (let b = 0; b < batchSize; b++) {
      const p = previous[b];
      let sum = 0;
      for (let j = 0; j < fanIn; j++) sum += weights[row + j] * p[j];
      out[b][k] = bias + sum;
    }
  }
}

/**
 * One layer's pass of a training step, row by row: adds W_lᵀ δ_l to `below` (unless this is the
 * first layer), forms ∂loss/∂W_l = Σ_b δ_b a_bᵀ a row at a time, steps the weights and biases, and
 * returns [‖∂loss/∂W_l‖², ‖W_l‖²] in `squares`. Its own function: V8 optimises a small hot
 * function better than the same loops inside a long one (measured ~1.5× here).
 */
function backwardAndUpdate(
  layer: DenseLayer,
  deltas: Float64Array[],
  scaled: Float64Array,
  below: Float64Array[] | undefined,
  previous: Float64Array[],
  learningRate: number,
  gradRow: Float64Array,
  biasGrad: Float64Array,
  scratch: Float64Array,
  squares: Float64Array,
  room: KernelRoom | undefined,
): Float64Array {
  const { weights, biases, inputs: width, outputs } = layer;
  const batchSize = deltas.length;
  if (room) {
    for (let k = 0; k < outputs; k++) {
      let biasSum = 0;
      for (let b = 0; b < batchSize; b++) biasSum += deltas[b][k] * scaled[b];
      biasGrad[k] = biasSum;
    }
    // The layer's weights are stepped in the room, then copied back.
    room.weights.set(weights);
    room.exports.backwardUpdate(
      room.weights.byteOffset,
      outputs,
      width,
      batchSize,
      deltas[0].byteOffset,
      8 * width,
      scaled.byteOffset,
      below ? 1 : 0,
      below ? below[0].byteOffset : 0,
      8 * width,
      previous[0].byteOffset,
      8 * width,
      learningRate,
      scratch.byteOffset,
      squares.byteOffset,
    );
    weights.set(room.weights);
    for (let k = 0; k < outputs; k++) biases[k] -= learningRate * biasGrad[k];
    return squares;
  }
  let gradSquares = 0;
  let weightSquares = 0;
  for (let k = 0; k < outputs; k++) {
    const row = k * width;
    gradRow.fill(0);
    let biasSum = 0;
    for (let b = 0; b < batchSize; b++) biasSum += deltas[b][k] * scaled[b];
    biasGrad[k] = biasSum;
    // The panel's batch of four, none of whose δ is 0: the whole row in one pass — each weight
    // read once for the four rows of `below`, its gradient summed over the examples in order
    // (from 0, as the gradient row starts) and the weight stepped at once, the squares added in
    // the order of the loops below.
    if (below && batchSize === 4) {
      const dk0 = deltas[0][k];
      const dk1 = deltas[1][k];
      const dk2 = deltas[2][k];
      const dk3 = deltas[3][k];
      const d0 = dk0 * scaled[0];
      const d1 = dk1 * scaled[1];
      const d2 = dk2 * scaled[2];
      const d3 = dk3 * scaled[3];
      if (d0 !== 0 && d1 !== 0 && d2 !== 0 && d3 !== 0) {
        const n0 = below[0];
        const n1 = below[1];
        const n2 = below[2];
        const n3 = below[3];
        const p0 = previous[0];
        const p1 = previous[1];
        const p2 = previous[2];
        const p3 = previous[3];
        for (let j = 0; j < width; j++) {
          const w = weights[row + j];
          n0[j] += dk0 * w;
          n1[j] += dk1 * w;
          n2[j] += dk2 * w;
          n3[j] += dk3 * w;
          const g = 0 + d0 * p0[j] + d1 * p1[j] + d2 * p2[j] + d3 * p3[j];
          gradSquares += g * g;
          weightSquares += w * w;
          weights[row + j] = w - learningRate * g;
        }
        continue;
      }
    }
    let b = 0;
    // Four examples a turn when none of their δ is 0 (a 0 adds nothing to the gradient and is
    // skipped, as below): each weight loaded once for four rows of `below`, and each gradient
    // element adding the four examples' products in order — the sums of the one-example loop.
    if (below) {
      for (; b + 3 < batchSize; b += 4) {
        const dk0 = deltas[b][k];
        const dk1 = deltas[b + 1][k];
        const dk2 = deltas[b + 2][k];
        const dk3 = deltas[b + 3][k];
        const d0 = dk0 * scaled[b];
        const d1 = dk1 * scaled[b + 1];
        const d2 = dk2 * scaled[b + 2];
        const d3 = dk3 * scaled[b + 3];
        if (d0 === 0 || d1 === 0 || d2 === 0 || d3 === 0) break;
        const n0 = below[b];
        const n1 = below[b + 1];
        const n2 = below[b + 2];
        const n3 = below[b + 3];
        const p0 = previous[b];
        const p1 = previous[b + 1];
        const p2 = previous[b + 2];
        const p3 = previous[b + 3];
        for (let j = 0; j < width; j++) {
          const w = weights[row + j];
          n0[j] += dk0 * w;
          n1[j] += dk1 * w;
          n2[j] += dk2 * w;
          n3[j] += dk3 * w;
          gradRow[j] = gradRow[j] + d0 * p0[j] + d1 * p1[j] + d2 * p2[j] + d3 * p3[j];
        }
      }
    }
    for (; b < batchSize; b++) {
      const dk = deltas[b][k];
      const d = dk * scaled[b];
      const p = previous[b];
      if (below && d !== 0) {
        // Both sums in one pass over the row (each element still adds in the same order).
        const next = below[b];
        for (let j = 0; j < width; j++) {
          next[j] += dk * weights[row + j];
          gradRow[j] += d * p[j];
        }
      } else if (below) {
        const next = below[b];
        for (let j = 0; j < width; j++) next[j] += dk * weights[row + j];
      } else if (d !== 0) {
        for (let j = 0; j < width; j++) gradRow[j] += d * p[j];
      }
    }
    for (let j = 0; j < width; j++) {
      const g = gradRow[j];
      const w = weights[row + j];
      gradSquares += g * g;
      weightSquares += w * w;
      weights[row + j] = w - learningRate * g;
    }
  }
  for (let k = 0; k < outputs; k++) biases[k] -= learningRate * biasGrad[k];
  squares[0] = gradSquares;
  squares[1] = weightSquares;
  return squares;
}

// A multilayer perceptron y = act(W_L … act(W_1 x + b_1) … + b_L) and the gradient of Σ y with
// respect to every weight matrix, by hand-written backpropagation:
//   δ_L = act'(z_L),  δ_l = act'(z_l) ⊙ W_{l+1}^T δ_{l+1},  ∂/∂W_l = δ_l a_{l−1}^T
// ∂/∂W_l is an outer product, so ‖∂/∂W_l‖_F = ‖δ_l‖·‖a_{l−1}‖ without forming the matrix.
// δ is rescaled by exact powers of two when it drifts below 2^−400 (or above 2^400), so a
// 1,000-layer sigmoid stack still reports log10 norms near −600 instead of 0.
import { NumericMatrix, NumericVector, isArrayLike, readMatrix, readVector } from "../shapes";
import { type MlpKernelExports, mlpKernels } from "../kernels/mlpKernels";
import { Activation, activateInPlace, multiplyByDerivative, readActivation } from "./activation";

export const maxDepth = 1000;
export const maxWidth = 4096;

export interface MlpNetwork {
  /** One matrix per layer, out×in (nn.Linear's weight layout), nested rows or flat row-major. */
  weights: NumericMatrix[];
  /** One vector per layer (length out); zeros when absent. */
  biases?: NumericVector[];
}

export interface MlpGradients {
  /** a_l = act(W_l a_{l−1} + b_l) for every layer l = 1..L (the input is not repeated). */
  activations: Float64Array[];
  /** ‖∂(Σ_j a_L[j]) / ∂W_l‖_F per layer. May underflow to 0 in very deep sigmoid stacks. */
  weightGradNorms: Float64Array;
  /** log10 of weightGradNorms, finite even where the norm itself underflows (−Infinity for an exact 0). */
  log10WeightGradNorms: Float64Array;
  /** ‖∂(Σ_j a_L[j]) / ∂b_l‖ = ‖δ_l‖ per layer. */
  biasGradNorms: Float64Array;
}

/** A validated dense layer, flat row-major. */
export interface DenseLayer {
  weights: Float64Array;
  biases: Float64Array;
  inputs: number;
  outputs: number;
}

/**
 * The kernels, and room in their memory for one layer: its weights and biases are copied there
 * just before its products, which then read them from the cache they were copied into. (All the
 * weights copied at once would be one more pass over memory than the plain loops make; at 200
 * layers × 36 the passes over 2 MB of weights, not the arithmetic, set the pace.)
 */
export interface KernelRoom {
  exports: MlpKernelExports;
  weights: Float64Array;
  biases: Float64Array;
}

/** Copies a layer's weights and biases into the room. */
export function stageLayer(room: KernelRoom, layer: DenseLayer): void {
  room.weights.set(
    layer.weights.length === layer.inputs * layer.outputs
      ? layer.weights
      : layer.weights.subarray(0, layer.inputs * layer.outputs),
  );
  room.biases.set(
    layer.biases.length === layer.outputs ? layer.biases : layer.biases.subarray(0, layer.outputs),
  );
}

const log10Of2 = Math.log10(2);
const up = 2 ** 400;
const down = 2 ** -400;

export function prepareLayers(network: unknown, inputSize: number): DenseLayer[] {
  if (typeof network !== "object" || network === null) {
    throw new TypeError(
      `network: expected { weights: out×in matrix per layer, biases?: vector per layer }, got ${network === null ? "null" : typeof network}`,
    );
  }
  const { weights, biases } = network as Partial<MlpNetwork>;
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new TypeError(
      `network.weights: expected an array of 1 to ${maxDepth} out×in matrices, got ${Array.isArray(weights) ? "an empty array" : typeof weights}`,
    );
  }
  if (weights.length > maxDepth) {
    throw new RangeError(
      `network.weights: expected depth at most ${maxDepth}, got ${weights.length} layers`,
    );
  }
  if (biases !== undefined && (!Array.isArray(biases) || biases.length !== weights.length)) {
    throw new RangeError(
      `network.biases: expected ${weights.length} vectors (one per layer), got ${Array.isArray(biases) ? biases.length : typeof biases}`,
    );
  }
  const layers: DenseLayer[] = [];
  let fanIn = inputSize;
  for (let l = 0; l < weights.length; l++) {
    const name = `network.weights[${l}]`;
    if (!isArrayLike(weights[l]) || weights[l].length === 0) {
      throw new TypeError(`${name}: expected an out×${fanIn} matrix, got ${typeof weights[l]}`);
    }
    const m = readMatrix(
      name,
      weights[l],
      undefined,
      fanIn,
      `out × in, in = ${l === 0 ? "input length" : `layer ${l - 1}'s out`}`,
    );
    if (m.rows > maxWidth) {
      throw new RangeError(`${name}: expected at most ${maxWidth} rows (width), got ${m.rows}`);
    }
    const bias = biases?.[l];
    const b =
      bias === undefined || bias === null
        ? new Float64Array(m.rows)
        : bias instanceof Float64Array && bias.length === m.rows
          ? bias
          : readVector(`network.biases[${l}]`, bias, m.rows, `layer ${l}'s out`);
    layers.push({ weights: m.data, biases: b, inputs: fanIn, outputs: m.rows });
    fanIn = m.rows;
  }
  return layers;
}

/**
 * Fills activations[l] (length layers[l].outputs) for every layer. With `room` (input and
 * activations views on the kernels' memory) the products run there, else in the plain loop: the
 * same numbers.
 */
export function forwardLayers(
  layers: DenseLayer[],
  activation: Activation,
  input: Float64Array,
  activations: Float64Array[],
  room?: KernelRoom,
): void {
  let previous = input;
  const weightsAt = room?.weights.byteOffset ?? 0;
  const biasesAt = room?.biases.byteOffset ?? 0;
  for (let l = 0; l < layers.length; l++) {
    const { weights, biases, inputs, outputs } = layers[l];
    const out = activations[l];
    if (room) {
      stageLayer(room, layers[l]);
      const at = previous.byteOffset;
      room.exports.forward(weightsAt, outputs, inputs, biasesAt, at, 0, out.byteOffset, 0, 1);
    } else denseForward(weights, biases, inputs, outputs, previous, out);
    activateInPlace(activation, out, outputs);
    previous = out;
  }
}

/** out = W·previous + biases, each row's sum from 0 adding j = 0, 1, … (what mlp.wat's forward keeps). */
function denseForward(
  weights: Float64Array,
  biases: Float64Array,
  inputs: number,
  outputs: number,
  previous: Float64Array,
  out: Float64Array,
): void {
  let k = 0;
  // Four rows a turn: four sums that do not wait for one another (one sum alone waits for each
  // addition to finish before the next), each still added j = 0, 1, … as in the single-row loop.
  for (; k + 3 < outputs; k += 4) {
    const r0 = k * inputs;
    const r1 = r0 + inputs;
    const r2 = r1 + inputs;
    const r3 = r2 + inputs;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < inputs; j++) {
      const p = previous[j];
      s0 += weights[r0 + j] * p;
      s1 += weights[r1 + j] * p;
      s2 += weights[r2 + j] * p;
      s3 += weights[r3 + j] * p;
    }
    out[k] = biases[k] + s0;
    out[k + 1] = biases[k + 1] + s1;
    out[k + 2] = biases[k + 2] + s2;
    out[k + 3] = biases[k + 3] + s3;
  }
  for (; k < outputs; k++) {
    let sum = 0;
    const row = k * inputs;
    for (let j = 0; j < inputs; j++) sum += weights[row + j] * previous[j];
    out[k] = biases[k] + sum;
  }
}

/**
 * Backpropagates from δ_L's upstream gradient `outputGradient` (∂loss/∂a_L); writes δ_l (scaled:
 * the true δ_l is deltas[l] · 2^deltaExponents[l]) for every layer.
 */
export function backwardLayers(
  layers: DenseLayer[],
  activation: Activation,
  activations: Float64Array[],
  outputGradient: Float64Array,
  deltas: Float64Array[],
  deltaExponents: Int32Array,
  room?: KernelRoom,
): void {
  const last = layers.length - 1;
  let exponent = 0;
  let delta = deltas[last];
  delta.set(outputGradient.subarray(0, layers[last].outputs));
  multiplyByDerivative(activation, delta, activations[last], layers[last].outputs);
  exponent += rescale(delta, layers[last].outputs);
  deltaExponents[last] = exponent;
  for (let l = last - 1; l >= 0; l--) {
    const { weights, inputs, outputs } = layers[l + 1];
    const next = deltas[l];
    next.fill(0, 0, inputs);
    if (room) {
      room.weights.set(weights.subarray(0, inputs * outputs));
      const at = room.weights.byteOffset;
      room.exports.transposedProduct(at, outputs, inputs, delta.byteOffset, next.byteOffset);
    } else transposedProduct(weights, inputs, outputs, delta, next);
    multiplyByDerivative(activation, next, activations[l], inputs);
    exponent += rescale(next, inputs);
    deltaExponents[l] = exponent;
    delta = next;
  }
}

/** next[j] += Σ_k delta[k]·W[k, j], k ascending (mlp.wat's transposedProduct keeps each sum's order). */
function transposedProduct(
  weights: Float64Array,
  inputs: number,
  outputs: number,
  delta: Float64Array,
  next: Float64Array,
): void {
  // W^T δ row by row, so the weights are read in memory order; four rows a turn, each element
  // still adding row k's product before row k + 1's (the same sums), loaded and stored once.
  let k = 0;
  for (; k + 3 < outputs; k += 4) {
    const d0 = delta[k];
    const d1 = delta[k + 1];
    const d2 = delta[k + 2];
    const d3 = delta[k + 3];
    const r0 = k * inputs;
    const r1 = r0 + inputs;
    const r2 = r1 + inputs;
    const r3 = r2 + inputs;
    for (let j = 0; j < inputs; j++) {
      next[j] =
        next[j] +
        d0 * weights[r0 + j] +
        d1 * weights[r1 + j] +
        d2 * weights[r2 + j] +
        d3 * weights[r3 + j];
    }
  }
  for (; k < outputs; k++) {
    const d = delta[k];
    const row = k * inputs;
    for (let j = 0; j < inputs; j++) next[j] += d * weights[row + j];
  }
}

/** Multiplies by 2^±400 when max |v| leaves [2^−400, 2^400]; returns the exponent to add back. */
export function rescale(values: Float64Array, length: number): number {
  let max = 0;
  for (let k = 0; k < length; k++) {
    const a = Math.abs(values[k]);
    if (a > max) max = a;
  }
  if (max === 0 || !Number.isFinite(max)) return 0;
  if (max < down) {
    for (let k = 0; k < length; k++) values[k] *= up;
    return -400 + rescale(values, length);
  }
  if (max > up) {
    for (let k = 0; k < length; k++) values[k] *= down;
    return 400 + rescale(values, length);
  }
  return 0;
}

function norm(values: Float64Array, length: number): number {
  let sum = 0;
  for (let k = 0; k < length; k++) sum += values[k] * values[k];
  return Math.sqrt(sum);
}

/** Scratch buffers for one network shape, reused across calls by the simulations. */
export interface MlpWorkspace {
  activations: Float64Array[];
  deltas: Float64Array[];
  deltaExponents: Int32Array;
  ones: Float64Array;
}

export function createWorkspace(layers: DenseLayer[]): MlpWorkspace {
  // One backing buffer each, viewed per layer: a typed array of 64 doubles lives outside V8's
  // heap, and allocating hundreds of them cost more than the arithmetic of a 64-wide layer.
  const [outputs, widest] = workspaceSizes(layers);
  return viewWorkspace(
    layers,
    new Float64Array(outputs),
    new Float64Array(outputs),
    new Float64Array(widest).fill(1),
  );
}

/** [Σ outputs, the widest layer's inputs or outputs]. */
function workspaceSizes(layers: DenseLayer[]): [number, number] {
  let total = 0;
  let widest = 0;
  for (const layer of layers) {
    total += layer.outputs;
    widest = Math.max(widest, layer.inputs, layer.outputs);
  }
  return [total, widest];
}

function viewWorkspace(
  layers: DenseLayer[],
  activationBuffer: Float64Array,
  deltaBuffer: Float64Array,
  ones: Float64Array,
): MlpWorkspace {
  const activations: Float64Array[] = new Array(layers.length);
  const deltas: Float64Array[] = new Array(layers.length);
  let offset = 0;
  for (let l = 0; l < layers.length; l++) {
    const end = offset + layers[l].outputs;
    activations[l] = activationBuffer.subarray(offset, end);
    deltas[l] = deltaBuffer.subarray(offset, end);
    offset = end;
  }
  return { activations, deltas, deltaExponents: new Int32Array(layers.length), ones };
}

/**
 * Forward, backward and per-layer norms into the given arrays. Where the kernels can run, the
 * products run there (see KernelRoom), the activations and δ in their memory, copied back into
 * `workspace` after.
 */
export function gradientNormsInto(
  layers: DenseLayer[],
  activation: Activation,
  input: Float64Array,
  workspace: MlpWorkspace,
  weightGradNorms: Float64Array,
  log10WeightGradNorms: Float64Array,
  biasGradNorms: Float64Array,
): void {
  const [outputs, widest] = workspaceSizes(layers);
  let largest = 0;
  let widestOut = 0;
  for (const layer of layers) {
    largest = Math.max(largest, layer.inputs * layer.outputs);
    widestOut = Math.max(widestOut, layer.outputs);
  }
  const lengths = [largest, widestOut, layers[0].inputs, outputs, outputs, widest];
  mlpKernels.withWorkspace(lengths, (arrays, exports) => {
    if (!exports) {
      normsOf(
        layers,
        activation,
        input,
        workspace,
        weightGradNorms,
        log10WeightGradNorms,
        biasGradNorms,
      );
      return;
    }
    const [weights, biases, x, activationBuffer, deltaBuffer, ones] = arrays;
    x.set(input.subarray(0, layers[0].inputs));
    ones.fill(1);
    const work = viewWorkspace(layers, activationBuffer, deltaBuffer, ones);
    normsOf(layers, activation, x, work, weightGradNorms, log10WeightGradNorms, biasGradNorms, {
      exports,
      weights,
      biases,
    });
    for (let l = 0; l < layers.length; l++) {
      workspace.activations[l].set(work.activations[l]);
      workspace.deltas[l].set(work.deltas[l]);
    }
    workspace.deltaExponents.set(work.deltaExponents);
  });
}

function normsOf(
  layers: DenseLayer[],
  activation: Activation,
  input: Float64Array,
  workspace: MlpWorkspace,
  weightGradNorms: Float64Array,
  log10WeightGradNorms: Float64Array,
  biasGradNorms: Float64Array,
  room?: KernelRoom,
): void {
  const { activations, deltas, deltaExponents, ones } = workspace;
  forwardLayers(layers, activation, input, activations, room);
  backwardLayers(layers, activation, activations, ones, deltas, deltaExponents, room);
  for (let l = 0; l < layers.length; l++) {
    const deltaNorm = norm(deltas[l], layers[l].outputs);
    const inputNorm =
      l === 0 ? norm(input, layers[0].inputs) : norm(activations[l - 1], layers[l].inputs);
    const exponent = deltaExponents[l];
    const power = 2 ** exponent;
    weightGradNorms[l] = deltaNorm * inputNorm * power;
    biasGradNorms[l] = deltaNorm * power;
    log10WeightGradNorms[l] = Math.log10(deltaNorm) + Math.log10(inputNorm) + exponent * log10Of2;
  }
}

/**
 * network: { weights: out×in per layer, biases? }; activation after every layer; input: vector of
 * the first layer's in. The loss is Σ_j a_L[j] (what outputs.sum().backward() differentiates).
 */
export function mlpGradients(
  network: MlpNetwork,
  activation: Activation,
  input: NumericVector,
): MlpGradients {
  const act = readActivation("activation", activation);
  const x =
    input instanceof Float64Array
      ? input
      : readVector("input", input, undefined, "the first layer's in");
  if (x.length < 1 || x.length > maxWidth) {
    throw new RangeError(
      `input: expected a vector of length 1 to ${maxWidth}, got length ${x.length}`,
    );
  }
  const layers = prepareLayers(network, x.length);
  const workspace = createWorkspace(layers);
  const depth = layers.length;
  const result: MlpGradients = {
    activations: workspace.activations,
    weightGradNorms: new Float64Array(depth),
    log10WeightGradNorms: new Float64Array(depth),
    biasGradNorms: new Float64Array(depth),
  };
  gradientNormsInto(
    layers,
    act,
    x,
    workspace,
    result.weightGradNorms,
    result.log10WeightGradNorms,
    result.biasGradNorms,
  );
  return result;
}

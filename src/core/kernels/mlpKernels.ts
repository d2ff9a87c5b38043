// The dense layers' WebAssembly kernels (mlp.wat): a layer's forward product for one example or a
// batch, Wᵀδ for backpropagation, and a training step's backward pass and update of one layer.
// Pointers and strides are byte offsets into the module's memory (see ./wasmKernels.ts).
import { mlpWasm } from "./mlpWasm";
import { WasmKernels } from "./wasmKernels";

export interface MlpKernelExports {
  /** out_b[k] = bias[k] + Σ_j W[k, j]·p_b[j] for b < batch; W rows × cols. */
  forward(
    w: number,
    rows: number,
    cols: number,
    bias: number,
    p: number,
    pStride: number,
    out: number,
    outStride: number,
    batch: number,
  ): void;
  /** out[j] += Σ_k a[k]·W[k, j], W rows × cols. */
  transposedProduct(w: number, rows: number, cols: number, a: number, out: number): void;
  /** trainDeepNetwork's backwardAndUpdate for one layer, without the biases (see mlp.wat). */
  backwardUpdate(
    w: number,
    rows: number,
    cols: number,
    batch: number,
    deltas: number,
    deltaStride: number,
    scaled: number,
    hasBelow: number,
    below: number,
    belowStride: number,
    previous: number,
    previousStride: number,
    rate: number,
    scratch: number,
    squares: number,
  ): void;
}

export const mlpKernels = new WasmKernels<MlpKernelExports>(mlpWasm);

/**
 * The byte distance between consecutive arrays when they lie evenly spaced in one buffer (what
 * the batch kernels take), else undefined. One array: 0.
 */
export function evenStride(arrays: readonly Float64Array[]): number | undefined {
  if (arrays.length < 2) return 0;
  const buffer = arrays[0].buffer;
  const stride = arrays[1].byteOffset - arrays[0].byteOffset;
  for (let b = 1; b < arrays.length; b++) {
    const array = arrays[b];
    if (array.buffer !== buffer || array.byteOffset !== arrays[0].byteOffset + b * stride) {
      return undefined;
    }
  }
  return stride;
}

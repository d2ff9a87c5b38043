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

/** Whether the kernels run here (else the plain loops compute the same numbers, ~2× slower). */
export function mlpKernelsAvailable(): boolean {
  return mlpKernels.available;
}

// The recurrent cells' WebAssembly kernels (recurrent.wat): W·v + b for the forward step, Wᵀa for
// the backward one. Pointers are byte offsets into the module's memory (see ./wasmKernels.ts).
import { recurrentWasm } from "./recurrentWasm";
import { WasmKernels } from "./wasmKernels";

export interface RecurrentKernelExports {
  /** out[k] (+)= W[k]·v + bias[k]; add is 1 to add to out, 0 to overwrite it. */
  matVec(
    w: number,
    rows: number,
    length: number,
    v: number,
    bias: number,
    out: number,
    add: number,
  ): void;
  /** out[j] += Σ_k a[k]·W[k, j], W rows × cols. */
  transposedProduct(w: number, rows: number, cols: number, a: number, out: number): void;
}

export const recurrentKernels = new WasmKernels<RecurrentKernelExports>(recurrentWasm);

/** Whether the kernels run here (else the plain loops compute the same numbers, ~4× slower). */
export function recurrentKernelsAvailable(): boolean {
  return recurrentKernels.available;
}

// Elementwise kernels over whole arrays, for the panel's curves and the benchmarks: the same
// identities as the scalar functions in ../scalars, written out as monomorphic loops into a
// caller-owned Float64Array so the JIT inlines Math.exp and allocates nothing.
import { assertVector, type NumericVector } from "./vectorInput";

type Output = Float64Array | Float32Array | number[];

function checkShapes(input: NumericVector, output: Output): void {
  assertVector(input, "input");
  assertVector(output, "output");
  if (output.length !== input.length) {
    throw new RangeError(
      `output must have the length of input (${input.length}), got ${output.length}`,
    );
  }
}

/**
 * output[i] = σ(input[i]); σ(x) = 1/(1 + e^(−x)) for x ≥ 0 and e − e²/(1 + e) with e = e^x for
 * x < 0, as in ../scalars/sigmoid.ts. Returns output.
 */
export function sigmoidInto<T extends Output>(input: NumericVector, output: T): T {
  checkShapes(input, output);
  for (let i = 0; i < input.length; i++) {
    const x = input[i];
    if (x >= 0) {
      output[i] = 1 / (1 + Math.exp(-x));
    } else {
      const e = Math.exp(x);
      output[i] = e - (e * e) / (1 + e);
    }
  }
  return output;
}

/** output[i] = log σ(input[i]) = −(max(−x, 0) + log1p(e^(−|x|))). Returns output. */
export function logSigmoidInto<T extends Output>(input: NumericVector, output: T): T {
  checkShapes(input, output);
  for (let i = 0; i < input.length; i++) {
    const x = input[i];
    if (x < 0) output[i] = x - Math.log1p(Math.exp(x));
    else output[i] = -Math.log1p(Math.exp(-x));
  }
  return output;
}

/** output[i] = softplus(input[i]) = max(x, 0) + log1p(e^(−|x|)). Returns output. */
export function softplusInto<T extends Output>(input: NumericVector, output: T): T {
  checkShapes(input, output);
  for (let i = 0; i < input.length; i++) {
    const x = input[i];
    if (x > 0) output[i] = x + Math.log1p(Math.exp(-x));
    else output[i] = Math.log1p(Math.exp(x));
  }
  return output;
}

/** A new Float64Array of σ over `input`. */
export function sigmoidArray(input: NumericVector): Float64Array {
  return sigmoidInto(input, new Float64Array(input.length));
}

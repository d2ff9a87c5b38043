// The activations a deep network applies after every layer, and their derivatives written from
// the saved output y (as autograd does): σ' = (1 − y)·y ≤ 0.25, tanh' = 1 − y² ≤ 1, relu' = [y > 0].
import { readChoice } from "../shapes";

export type Activation = "sigmoid" | "tanh" | "relu";

export const activations: readonly Activation[] = ["sigmoid", "tanh", "relu"];

/** The largest value the derivative takes: why sigmoid stacks lose ≥ 4× per layer. */
export const maxDerivative: Record<Activation, number> = { sigmoid: 0.25, tanh: 1, relu: 1 };

export function readActivation(name: string, value: unknown): Activation {
  return readChoice(name, value, activations);
}

/** y = act(z) in place over values[0, length). */
export function activateInPlace(
  activation: Activation,
  values: Float64Array,
  length: number,
): void {
  if (activation === "sigmoid") {
    // 1/(1 + e^(−z)) is within ~1.5 ulp for every z; where e^(−z) overflows (z < −709.78) it gives
    // 0 instead of a subnormal, as PyTorch's CPU kernel does. No branch: a mispredicted sign test
    // per unit cost ~10% of a 64-wide layer.
    for (let k = 0; k < length; k++) values[k] = 1 / (1 + Math.exp(-values[k]));
  } else if (activation === "tanh") {
    for (let k = 0; k < length; k++) values[k] = Math.tanh(values[k]);
  } else {
    for (let k = 0; k < length; k++) {
      const z = values[k];
      values[k] = z > 0 ? z : z === z ? 0 : z;
    }
  }
}

/** gradient[k] *= act'(z_k), from the saved outputs y_k, with PyTorch's operation order. */
export function multiplyByDerivative(
  activation: Activation,
  gradient: Float64Array,
  outputs: Float64Array,
  length: number,
): void {
  if (activation === "sigmoid") {
    for (let k = 0; k < length; k++) gradient[k] = gradient[k] * (1 - outputs[k]) * outputs[k];
  } else if (activation === "tanh") {
    for (let k = 0; k < length; k++) gradient[k] = gradient[k] * (1 - outputs[k] * outputs[k]);
  } else {
    for (let k = 0; k < length; k++) if (!(outputs[k] > 0)) gradient[k] = 0;
  }
}

import { assertTemperature } from "./softmax";
import { assertVector, type NumericVector } from "./vectorInput";

/**
 * log softmax(v / T)_i = v_i / T − log Σ_j e^(v_j / T), a Float64Array — what
 * torch.nn.functional.log_softmax gives, and the first half of CrossEntropyLoss.
 *
 * Identity used: log softmax(v)_i = (v_i − m) − log1p(Σ_{j≠k} e^(v_j − m)) with m = v_k the largest
 * entry: no exponent is positive, nothing overflows (finite for logits ±1e300), and a dominant
 * logit gets a log-probability of −log1p(tiny) ≈ −tiny rather than log(1 − tiny) = 0.
 * Infinite logits follow softmax: +∞ entries get −log(count), the others −∞; all −∞ give NaN.
 */
export function logSoftmax(v: NumericVector, temperature = 1): Float64Array {
  assertVector(v, "v");
  assertTemperature(temperature);
  const n = v.length;
  const output = new Float64Array(n);
  if (n === 0) return output;
  let maxIndex = 0;
  let max = v[0];
  for (let i = 0; i < n; i++) {
    const value = v[i];
    if (value !== value) return output.fill(NaN);
    if (value > max) {
      max = value;
      maxIndex = i;
    }
  }
  if (max === -Infinity) return output.fill(NaN);
  if (max === Infinity) {
    let count = 0;
    for (let i = 0; i < n; i++) if (v[i] === Infinity) count++;
    const logShare = -Math.log(count);
    for (let i = 0; i < n; i++) output[i] = v[i] === Infinity ? logShare : -Infinity;
    return output;
  }
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const shifted = (v[i] - max) / temperature;
    output[i] = shifted;
    if (i !== maxIndex) tail += Math.exp(shifted);
  }
  const logNormaliser = Math.log1p(tail);
  for (let i = 0; i < n; i++) output[i] -= logNormaliser;
  return output;
}

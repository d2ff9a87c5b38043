/** ReLU max(x, 0); NaN gives NaN and −0 gives +0, as torch.relu does for the value. */
export function relu(x: number): number {
  return x > 0 ? x : x === x ? 0 : NaN;
}

/**
 * The ReLU's derivative: 1 for x > 0, 0 for x ≤ 0 (PyTorch's autograd also uses 0 at x = 0);
 * NaN gives NaN.
 */
export function reluDerivative(x: number): number {
  return x > 0 ? 1 : x === x ? 0 : NaN;
}

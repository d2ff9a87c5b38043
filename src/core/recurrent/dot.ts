// The inner product every recurrent step is made of (W·x and W·h, row by row). Four running sums
// instead of one: a single sum makes each addition wait for the previous one (floating-point add
// latency), four let the CPU overlap them — about 1.3× faster per step here. The order of the
// additions changes, so results move in the last bits only (PyTorch's BLAS reorders them too).
export function dot(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  length: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < length; j += 4) {
    s0 += a[aOffset + j] * b[bOffset + j];
    s1 += a[aOffset + j + 1] * b[bOffset + j + 1];
    s2 += a[aOffset + j + 2] * b[bOffset + j + 2];
    s3 += a[aOffset + j + 3] * b[bOffset + j + 3];
  }
  for (; j < length; j++) s0 += a[aOffset + j] * b[bOffset + j];
  return s0 + s1 + (s2 + s3);
}

/**
 * σ'(x) = σ(x)(1 − σ(x)), the slope of the sigmoid; its maximum is 0.25 at x = 0.
 *
 * Identity used: σ'(x) = e^(−|x|) / (1 + e^(−|x|))² (σ' is even). The textbook s·(1 − s) loses
 * everything once σ(x) rounds to 1 (x ≳ 37, where 1 − s is 0 or one ulp of 1: wrong by ~1e15 ulp);
 * the exponential of −|x| keeps full relative precision until it underflows near |x| = 745.
 */
export function sigmoidDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const onePlusE = 1 + e;
  return e / (onePlusE * onePlusE);
}

// softplus and logSigmoid on a dense mpmath sweep (test/fixtures/mpmath/softplus-sweep.json, written by
// generate_softplus_sweep.py: 60,000 points, 40% uniform over the table's range |x| < 18.6875, the
// rest over [−40, 40], [−800, 800], within 2^−20 of the edges between table intervals and log-uniform
// in [1e−20, 1]; references correctly rounded from 256-bit mpmath). The table kernel
// (src/core/scalars/softplusTable.ts) must stay within 1 ulp of the correctly rounded value, as
// exp + log1p was (measured on this sweep: max 1 ulp, and in |x| < 18.6875 87.1% of results
// correctly rounded; the table: max 1 ulp, 99.0% correctly rounded), with NaN/±∞/±0 exact and the
// array kernels bit for bit the scalars.
import { test } from "node:test";
import assert from "node:assert/strict";
import { logSigmoid, logSigmoidInto, softplus, softplusInto } from "../../../src/core/index";
import { softplusTable, SOFTPLUS_TABLE_LIMIT } from "../../../src/core/scalars/softplusTable";
import { isNormal, loadFixture, measure, ulpError } from "./scalars-ulp";

const sweep = loadFixture("softplus-sweep.json");
const x = sweep.inputs;
const reference = sweep.references.get("softplus")!;
// logSigmoid(−x) = −softplus(x) exactly, so the same references serve, negated (−0 for a 0).
const minusX = Float64Array.from(x, (v) => -v);
const minusReference = Float64Array.from(reference, (v) => -v);

/** Share of the normal results in the table's range that are the correctly rounded double. */
function correctlyRoundedShare(
  fn: (v: number) => number,
  inputs: Float64Array,
  refs: Float64Array,
) {
  let inRange = 0;
  let exact = 0;
  for (let i = 0; i < inputs.length; i++) {
    if (!(Math.abs(inputs[i]) < SOFTPLUS_TABLE_LIMIT) || !isNormal(refs[i])) continue;
    inRange++;
    if (ulpError(fn(inputs[i]), refs[i]) === 0) exact++;
  }
  return { inRange, share: exact / inRange };
}

for (const [name, fn, inputs, refs] of [
  ["softplus", softplus, x, reference],
  ["logSigmoid", logSigmoid, minusX, minusReference],
] as const) {
  test(`${name} is within 1 ulp of mpmath over the dense sweep`, () => {
    const report = measure(name, fn, inputs, refs);
    assert.equal(report.points, 60_000);
    assert.deepEqual(report.specialMismatches, []);
    assert.ok(report.specialCount > 100, `only ${report.specialCount} ±0/±∞ references`);
    assert.ok(report.subnormalCount > 100, `only ${report.subnormalCount} subnormal references`);
    assert.ok(
      report.maxUlp <= 1,
      `${name}: ${report.maxUlp} ulp at x = ${report.worstInput} (budget 1)`,
    );
    assert.ok(
      report.maxSubnormalError <= 1,
      `${name}: subnormal error ${report.maxSubnormalError}`,
    );
    const { inRange, share } = correctlyRoundedShare(fn, inputs, refs);
    assert.ok(inRange > 30_000, `only ${inRange} points in the table's range`);
    // exp + log1p managed 87.1% here; the table's hi + lo constant terms give 99.0%.
    assert.ok(share > 0.97, `${name}: only ${(share * 100).toFixed(1)}% correctly rounded`);
    console.log(
      `${name}: max ${report.maxUlp} ulp (x = ${report.worstInput}) over ${report.normalCount} normal results; ${(share * 100).toFixed(2)}% of ${inRange} in |x| < ${SOFTPLUS_TABLE_LIMIT} correctly rounded`,
    );
  });
}

test("the array kernels give bit-for-bit the scalar results over the sweep", () => {
  const softplusArray = softplusInto(x, new Float64Array(x.length));
  const logSigmoidArray = logSigmoidInto(x, new Float64Array(x.length));
  const genericArray = softplusInto(Array.from(x), new Array<number>(x.length).fill(0));
  for (let i = 0; i < x.length; i++) {
    if (!Object.is(softplusArray[i], softplus(x[i])))
      assert.fail(`softplusInto at x = ${x[i]}: ${softplusArray[i]} vs ${softplus(x[i])}`);
    if (!Object.is(genericArray[i], softplus(x[i])))
      assert.fail(`softplusInto (number[]) at x = ${x[i]}: ${genericArray[i]}`);
    if (!Object.is(logSigmoidArray[i], logSigmoid(x[i])))
      assert.fail(`logSigmoidInto at x = ${x[i]}: ${logSigmoidArray[i]} vs ${logSigmoid(x[i])}`);
  }
});

test("the table's constant terms are mpmath's g(k/8) = log(1 + e^(−k/8)): hi exact, hi + lo to 2^−80", () => {
  // Computed at run time in double-double (src/core/scalars/doubleDouble.ts), compared with the
  // fixture's correctly rounded hi and lo from mpmath at 256 bits.
  const table = softplusTable();
  const hi = sweep.references.get("centresHi")!;
  const lo = sweep.references.get("centresLo")!;
  assert.equal(hi.length, 150);
  for (let k = 0; k < 150; k++) {
    assert.equal(table[11 * k], hi[k], `hi of g(${k}/8)`);
    const error = Math.abs(table[11 * k + 1] - lo[k]) / hi[k];
    assert.ok(error <= 2 ** -80, `g(${k}/8): hi + lo off by ${error} relative`);
  }
  assert.equal(hi[0], Math.LN2);
});

test("the hot path's written-out constants are the table's (18.6875, 2 × 150 rows of 11)", () => {
  // softplusWithTable and tabulatedSoftplus spell these as numbers, for speed; see softplusTable.ts.
  assert.equal(SOFTPLUS_TABLE_LIMIT, 18.6875);
  assert.equal(softplusTable().length, 2 * 150 * 11);
  // Just inside and outside the limit, both paths agree with the reference to 1 ulp.
  for (const v of [18.6874999, 18.6875, -18.6874999, -18.6875]) {
    const viaLog1p = v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    assert.ok(
      Math.abs(softplus(v) - viaLog1p) <= 2 * Number.EPSILON * Math.abs(viaLog1p),
      `x = ${v}`,
    );
  }
});

test("NaN, ±∞ and ±0 are unchanged: NaN, +∞ / 0, log 2 (softplus) and −log 2 (logSigmoid)", () => {
  assert.ok(Number.isNaN(softplus(NaN)) && Number.isNaN(logSigmoid(NaN)));
  assert.equal(softplus(Infinity), Infinity);
  assert.ok(Object.is(softplus(-Infinity), 0));
  assert.ok(Object.is(logSigmoid(Infinity), -0));
  assert.equal(logSigmoid(-Infinity), -Infinity);
  for (const zero of [0, -0]) {
    assert.equal(softplus(zero), Math.LN2);
    assert.equal(logSigmoid(zero), -Math.LN2);
  }
});

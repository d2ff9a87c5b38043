// Accuracy of the scalar kernels against mpmath: references from test/fixtures/mpmath/generate.py
// (mpmath 1.2.1 at 256 bits, correctly rounded to float64; ±0, subnormals, ±1e-300, the exp
// overflow/underflow thresholds ±709.78 and ±745.13, ±1e308, ±Infinity, NaN, dense points around 0
// and ±37, and a log-uniform spread). Errors are counted in ulps of the reference, the distance in
// doubles from the correctly rounded value, wherever the reference is a normal double; NaN, ±∞ and
// ±0 (with its sign) must match exactly. The printed table is the one quoted in the release notes.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  logit,
  logSigmoid,
  logSigmoidInto,
  sigmoid,
  sigmoidDerivative,
  sigmoidInto,
  softplus,
  softplusInto,
  tanhDerivative,
} from "../../../src/core/index";
import { loadFixture, measure, type AccuracyReport } from "./scalars-ulp";

const scalars = loadFixture("scalars.json");
const logits = loadFixture("logit.json");

/** The contract's budgets (../shared/DESIGN.md): 2 ulp, 4 ulp for the derivatives. */
const cases: {
  name: string;
  fn: (x: number) => number;
  budget: number;
  fixture: typeof scalars;
}[] = [
  { name: "sigmoid", fn: sigmoid, budget: 2, fixture: scalars },
  { name: "logit", fn: logit, budget: 2, fixture: logits },
  { name: "logSigmoid", fn: logSigmoid, budget: 2, fixture: scalars },
  { name: "softplus", fn: softplus, budget: 2, fixture: scalars },
  { name: "sigmoidDerivative", fn: sigmoidDerivative, budget: 4, fixture: scalars },
  { name: "tanhDerivative", fn: tanhDerivative, budget: 4, fixture: scalars },
];

const reports: AccuracyReport[] = [];

for (const { name, fn, budget, fixture } of cases) {
  test(`${name} is within ${budget} ulp of mpmath wherever the result is a normal double`, () => {
    const report = measure(name, fn, fixture.inputs, fixture.references.get(name)!);
    reports.push(report);
    assert.ok(report.points >= 19_000, `${name}: only ${report.points} fixture points`);
    assert.deepEqual(report.specialMismatches, [], `${name}: NaN/±Infinity/±0 must match exactly`);
    assert.ok(
      report.maxUlp <= budget,
      `${name}: ${report.maxUlp} ulp at x = ${report.worstInput}, budget ${budget}`,
    );
    // Subnormal results are outside the ulp budget (they carry fewer bits), but must stay within
    // a couple of units of the smallest subnormal, not collapse to 0.
    assert.ok(
      report.maxSubnormalError <= 2,
      `${name}: subnormal error ${report.maxSubnormalError}`,
    );
  });
}

test("max-ulp table (for the release notes)", () => {
  const lines = [
    "",
    `Accuracy against ${scalars.source}`,
    "| function | points | normal results | max ulp | worst input | budget | subnormal results (max err, units of 2^-1074) | exact NaN/±Inf/±0 |",
    "|---|---:|---:|---:|---:|---:|---|---:|",
  ];
  for (const { name, budget } of cases) {
    const r = reports.find((report) => report.name === name);
    if (!r) continue;
    lines.push(
      `| ${name} | ${r.points} | ${r.normalCount} | ${r.maxUlp} | ${r.worstInput} | ${budget} | ${r.subnormalCount} (${r.maxSubnormalError}) | ${r.specialCount - r.specialMismatches.length}/${r.specialCount} |`,
    );
  }
  console.log(lines.join("\n"));
  assert.equal(reports.length, cases.length);
});

test("the fixture catches naive formulas: s·(1−s) near x = 37 is wrong by more than 1e15 ulp", () => {
  const reference = scalars.references.get("sigmoidDerivative")!;
  const naive = (x: number) => sigmoid(x) * (1 - sigmoid(x));
  const indices = [...scalars.inputs.keys()].filter(
    (i) => scalars.inputs[i] >= 33 && scalars.inputs[i] <= 41,
  );
  const window = Float64Array.from(indices, (i) => scalars.inputs[i]);
  const windowRef = Float64Array.from(indices, (i) => reference[i]);
  assert.ok(window.length > 1000);
  const naiveReport = measure("naive σ'", naive, window, windowRef);
  assert.ok(naiveReport.maxUlp > 1e15, `naive s(1-s) only ${naiveReport.maxUlp} ulp off`);
  const ours = measure("σ'", sigmoidDerivative, window, windowRef);
  assert.ok(ours.maxUlp <= 4);
  console.log(
    `near x = 37: naive s·(1−s) max ${naiveReport.maxUlp.toExponential(2)} ulp at x = ${naiveReport.worstInput}; sigmoidDerivative ${ours.maxUlp} ulp`,
  );
});

test("the fixture catches naive formulas: 1 − tanh², log(1 + e^x) and log(p/(1−p))", () => {
  const naiveTanh = measure(
    "1 − tanh²",
    (x) => 1 - Math.tanh(x) ** 2,
    scalars.inputs,
    scalars.references.get("tanhDerivative")!,
  );
  assert.ok(naiveTanh.maxUlp > 1e15);
  const naiveSoftplus = measure(
    "log(1 + e^x)",
    (x) => Math.log(1 + Math.exp(x)),
    scalars.inputs,
    scalars.references.get("softplus")!,
  );
  assert.ok(naiveSoftplus.maxUlp > 1e6);
  const naiveLogit = measure(
    "log(p/(1−p))",
    (p) => Math.log(p / (1 - p)),
    logits.inputs,
    logits.references.get("logit")!,
  );
  assert.ok(naiveLogit.maxUlp > 1e6);
});

test("the array kernels give bit-for-bit the scalar results", () => {
  const x = scalars.inputs;
  const pairs: [string, (x: number) => number, Float64Array][] = [
    ["sigmoidInto", sigmoid, sigmoidInto(x, new Float64Array(x.length))],
    ["logSigmoidInto", logSigmoid, logSigmoidInto(x, new Float64Array(x.length))],
    ["softplusInto", softplus, softplusInto(x, new Float64Array(x.length))],
  ];
  for (const [name, scalar, array] of pairs) {
    for (let i = 0; i < x.length; i++) {
      if (!Object.is(array[i], scalar(x[i]))) {
        assert.fail(`${name} at x = ${x[i]}: ${array[i]} vs ${scalar(x[i])}`);
      }
    }
  }
});

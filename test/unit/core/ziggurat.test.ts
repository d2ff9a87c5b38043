// The ziggurat normals of createRng(seed).fillNormal against the standard normal itself:
// equal-area tables (Marsaglia & Tsang 2000: every layer has area V), a Kolmogorov–Smirnov test over
// 400,000 draws (critical D at α = 0.001 is 1.95/√n ≈ 0.0031), and the tail beyond R and beyond 4,
// whose probabilities 2·Φ(−R) = 5.7611e−4 and 2·Φ(−4) = 6.3342e−5 come from Python's math.erfc.
// Φ here is Abramowitz & Stegun 7.1.26 (error ≤ 1.5e−7, far below the KS threshold).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createRng } from "../../../src/core";
import {
  ZIGGURAT_LAYERS,
  ZIGGURAT_R,
  ZIGGURAT_V,
  zigguratTables,
} from "../../../src/core/ziggurat";

function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe("ziggurat normals (fillNormal)", () => {
  it("has 128 layers of equal area V between x[128] = 0 and the tail at R", () => {
    const { x, y } = zigguratTables();
    assert.equal(x.length, ZIGGURAT_LAYERS + 1);
    assert.equal(x[1], ZIGGURAT_R);
    for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) {
      const area = x[i] * (y[i + 1] - y[i]);
      assert.ok(Math.abs(area - ZIGGURAT_V) < 1e-12, `layer ${i}: area ${area}`);
      assert.ok(x[i + 1] < x[i], `layer ${i}: edges decrease`);
    }
    // The top layer closes at the peak f(0) = 1 (the published r, v are good to ~1e−10).
    const top = x[ZIGGURAT_LAYERS - 1] * (1 - y[ZIGGURAT_LAYERS - 1]);
    assert.ok(Math.abs(top - ZIGGURAT_V) < 1e-9, `top layer area ${top}`);
  });

  it("draws N(0, 1): Kolmogorov–Smirnov over 400,000 draws, moments, both tails", () => {
    const n = 400_000;
    const z = new Float64Array(n);
    createRng(2024).fillNormal(z);
    let sum = 0;
    let squares = 0;
    let beyondR = 0;
    let beyond4 = 0;
    let negative = 0;
    for (const v of z) {
      sum += v;
      squares += v * v;
      if (Math.abs(v) > ZIGGURAT_R) beyondR++;
      if (Math.abs(v) > 4) beyond4++;
      if (v < 0) negative++;
    }
    const sorted = Float64Array.from(z).sort();
    let d = 0;
    for (let k = 0; k < n; k++) {
      const cdf = normalCdf(sorted[k]);
      d = Math.max(d, (k + 1) / n - cdf, cdf - k / n);
    }
    assert.ok(d < 1.95 / Math.sqrt(n), `KS statistic ${d}`);
    assert.ok(Math.abs(sum / n) < 0.006, `mean ${sum / n}`); // 4 standard errors
    assert.ok(Math.abs(squares / n - 1) < 0.009, `variance ${squares / n}`);
    assert.ok(Math.abs(negative / n - 0.5) < 0.004, `share below 0: ${negative / n}`);
    // Poisson counts: expected 230.4 and 25.3; 4.5 standard deviations either side.
    assert.ok(
      Math.abs(beyondR - n * 5.7611e-4) < 4.5 * Math.sqrt(n * 5.7611e-4),
      `|z| > R: ${beyondR}`,
    );
    assert.ok(
      Math.abs(beyond4 - n * 6.3342e-5) < 4.5 * Math.sqrt(n * 6.3342e-5),
      `|z| > 4: ${beyond4}`,
    );
  });

  it("is one stream: filling in pieces gives the same numbers as filling at once, times scale", () => {
    const whole = new Float64Array(1000);
    createRng(5).fillNormal(whole, 2.5);
    const pieces = new Float64Array(1000);
    const rng = createRng(5);
    rng.fillNormal(pieces, 2.5, 0, 317);
    rng.fillNormal(pieces, 2.5, 317, 1000);
    assert.deepEqual(pieces, whole);
    const unit = new Float64Array(1000);
    createRng(5).fillNormal(unit);
    unit.forEach((v, k) => assert.equal(whole[k], v * 2.5));
  });

  it("names a bad range or scale", () => {
    const rng = createRng(1);
    assert.throws(() => rng.fillNormal(new Float64Array(4), 1, 2, 9), {
      name: "RangeError",
      message: /from, to: expected 0 ≤ from ≤ to ≤ 4, got 2, 9/,
    });
    assert.throws(() => rng.fillNormal(new Float64Array(4), NaN), {
      name: "RangeError",
      message: /scale: expected a finite number/,
    });
  });
});

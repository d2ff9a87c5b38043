// The backward pass through time keeps its carried gradient out of the subnormal range by exact
// powers of two (src/core/recurrent/gradientScale.ts). Claimed: (1) wherever the plain, unscaled
// loop met no subnormal, the same bits; (2) wherever it did, values at least as close to the exact
// backward pass. The plain loop and the exact pass are backpropReference.ts — the same formulas in
// the same order on doubles that count their subnormals, and on 256-bit BigInt binary floats.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createRng, gradientOfTrace, traceThroughTime } from "../../../src/core";
import type { RecurrentKind, RecurrentTrace } from "../../../src/core";
import { normUnscaled, rescaleCarried, unscale } from "../../../src/core/recurrent/gradientScale";
import { CheckedDoubles, MIN_NORMAL, bigBinary, referenceGradient } from "./backpropReference";

const gates: Record<RecurrentKind, number> = { lstm: 4, gru: 3, rnn: 1 };

/**
 * A cell that forgets fast: small recurrent weights (0.3/√H) and, for the LSTM's forget gate and
 * the GRU's update gate, a bias of −4, so ∂h shrinks ~2^−5 per step — past 2^−600 (where the
 * rescaling starts) after ~120 steps and under 2^−1022 after ~200.
 */
function forgettingTrace(kind: RecurrentKind, steps: number, seed: number): RecurrentTrace {
  const hidden = 6;
  const input = 3;
  const rng = createRng(seed);
  const draw = (n: number, scale: number) =>
    Float64Array.from({ length: n }, () => (2 * rng.next() - 1) * scale);
  const rows = gates[kind] * hidden;
  const biasIh = draw(rows, 1);
  if (kind !== "rnn") for (let k = hidden; k < 2 * hidden; k++) biasIh[k] -= 4;
  const params = {
    weightIh: draw(rows * input, 1),
    weightHh: draw(rows * hidden, 0.3 / Math.sqrt(hidden)),
    biasIh,
    biasHh: draw(rows, 1),
  };
  const inputs = Array.from({ length: steps }, () => draw(input, 2));
  const tanh = kind === "rnn" ? { nonlinearity: "tanh" as const } : {};
  return traceThroughTime(kind, { ...params, ...tanh }, inputs);
}

describe("gradientScale: exact powers of two", () => {
  it("unscale rounds once, to nearest even, also below 2^−1022", () => {
    assert.equal(unscale(0.75, 0), 0.75);
    assert.equal(unscale(3 * 2 ** 1000, 2000), 3 * 2 ** -1000); // exact: a normal result
    assert.equal(unscale(1, 1074), 2 ** -1074); // the smallest subnormal
    assert.equal(unscale(1, 1075), 0); // half of it: a tie, to even (0)
    assert.equal(unscale(1.5, 1074), 2 ** -1073); // 1.5 ulps: a tie, to even (2 ulps)
    assert.equal(unscale(1.5000001, 1075), 2 ** -1074); // just over a tie (0.75 ulp → 1 ulp)
    // 2^−500 · 2^−1200 = 2^−1700: 0, with no intermediate that could round up.
    assert.equal(unscale(2 ** -500, 1200), 0);
    assert.equal(unscale(-(2 ** 100), 1100), -(2 ** -1000));
  });

  it("rescaleCarried scales by 2^600 below 2^−600, by 2^−600 above 2^600 while e ≥ 600", () => {
    const a = Float64Array.of(2 ** -700, -(2 ** -650), 0);
    const b = Float64Array.of(2 ** -610);
    assert.equal(rescaleCarried(0, a, b), 600);
    assert.deepEqual([...a, ...b], [2 ** -100, -(2 ** -50), 0, 2 ** -10]);
    // Already subnormal (a step that shrank it by more than 2^400): scaled up exactly all the same.
    const tiny = Float64Array.of(2 ** -1074, 3 * 2 ** -1070);
    assert.equal(rescaleCarried(600, tiny), 1200);
    assert.deepEqual([...tiny], [2 ** -474, 3 * 2 ** -470]);
    // All zeros, or inside [2^−600, 2^600]: nothing.
    const zeros = new Float64Array(3);
    assert.equal(rescaleCarried(0, zeros), 0);
    const mid = Float64Array.of(2 ** -599, 1);
    assert.equal(rescaleCarried(1200, mid), 1200);
    assert.deepEqual([...mid], [2 ** -599, 1]);
    // Grown back past 2^600 (a gradient that shrinks, then explodes): down, never below e = 0.
    const big = Float64Array.of(2 ** 700);
    assert.equal(rescaleCarried(600, big), 0);
    assert.equal(big[0], 2 ** 100);
    assert.equal(rescaleCarried(0, big.fill(2 ** 700)), 0);
    assert.equal(big[0], 2 ** 700);
  });

  it("normUnscaled: a norm whose squares would underflow is still found", () => {
    assert.equal(normUnscaled(Float64Array.of(3, 4), 0), 5);
    assert.equal(normUnscaled(Float64Array.of(3, 4), 1000), 5 * 2 ** -1000);
    // 3·2^−600 squared is ~2^−1197: 0 in a plain sum of squares, 5·2^−600 here.
    assert.equal(normUnscaled(Float64Array.of(3 * 2 ** -600, -4 * 2 ** -600), 0), 5 * 2 ** -600);
    assert.equal(normUnscaled(Float64Array.of(3 * 2 ** -600, 4 * 2 ** -600), 400), 5 * 2 ** -1000);
    assert.equal(normUnscaled(new Float64Array(4), 600), 0);
  });
});

describe("gradientOfTrace with rescaling: the same bits where the plain loop met no subnormal", () => {
  for (const kind of ["rnn", "lstm", "gru"] as const) {
    it(`${kind}: every step whose plain computation met no subnormal, bit for bit — rescaled or not`, () => {
      let rescaledSame = 0;
      let plainSame = 0;
      for (let seed = 1; seed <= 4; seed++) {
        // T = 220: the carried gradient falls past 2^−600 (rescaled from there on) and, in the
        // plain loop, the first steps' ∂h under 2^−1022 — every kind of step in one sequence.
        const trace = forgettingTrace(kind, 220, seed);
        const rescaled = gradientOfTrace(trace);
        // The unscaled kernel itself (its plain sum of squares), and the same loop with each
        // norm's squares taken at a power of two near its largest entry — the plain sum of squares
        // underflows from norms of ~2^−511 on, long before the carried gradient reaches 2^−600.
        for (const normScaled of [false, true]) {
          const plain = new CheckedDoubles(normScaled);
          const old = referenceGradient(trace, plain);
          let smallestSoFar = Infinity;
          for (let t = trace.steps - 1; t >= 0; t--) {
            smallestSoFar = Math.min(smallestSoFar, plain.largestCarriedInto[t]);
            if (plain.subnormalsBy[t] > 0) continue;
            assert.ok(
              Object.is(rescaled[t], old[t]),
              `${kind} seed ${seed} t=${t}: ${rescaled[t]} vs ${old[t]} (no subnormal met)`,
            );
            if (smallestSoFar < 2 ** -600) rescaledSame++;
            else if (!normScaled) plainSame++;
          }
        }
      }
      // The claim is only tested if both kinds of step are there.
      assert.ok(plainSame > 100, `${kind}: ${plainSame} unscaled steps compared`);
      assert.ok(rescaledSame > 20, `${kind}: ${rescaledSame} rescaled steps compared`);
    });
  }
});

describe("gradientOfTrace with rescaling: where the plain loop met subnormals, closer to exact", () => {
  for (const kind of ["rnn", "lstm", "gru"] as const) {
    it(`${kind}, T = 400: within 1e-12 of the exact backward pass, the plain loop not`, () => {
      for (let seed = 1; seed <= 3; seed++) {
        const trace = forgettingTrace(kind, 400, seed);
        const plain = new CheckedDoubles();
        const old = referenceGradient(trace, plain);
        const exact = referenceGradient(trace, bigBinary);
        const rescaled = gradientOfTrace(trace);
        let oldWrong = 0;
        for (let t = 0; t < trace.steps; t++) {
          const error = Math.abs(rescaled[t] - exact[t]);
          if (exact[t] >= MIN_NORMAL) {
            // Measured: at most 1.1e-13 over these cases — the roundings of ~400 steps of
            // double arithmetic; 1e-12 leaves ~9× room.
            assert.ok(
              error <= 1e-12 * exact[t],
              `${kind} seed ${seed} t=${t}: ${rescaled[t]} vs exact ${exact[t]}`,
            );
            if (Math.abs(old[t] - exact[t]) > 1e-12 * exact[t]) oldWrong++;
          } else {
            // Subnormal results: the same relative error, plus the rounding to a subnormal.
            assert.ok(
              error <= 1e-12 * exact[t] + 2 ** -1074,
              `${kind} seed ${seed} t=${t}: ${rescaled[t]} vs exact ${exact[t]}`,
            );
          }
        }
        assert.ok(plain.subnormals > 0, `${kind} seed ${seed}: the plain loop met subnormals`);
        // The plain loop reports 0 (its squares underflow) for norms below ~2^−537.
        assert.ok(oldWrong > 50, `${kind} seed ${seed}: plain loop off at ${oldWrong} steps`);
      }
    });
  }
});

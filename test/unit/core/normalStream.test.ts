// NormalStream keeps one seed's ziggurat normals, and StreamGradientNorms computes a vanishing-
// gradient sample from them. Both are checked against what they stand in for, bit for bit:
// createRng(seed).fillNormal for the stream, simulateVanishingGradient(samples: 1) for the norms —
// in any order of shapes, since the panel moves depth and width both ways.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  NormalStream,
  StreamGradientNorms,
  createRng,
  simulateVanishingGradient,
} from "../../../src/core";

describe("NormalStream", () => {
  it("is createRng(seed).fillNormal, however it is grown", () => {
    const expected = new Float64Array(5000);
    createRng(77).fillNormal(expected);
    const stream = new NormalStream(77);
    assert.deepEqual(stream.take(10), expected.subarray(0, 10));
    assert.deepEqual(stream.take(3), expected.subarray(0, 3));
    assert.deepEqual(stream.take(4999), expected.subarray(0, 4999));
    assert.deepEqual(stream.take(5000), expected);
    assert.equal(stream.length, 5000);
  });
  it("restarted with another seed is that seed's stream", () => {
    const stream = new NormalStream(1);
    stream.take(3000);
    stream.restart(2);
    const expected = new Float64Array(2000);
    createRng(2).fillNormal(expected);
    assert.equal(stream.length, 0);
    assert.deepEqual(stream.take(2000), expected);
    assert.equal(stream.seed, 2);
  });
  it("names a bad length", () => {
    assert.throws(() => new NormalStream(1).take(-1), {
      name: "RangeError",
      message: /n: expected an integer in \[0, 16777216\], got -1/,
    });
  });
});

describe("StreamGradientNorms", () => {
  it("gives simulateVanishingGradient's numbers for every shape, activation and init in turn", () => {
    const stream = new NormalStream(3 * 1024 + 2);
    const sampler = new StreamGradientNorms();
    const cases = [
      { depth: 20, width: 16, activation: "sigmoid", init: "normal", scale: 1 },
      { depth: 40, width: 16, activation: "sigmoid", init: "normal", scale: 1 },
      { depth: 7, width: 16, activation: "tanh", init: "xavier", scale: 1.5 },
      { depth: 12, width: 30, activation: "relu", init: "he", scale: 1 },
      { depth: 12, width: 5, activation: "sigmoid", init: "normal", scale: 0.3 },
    ] as const;
    for (const c of cases) {
      const expected = simulateVanishingGradient({ ...c, seed: stream.seed, samples: 1 });
      assert.deepEqual(sampler.run(stream, c), expected.log10GradientNorms, JSON.stringify(c));
    }
    stream.restart(99);
    const c = cases[1];
    const expected = simulateVanishingGradient({ ...c, seed: 99, samples: 1 });
    assert.deepEqual(sampler.run(stream, c), expected.log10GradientNorms, "after a restart");
  });
});

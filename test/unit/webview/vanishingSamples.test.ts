// Means of per-layer gradient norms kept as logarithms: equal to the plain mean where that is
// representable, and finite where the norms underflow a double (1e−400 cannot be stored).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { MeanOfLogs, sampleSeed } from "../../../webview/views/vanishingSamples";

test("the mean of 10^x is the arithmetic mean of the norms", () => {
  const mean = new MeanOfLogs(2);
  mean.add([Math.log10(2), Math.log10(1e-3)]);
  mean.add([Math.log10(4), Math.log10(3e-3)]);
  const [a, b] = mean.mean();
  assert.ok(Math.abs(a - 3) < 1e-12);
  assert.ok(Math.abs(b - 2e-3) < 1e-15);
});

test("norms far below the smallest double still have a finite mean logarithm", () => {
  const mean = new MeanOfLogs(1);
  mean.add([-400]);
  mean.add([-400 + Math.log10(3)]);
  // mean of 1e−400 and 3e−400 is 2e−400: log10 = −400 + log10(2)
  assert.ok(Math.abs(mean.log10Mean()[0] - (-400 + Math.log10(2))) < 1e-12);
  assert.equal(mean.mean()[0], 0);
});

test("every sample has its own seed, and seeds do not overlap across runs", () => {
  assert.equal(sampleSeed(1, 0), 1024);
  assert.equal(sampleSeed(1, 63), 1087);
  assert.equal(sampleSeed(2, 0), 2048);
  assert.throws(() => new MeanOfLogs(2).add([1]), /log10Values: expected length 2/);
});

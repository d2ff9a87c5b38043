// How a hover prints numbers: fixed digits like PyTorch's printout, scientific notation where
// fixed digits would show 0, the digits setting clamped. Expected strings are what
// Number.prototype.toFixed / toExponential give (ECMAScript's exact decimal rounding).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { clampDigits, formatInput, formatNumber, formatVector } from "../../../src/hover/format";

describe("formatNumber", () => {
  it("prints 6 digits after the point by default-style calls", () => {
    assert.equal(formatNumber(0.9241418199787566, 6), "0.924142");
    assert.equal(formatNumber(0.07010371654510807, 6), "0.070104");
    assert.equal(formatNumber(0.5, 6), "0.500000");
    assert.equal(formatNumber(-0.8472978603872037, 6), "-0.847298");
  });

  it("switches to scientific notation for tiny and huge magnitudes", () => {
    assert.equal(formatNumber(9.357622968839299e-14, 6), "9.35762e-14");
    assert.equal(formatNumber(4.5395807735907655e-5, 6), "4.53958e-5");
    assert.equal(formatNumber(2.5e12, 3), "2.50e+12");
    assert.equal(formatNumber(0, 6), "0.000000");
  });

  it("never prints -0.000000, and names the non-finite values as PyTorch prints them", () => {
    assert.equal(formatNumber(-0, 6), "0.000000");
    assert.equal(formatNumber(Number.NaN, 6), "nan");
    assert.equal(formatNumber(Infinity, 6), "inf");
    assert.equal(formatNumber(-Infinity, 6), "-inf");
  });

  it("clamps the digits setting to 1…15 and falls back to 6 for nonsense", () => {
    assert.equal(clampDigits(0), 1);
    assert.equal(clampDigits(40), 15);
    assert.equal(clampDigits(Number.NaN), 6);
    assert.equal(clampDigits(2.6), 3);
    assert.equal(formatNumber(0.9241418199787566, 2), "0.92");
    assert.equal(formatNumber(0.9241418199787566, 100), "0.924141819978757");
  });
});

describe("formatVector and formatInput", () => {
  it("shows at most 8 entries, then how many more", () => {
    assert.equal(formatVector([0.1, 0.2], 2), "[0.10, 0.20]");
    assert.equal(
      formatVector(new Array(10).fill(0.5), 1),
      "[0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, … 2 more]",
    );
  });

  it("writes inputs in the shortest round-trip form", () => {
    assert.equal(formatInput(2.5), "2.5");
    assert.equal(formatInput(-30), "-30");
    assert.equal(formatInput(0.1 + 0.2), "0.30000000000000004");
  });
});

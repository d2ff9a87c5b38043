// Fuzzing evaluate() with fast-check (2,000 runs here; 100,000 with timings in
// test/bench/evaluate-fuzz.bench.ts): it returns { ok: true, value } or { ok: false, error } and
// never throws, whatever the text.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { evaluate, findEvaluableSpan } from "../../../src/core/index";
import { arbitraryText, boundaryText } from "./expressionFuzzArbitraries";

function wellFormed(result: ReturnType<typeof evaluate>): boolean {
  if (result.ok) {
    const v = result.value;
    return typeof v === "number" || (Array.isArray(v) && v.every((x) => typeof x === "number"));
  }
  return typeof result.error === "string" && result.error.length > 0;
}

test("evaluate never throws and always returns ok/value or an error message", () => {
  fc.assert(
    fc.property(fc.oneof(arbitraryText, boundaryText), (text) => wellFormed(evaluate(text))),
    { numRuns: 2000 },
  );
});

test("findEvaluableSpan never throws, and what it returns evaluates to what it says", () => {
  fc.assert(
    fc.property(arbitraryText, fc.nat(250), (line, column) => {
      const span = findEvaluableSpan(line, column);
      if (span === undefined) return true;
      const again = evaluate(line.slice(span.start, span.end));
      return (
        again.ok &&
        JSON.stringify(again.value) === JSON.stringify(span.value) &&
        span.start <= column
      );
    }),
    { numRuns: 1000 },
  );
});

test("non-string input is an error, not a throw", () => {
  assert.equal(evaluate(undefined as never).ok, false);
  assert.equal(evaluate(42 as never).ok, false);
  assert.equal(findEvaluableSpan(null as never, 0), undefined);
});

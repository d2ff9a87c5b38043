// The binary decision boundary w₁x + w₂y + b = 0 clipped to the plotting box (closed forms).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decisionLine } from "../../../webview/views/decisionLine";

test("the diagonal x + y = 0 runs corner to corner", () => {
  assert.deepEqual(decisionLine(1, 1, 0), [
    { x: -5, y: 5 },
    { x: 5, y: -5 },
  ]);
});

test("a vertical and a horizontal boundary", () => {
  assert.deepEqual(decisionLine(2, 0, -2), [
    { x: 1, y: -5 },
    { x: 1, y: 5 },
  ]);
  assert.deepEqual(decisionLine(0, 1, 3), [
    { x: -5, y: -3 },
    { x: 5, y: -3 },
  ]);
});

test("no boundary when it misses the box or the weights are zero", () => {
  assert.equal(decisionLine(1, 0, 100), undefined);
  assert.equal(decisionLine(0, 0, 1), undefined);
});

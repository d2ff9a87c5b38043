// findEvaluableSpan: which expression a hover at a column of a line evaluates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findEvaluableSpan, sigmoid } from "../../../src/core/index";

function spanAt(line: string, word: string, offset = 1) {
  return findEvaluableSpan(line, line.indexOf(word) + offset);
}

test("the largest evaluable expression around the cursor", () => {
  const line = "p = 1/(1+np.exp(-3))  # probability";
  for (const word of ["np.exp", "-3", "1+", "p = 1"]) {
    const span = spanAt(line, word, word === "p = 1" ? 4 : 1);
    assert.equal(span?.text, "1/(1+np.exp(-3))", word);
    assert.equal(span?.value, 1 / (1 + Math.exp(-3)));
    assert.equal(line.slice(span!.start, span!.end), span!.text);
  }
});

test("a call inside an unevaluable call (a model, print, a variable)", () => {
  const span = spanAt("y = model(torch.sigmoid(torch.tensor(2.5)))", "tensor");
  assert.equal(span?.text, "torch.sigmoid(torch.tensor(2.5))");
  assert.equal(span?.value, sigmoid(2.5));
  assert.equal(spanAt("print(sigmoid(2), logit(0.3))", "logit")?.text, "logit(0.3)");
  assert.equal(spanAt("return sigmoid(2)", "sigmoid")?.text, "sigmoid(2)");
  assert.equal(
    spanAt("loss = F.cross_entropy(F.softmax(torch.tensor([1., 2.]), dim=0), y)", "softmax")?.text,
    "F.softmax(torch.tensor([1., 2.]), dim=0)",
  );
});

test("keyword arguments and method chains stay inside the call", () => {
  const line = "out = F.softmax(torch.tensor([1., 2., 3.]), dim=0)";
  assert.equal(spanAt(line, "dim")?.text, "F.softmax(torch.tensor([1., 2., 3.]), dim=0)");
  assert.equal(
    spanAt("z = torch.tensor([1., 2.]).sigmoid()", "sigmoid")?.text,
    "torch.tensor([1., 2.]).sigmoid()",
  );
  assert.equal(spanAt("σ(2.5) ≈ 0.924", "2.5")?.text, "σ(2.5)");
});

test("nothing to evaluate: variables, whitespace, out of range", () => {
  assert.equal(spanAt("return torch.sigmoid(z)", "sigmoid"), undefined);
  assert.equal(spanAt("const s = 1 / (1 + Math.exp(-x));", "exp"), undefined);
  assert.equal(findEvaluableSpan("a   b", 2), undefined);
  assert.equal(findEvaluableSpan("sigmoid(1)", 99), undefined);
  assert.equal(findEvaluableSpan("sigmoid(1)", -1), undefined);
});

test("the cursor just after the last character still counts", () => {
  assert.equal(findEvaluableSpan("x = sigmoid(0)", 14)?.value, 0.5);
});

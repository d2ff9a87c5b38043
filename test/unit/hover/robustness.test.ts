// Hostile lines never hang or throw: 1 MB of code, 10,000 nested parentheses, unbalanced
// brackets, any string at any column (fast-check). The hover looks only at a bounded window, so
// a call whose closing parenthesis lies beyond it is recognised but not evaluated. Timing is the
// benchmark's job (test/bench/hover.bench.ts), not these tests'.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { describeHover } from "../../../src/hover/describe";
import { recognizeTerm, WINDOW } from "../../../src/hover/recognize";
import type { Evaluate } from "../../../src/hover/compute";

/** Counts what reaches the evaluator: how much text a hover hands over. */
function spyEvaluate(): { evaluate: Evaluate; longest: () => number } {
  let longest = 0;
  return {
    evaluate: (text) => {
      longest = Math.max(longest, text.length);
      return { ok: false, error: "not a literal (spy)" };
    },
    longest: () => longest,
  };
}

describe("hostile lines", () => {
  const statement = "x = torch.sigmoid(torch.tensor(2.5)); ";
  const megabyte = statement.repeat(Math.ceil(1_048_576 / statement.length));

  it("a 1 MB line: recognises the term at the start, middle and end, reading only a window", () => {
    assert.ok(megabyte.length >= 1_048_576);
    const spy = spyEvaluate();
    for (const column of [
      4,
      megabyte.indexOf("sigmoid", megabyte.length >> 1),
      megabyte.length - 30,
    ]) {
      const model = describeHover(megabyte, column, spy.evaluate);
      assert.equal(model?.term.id, "sigmoid", `column ${column}`);
    }
    assert.ok(spy.longest() <= WINDOW.after, `the evaluator got ${spy.longest()} characters`);
  });

  it("10,000 nested parentheses: the term, no input (its call closes beyond the window)", () => {
    const nested = `torch.sigmoid${"(".repeat(10_000)}2.5${")".repeat(10_000)}`;
    const match = recognizeTerm(nested, 8);
    assert.equal(match?.term.id, "sigmoid");
    assert.equal(match?.input, undefined);
    assert.equal(recognizeTerm(nested, 5000), undefined);
    assert.equal(recognizeTerm(nested, nested.length - 1), undefined);
  });

  it("a written-out sigmoid with 10,000 nested parentheses in its exponent", () => {
    const line = `1 / (1 + np.exp(-${"(".repeat(10_000)}x${")".repeat(10_000)}))`;
    assert.equal(recognizeTerm(line, 12), undefined, "its end is beyond the window: not matched");
  });

  it("unbalanced and mismatched brackets", () => {
    for (const line of [
      "F.softmax(torch.tensor([1.0, 2.0, 3.0], dim=0",
      "F.softmax(torch.tensor([1.0, 2.0, 3.0)], dim=0)",
      "torch.sigmoid(((((",
      "torch.sigmoid)))))",
      'torch.sigmoid("unterminated (string',
      "1 / (1 + np.exp(-x",
      "σ(((",
      "\\sigma\\left(",
    ]) {
      for (let column = 0; column <= line.length; column++) {
        const model = describeHover(line, column, spyEvaluate().evaluate);
        if (model) assert.equal(model.computed, undefined, `${line} @ ${column}`);
      }
    }
  });

  it("columns outside the line, and non-integer columns, give undefined", () => {
    for (const column of [-1, 100, Number.NaN, 1.5, Infinity]) {
      assert.equal(recognizeTerm("torch.sigmoid(x)", column), undefined, String(column));
    }
    assert.equal(recognizeTerm("", 0), undefined);
  });

  it("any text at any column: no exception, and a match always covers the column", () => {
    const alphabet = fc.constantFrom(
      ..."()[]{},.=-−+/*^_'\"\\ σ²1exp0.5torchsigmoidFsoftmaxnnLSTMe\t".split(""),
      "sigmoid",
      "torch.tensor(",
      "exp(-",
      "\\sigma",
      "1 / (1 + ",
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), fc.nat(80), (parts, rawColumn) => {
        const line = parts.join("");
        const column = Math.min(rawColumn, line.length);
        const model = describeHover(line, column, spyEvaluate().evaluate);
        if (model) {
          assert.ok(
            model.start <= column && column <= model.end,
            `[${model.start}, ${model.end}) @ ${column} in ${line}`,
          );
        }
      }),
      { numRuns: 3000 },
    );
  });
});

// The analysis against the corpus in test/fixtures/analysis (positive: at least one mistake, marked
// `# expect: SL00n` on the line of the finding; negative: correct code that looks alike). Prints
// precision and recall over all expected findings; the targets are ≥ 95% for both (issue 7).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { loadCorpus, scoreCorpus } from "./corpusCheck";
import { useNodeWasm } from "./nodeWasm";

useNodeWasm();

test("the corpus has at least 40 positive and 40 negative snippets", () => {
  const corpus = loadCorpus();
  const positives = corpus.filter((s) => s.group === "positive");
  const negatives = corpus.filter((s) => s.group === "negative");
  assert.ok(positives.length >= 40, `${positives.length} positive snippets`);
  assert.ok(negatives.length >= 40, `${negatives.length} negative snippets`);
  for (const s of positives) assert.ok(s.expected.size > 0, `${s.file} expects nothing`);
  for (const s of negatives) assert.equal(s.expected.size, 0, `${s.file} expects a finding`);
  for (const code of ["SL001", "SL002", "SL003", "SL004", "SL005"]) {
    const n = positives.filter((s) => [...s.expected].some((k) => k.startsWith(code))).length;
    assert.ok(n >= 4, `only ${n} positive snippets for ${code}`);
  }
});

test("precision and recall over the corpus are both at least 95%", async () => {
  const corpus = loadCorpus();
  const score = await scoreCorpus(corpus);
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const positives = corpus.filter((s) => s.group === "positive").length;
  console.log(
    `analysis corpus: ${positives} positive + ${corpus.length - positives} negative snippets; ` +
      `TP ${score.truePositives}, FP ${score.falsePositives}, FN ${score.falseNegatives}; ` +
      `precision ${percent(score.precision)}, recall ${percent(score.recall)}`,
  );
  for (const line of score.mismatches) console.log(`  ${line}`);
  assert.ok(score.precision >= 0.95, `precision ${percent(score.precision)}`);
  assert.ok(score.recall >= 0.95, `recall ${percent(score.recall)}`);
});

// The analysis of a document as the user types (tree.edit + incremental parse) against a fresh
// analysis of the same text: after every edit the two must agree finding for finding, lens for lens.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { analyzeProgram } from "../../../src/analysis";
import { DocumentAnalysis, textEdit } from "../../../src/analysis/documentAnalysis";
import { SyntaxTree } from "../../../src/analysis/syntaxTree";
import { loadCorpus } from "./corpusCheck";
import { useNodeWasm } from "./nodeWasm";

useNodeWasm();

test("textEdit finds the replaced span, in UTF-16 code units, rows split at newlines", () => {
  // "b" → "xy" on the second line; "σ" is one code unit, "😀" two.
  const edit = textEdit("σ😀\nabc\nd", "σ😀\naxyc\nd");
  assert.deepEqual(edit, {
    startIndex: 5,
    oldEndIndex: 6,
    newEndIndex: 7,
    startPosition: { row: 1, column: 1 },
    oldEndPosition: { row: 1, column: 2 },
    newEndPosition: { row: 1, column: 3 },
  });
  // Appending at the end: nothing removed.
  const appended = textEdit("a\n", "a\nb");
  assert.equal(appended.startIndex, 2);
  assert.equal(appended.oldEndIndex, 2);
  assert.deepEqual(appended.newEndPosition, { row: 1, column: 1 });
});

test("as the user types, the incremental analysis agrees with a fresh one after every edit", async () => {
  const snippets = loadCorpus().map((s) => s.source);
  let source = snippets.slice(0, 12).join("\n");
  const document = new DocumentAnalysis();
  const steps: ((s: string) => string)[] = [];
  // Type a softmax call into the middle, one character at a time (broken code on the way).
  const insertAt = source.indexOf("\n", source.length >> 1) + 1;
  const typed = "probs = F.softmax(logits, dim=1)\n";
  for (let i = 1; i <= typed.length; i++) {
    steps.push((s) => s.slice(0, insertAt) + typed.slice(0, i) + s.slice(insertAt + i - 1));
  }
  // Delete a line near the start, paste a whole snippet at the end, then undo both.
  const original = source;
  steps.push((s) => s.replace(/\n[^\n]*\n/, "\n"));
  steps.push((s) => s + "\n" + snippets[20]);
  steps.push(() => original);
  assert.ok((await document.analyze(source)).findings.length >= 8, "the snippets hold mistakes");
  for (const step of steps) {
    source = step(source);
    const incremental = await document.analyze(source);
    const fresh = await analyzeProgram(source);
    assert.deepEqual(incremental, fresh);
  }
  const repeat = await document.analyze(source);
  assert.equal(repeat, await document.analyze(source), "an unchanged text returns the last result");
  document.dispose();
});

test("after a one-character edit only the edited statement is read from the tree again", async () => {
  const snippets = loadCorpus().map((s) => s.source);
  const source = snippets.join("\n");
  let reads = 0;
  const read = SyntaxTree.prototype.readChildren;
  SyntaxTree.prototype.readChildren = function (parent) {
    reads++;
    return read.call(this, parent);
  };
  try {
    const document = new DocumentAnalysis();
    await document.analyze(source);
    const firstReads = reads;
    reads = 0;
    // A space typed after a `return` in the second half of the file (inside a function or method).
    const at = source.indexOf("return ", source.length >> 1) + "return ".length;
    await document.analyze(source.slice(0, at) + " " + source.slice(at));
    // The module's own children are read every time; below them, only the top-level statement
    // that holds the edit: tens of reads against thousands.
    console.log(`syntax reads: ${firstReads} for the whole corpus, ${reads} after one character`);
    assert.ok(firstReads > 1000, `${firstReads} reads for the whole corpus`);
    assert.ok(reads > 1 && reads < 100, `${reads} reads after one character`);
    document.dispose();
  } finally {
    SyntaxTree.prototype.readChildren = read;
  }
});

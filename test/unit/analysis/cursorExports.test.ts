// syntaxTree.ts reads children through web-tree-sitter's raw cursor functions (cursorExports.ts)
// when they are found and agree with the public TreeCursor. These tests check that they are found
// in the runtime the project ships, and that they read every node of real programs — the corpus
// and a file with syntax errors — exactly as the public TreeCursor does.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { verifyCursorExports } from "../../../src/analysis/cursorExports";
import { loadPythonParser, rawCursorExports } from "../../../src/analysis/parser";
import { loadCorpus } from "./corpusCheck";
import { useNodeWasm } from "./nodeWasm";

useNodeWasm();

test("the raw cursor functions are found in the shipped web-tree-sitter and pass the load check", async () => {
  await loadPythonParser();
  const raw = rawCursorExports();
  assert.ok(raw, "rawCursorExports() is undefined: the analysis reads through the slow public API");
  assert.ok(raw.transferBuffer > 0);
});

test("the raw cursor reads every node of every corpus snippet as the public TreeCursor does", async () => {
  const parser = await loadPythonParser();
  const raw = rawCursorExports();
  assert.ok(raw);
  const broken = "def f(x:\n    return F.softmax(x, dim=1\nclass C(nn.Module):\n    pass\n";
  for (const source of [...loadCorpus().map((s) => s.source), broken]) {
    const tree = parser.parse(source);
    assert.ok(tree);
    try {
      assert.ok(verifyCursorExports(raw, tree), source.slice(0, 80));
    } finally {
      tree.delete();
    }
  }
});

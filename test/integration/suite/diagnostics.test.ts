// Diagnostics on PyTorch code, read through vscode.languages.getDiagnostics.
//
// ── DIAGNOSTICS TESTS GO HERE ────────────────────────────────────────────────────────────────────
// Later issues add the rule tests, for example: train.py, which applies softmax before
// nn.CrossEntropyLoss, gets a diagnostic on that line. Use diagnosticsFor() below.
// ──────────────────────────────────────────────────────────────────────────────────────────────────
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { closeAllEditors, openFixture, ourExtension } from "../helpers";

/** Our diagnostics (source starting with "Sigmoid Lab") for a sample file, after it is opened. */
async function diagnosticsFor(file: string, settleMs = 500): Promise<vscode.Diagnostic[]> {
  const document = await openFixture(file);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source?.startsWith("Sigmoid Lab"));
}

suite("Diagnostics", () => {
  suiteSetup(() => ourExtension().activate());
  suiteTeardown(closeAllEditors);

  test("the sample training script with the softmax→CrossEntropyLoss mistake opens", async () => {
    const document = await openFixture("train.py");
    assert.match(document.getText(), /torch\.softmax\(logits, dim=1\)/);
    assert.match(document.getText(), /nn\.CrossEntropyLoss\(\)/);
    assert.ok(Array.isArray(await diagnosticsFor("train.py", 0)));
  });
});

// Hovers over code and Markdown, through the real hover pipeline (vscode.executeHoverProvider).
//
// ── HOVER TESTS GO HERE ──────────────────────────────────────────────────────────────────────────
// Later issues add one test per term, for example: hovering `torch.sigmoid(torch.tensor(2.5))` in
// train.py shows σ(2.5) = 0.924142, and `σ` in notes.md shows the formula. Use hoverText() below.
// ──────────────────────────────────────────────────────────────────────────────────────────────────
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { closeAllEditors, openFixture, ourExtension, positionOf } from "../helpers";

/** The Markdown of every hover at the first occurrence of `text` (+ offset) in a sample file. */
async function hoverText(file: string, text: string, offset = 1): Promise<string> {
  const document = await openFixture(file);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    "vscode.executeHoverProvider",
    document.uri,
    positionOf(document, text, offset),
  );
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === "string" ? content : content.value))
    .join("\n---\n");
}

suite("Hovers", () => {
  suiteSetup(() => ourExtension().activate());
  suiteTeardown(closeAllEditors);

  test("the hover pipeline answers for the sample PyTorch script", async () => {
    const document = await openFixture("train.py");
    assert.equal(document.languageId, "python");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      "vscode.executeHoverProvider",
      document.uri,
      positionOf(document, "torch.sigmoid(torch.tensor(2.5))", 7),
    );
    assert.ok(Array.isArray(hovers), "vscode.executeHoverProvider did not return an array");
  });

  test("the sample Markdown note opens as markdown", async () => {
    const document = await openFixture("notes.md");
    assert.equal(document.languageId, "markdown");
    assert.ok(document.getText().includes("σ"), "notes.md lost its σ");
    assert.equal(typeof (await hoverText("notes.md", "σ(x)", 0)), "string");
  });
});

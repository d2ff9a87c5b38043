// PyTorch code analysis in the real extension host: diagnostics read through
// vscode.languages.getDiagnostics, every quick fix applied through the code action API, and the
// depth-attenuation CodeLens read through vscode.executeCodeLensProvider. The sample
// test/fixtures/workspace/analysis_samples.py has one mistake per rule; it is edited in memory and
// reverted, never saved.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { closeAllEditors, fixtureUri, openFixture, ourExtension, waitFor } from "../helpers";

const SOURCE = "Sigmoid Lab";

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === "object" && code !== null ? String(code.value) : String(code);
}

/** Waits until our diagnostics for `uri` satisfy `ready` (the parser loads on the first document). */
function diagnosticsWhen(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean) {
  return waitFor(`Sigmoid Lab diagnostics on ${uri.path}`, () => {
    const diagnostics = ours(uri);
    return ready(diagnostics) ? diagnostics : undefined;
  });
}

async function revert(document: vscode.TextDocument, original: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), original);
  await vscode.workspace.applyEdit(edit);
}

/** The text each quick fix leaves on the line it edits (the mechanical fix each rule promises). */
const FIXED_LINES: Record<string, string> = {
  SL001: "ce_loss = nn.CrossEntropyLoss()(classifier(x), labels)",
  SL002: "nll_loss = F.nll_loss(torch.log_softmax(classifier(x), dim=1), labels)",
  SL003: "bce_logits_loss = nn.BCEWithLogitsLoss()(flagger(x), flags)",
  SL004: "bce = nn.BCEWithLogitsLoss()",
};

suite("Analysis", () => {
  suiteSetup(() => ourExtension().activate());
  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration("sigmoidLab.analysis")
      .update("rules", undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test("the sample training script gets SL001 on the softmax before CrossEntropyLoss", async () => {
    const document = await openFixture("train.py");
    const [diagnostic] = await diagnosticsWhen(document.uri, (d) => d.length > 0);
    assert.equal(codeOf(diagnostic), "SL001");
    assert.equal(document.getText(diagnostic.range), "torch.softmax(logits, dim=1)");
    assert.match(diagnostic.message, /CrossEntropyLoss/);
    // The code links to the Lab through the extension's URI handler (VS Code does not run command
    // URIs from a diagnostic's code link).
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.scheme, vscode.env.uriScheme);
    assert.equal(code.target.authority, "sigmoid-lab.sigmoid-lab");
    assert.equal(code.target.path, "/open");
    assert.deepEqual(JSON.parse(new URLSearchParams(code.target.query).get("intent") ?? ""), {
      view: "softmax",
    });
    assert.equal(diagnostic.relatedInformation?.[0].location.range.start.line, 40);
  });

  test("a hover over a finding links to its Lab view with a trusted command link", async () => {
    const document = await openFixture("train.py");
    const [diagnostic] = await diagnosticsWhen(document.uri, (d) => d.length > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      "vscode.executeHoverProvider",
      document.uri,
      diagnostic.range.start.translate(0, 3),
    );
    const texts = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === "string" ? c : c.value));
    const ours = texts.find((t) => t.includes("**SL001**"));
    assert.ok(ours, `no SL001 hover among: ${texts.join(" | ")}`);
    assert.ok(ours.includes("command:sigmoidLab.analysis.showInLab?"), ours);
    assert.ok(ours.includes("Open Logits & softmax in Sigmoid Lab"), ours);
  });

  test("each rule SL001–SL005 reports once on the analysis samples", async () => {
    const document = await openFixture("analysis_samples.py");
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.length >= 5);
    assert.deepEqual(diagnostics.map(codeOf).sort(), ["SL001", "SL002", "SL003", "SL004", "SL005"]);
    const severity = (code: string) => diagnostics.find((d) => codeOf(d) === code)?.severity;
    assert.equal(severity("SL001"), vscode.DiagnosticSeverity.Warning);
    assert.equal(severity("SL005"), vscode.DiagnosticSeverity.Information);
  });

  for (const code of Object.keys(FIXED_LINES)) {
    test(`the ${code} quick fix, applied through the code action API, edits the code`, async () => {
      const document = await openFixture("analysis_samples.py");
      const original = document.getText();
      const diagnostics = await diagnosticsWhen(document.uri, (d) =>
        d.some((x) => codeOf(x) === code),
      );
      const diagnostic = diagnostics.find((d) => codeOf(d) === code);
      assert.ok(diagnostic);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        "vscode.executeCodeActionProvider",
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.edit && a.isPreferred && a.title.length > 0);
      assert.ok(
        fix?.edit,
        `no quick fix with an edit among: ${actions.map((a) => a.title).join("; ")}`,
      );
      assert.ok(
        actions.some((a) => a.command?.command === "sigmoidLab.open"),
        "no Lab link action",
      );
      try {
        assert.ok(
          await vscode.workspace.applyEdit(fix.edit),
          "workspace.applyEdit refused the fix",
        );
        const lines = document.getText().split(/\r?\n/);
        assert.ok(
          lines.includes(FIXED_LINES[code]),
          `no line "${FIXED_LINES[code]}" after the fix`,
        );
        // The finding goes away once the edited text is analysed again (debounced).
        await diagnosticsWhen(document.uri, (d) => !d.some((x) => codeOf(x) === code));
      } finally {
        await revert(document, original);
      }
      assert.equal(document.getText(), original);
    });
  }

  test("the CodeLens over nn.Sequential bounds the gradient and offers a simulation", async () => {
    const document = await openFixture("analysis_samples.py");
    await diagnosticsWhen(document.uri, (d) => d.length >= 5);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      "vscode.executeCodeLensProvider",
      document.uri,
      10,
    );
    const titles = lenses.map((l) => l.command?.title);
    assert.ok(
      titles.includes("4 sigmoid layers — gradient to the first layer ≤ 0.25^4 = 0.0039"),
      `lens titles: ${titles.join(" | ")}`,
    );
    const simulate = lenses.find((l) => l.command?.title === "Simulate this network");
    assert.ok(simulate?.command);
    assert.equal(simulate.command.command, "sigmoidLab.open");
    assert.deepEqual(simulate.command.arguments, [
      { view: "vanishing", depth: 4, activation: "sigmoid", width: 32 },
    ]);
    assert.equal(document.lineAt(simulate.range.start.line).text, "deep = nn.Sequential(");
  });

  test("a rule set to off in the settings disappears, and comes back", async () => {
    const document = await openFixture("analysis_samples.py");
    await diagnosticsWhen(document.uri, (d) => d.length >= 5);
    const settings = vscode.workspace.getConfiguration("sigmoidLab.analysis");
    await settings.update(
      "rules",
      { SL005: "off", SL001: "error" },
      vscode.ConfigurationTarget.Global,
    );
    const changed = await diagnosticsWhen(document.uri, (d) => d.length === 4);
    assert.equal(
      changed.find((d) => codeOf(d) === "SL001")?.severity,
      vscode.DiagnosticSeverity.Error,
    );
    await settings.update("rules", undefined, vscode.ConfigurationTarget.Global);
    await diagnosticsWhen(document.uri, (d) => d.length === 5);
  });

  test("notebook cells are analysed as one program, each finding in its own cell", async () => {
    const notebook = await vscode.workspace.openNotebookDocument(fixtureUri("sigmoid.ipynb"));
    await vscode.window.showNotebookDocument(notebook);
    const last = notebook.cellAt(notebook.cellCount - 1).document;
    const [diagnostic] = await diagnosticsWhen(last.uri, (d) => d.length > 0);
    assert.equal(codeOf(diagnostic), "SL001");
    assert.equal(last.getText(diagnostic.range), "torch.softmax(logits, dim=1)");
    for (let i = 0; i < notebook.cellCount - 1; i++) {
      assert.deepEqual(ours(notebook.cellAt(i).document.uri), [], `cell ${i} has a diagnostic`);
    }
  });
});

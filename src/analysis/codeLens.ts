// The depth-attenuation CodeLens above every nn.Sequential(...) and nn.Module subclass that uses
// sigmoid or tanh: "n sigmoid layers — gradient to the first layer ≤ 0.25^n = …" and
// "Simulate this network", which opens the Vanishing gradients view with that network's shape.
import * as vscode from "vscode";
import type { AnalysisDiagnostics } from "./diagnostics";

export class DepthCodeLenses implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly analysis: AnalysisDiagnostics) {
    this.onDidChangeCodeLenses = analysis.onDidChange;
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.analysis.codeLensEnabled) return [];
    const results = await this.analysis.resultsFor(document);
    if (!results) return [];
    return results.lenses.flatMap((lens) => [
      // An empty command id shows the title as text that does nothing when clicked.
      new vscode.CodeLens(lens.range, { title: lens.title, command: "" }),
      new vscode.CodeLens(lens.range, {
        title: vscode.l10n.t("Simulate this network"),
        command: "sigmoidLab.open",
        arguments: [lens.intent],
      }),
    ]);
  }
}

// A hover over each finding with a one-click link to the Lab view that explains it. VS Code opens
// a diagnostic's code link without allowing command URIs, so the trusted link lives here; the
// diagnostic's code link goes through the extension's URI handler instead (labUri.ts).
import * as vscode from "vscode";
import type { ViewId } from "../shared/labState";
import type { AnalysisDiagnostics } from "./diagnostics";
import { labCommandUri } from "./lab";

/**
 * The hover's link runs this command (a thin alias of sigmoidLab.open, not in the palette), so the
 * analysis hover is told apart from the term hovers, whose links run sigmoidLab.open itself.
 */
export const SHOW_IN_LAB_COMMAND = "sigmoidLab.analysis.showInLab";

/** The Lab's view names as its tabs show them, in the editor's display language. */
function viewTitle(view: ViewId): string {
  switch (view) {
    case "activations":
      return vscode.l10n.t("Activations");
    case "vanishing":
      return vscode.l10n.t("Vanishing gradients");
    case "softmax":
      return vscode.l10n.t("Logits & softmax");
    case "recurrent":
      return vscode.l10n.t("LSTM & GRU");
  }
}

export class AnalysisHover implements vscode.HoverProvider {
  constructor(private readonly analysis: AnalysisDiagnostics) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    const results = await this.analysis.resultsFor(document);
    const here = results?.findings.filter((p) => p.diagnostic.range.contains(position)) ?? [];
    if (here.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: [SHOW_IN_LAB_COMMAND] };
    for (const { finding } of here) {
      const open = vscode.l10n.t(
        "Open {0} in Sigmoid Lab",
        viewTitle(finding.lab.view ?? "activations"),
      );
      const link = labCommandUri(finding.lab, SHOW_IN_LAB_COMMAND);
      markdown.appendMarkdown(`**${finding.code}** · [$(beaker) ${open}](${link})\n\n`);
    }
    return new vscode.Hover(markdown, here[0].diagnostic.range);
  }
}

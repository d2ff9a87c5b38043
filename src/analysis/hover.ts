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

const VIEW_TITLES: Record<ViewId, string> = {
  activations: "Activations",
  vanishing: "Vanishing gradients",
  softmax: "Logits & softmax",
  recurrent: "LSTM & GRU",
};

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
      const view = VIEW_TITLES[finding.lab.view ?? "activations"];
      markdown.appendMarkdown(
        `**${finding.code}** · [$(beaker) Open ${view} in Sigmoid Lab](${labCommandUri(finding.lab, SHOW_IN_LAB_COMMAND)})\n\n`,
      );
    }
    return new vscode.Hover(markdown, here[0].diagnostic.range);
  }
}

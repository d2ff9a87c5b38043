// Quick fixes for the findings: the mechanical edit where there is one (preferred), and a link to
// the Lab view that explains the finding.
import * as vscode from "vscode";
import { DIAGNOSTIC_SOURCE, type AnalysisDiagnostics } from "./diagnostics";

export class AnalysisCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly analysis: AnalysisDiagnostics) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const results = await this.analysis.resultsFor(document);
    if (!results) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const placed = results.findings.find(
        (p) =>
          p.diagnostic.range.isEqual(diagnostic.range) &&
          p.finding.code === codeOf(diagnostic) &&
          p.diagnostic.message === diagnostic.message,
      );
      if (!placed) continue;
      if (placed.fix) {
        const action = new vscode.CodeAction(placed.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of placed.fix.edits)
          action.edit.replace(edit.uri, edit.range, edit.newText);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      const explain = new vscode.CodeAction(
        vscode.l10n.t("Show {0} in Sigmoid Lab", placed.finding.code),
        vscode.CodeActionKind.QuickFix,
      );
      explain.command = {
        command: "sigmoidLab.open",
        title: explain.title,
        arguments: [placed.finding.lab],
      };
      explain.diagnostics = [diagnostic];
      actions.push(explain);
    }
    return actions;
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === "object" && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

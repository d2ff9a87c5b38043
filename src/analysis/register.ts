// Wires the analysis into VS Code: the WASM parser read through workspace.fs (so it works on the
// web too), diagnostics, quick fixes and CodeLenses for Python files and notebook cells.
import * as vscode from "vscode";
import { AnalysisCodeActions } from "./codeActions";
import { DepthCodeLenses } from "./codeLens";
import { AnalysisDiagnostics } from "./diagnostics";
import { AnalysisHover, SHOW_IN_LAB_COMMAND } from "./hover";
import { registerLabUriHandler } from "./labUri";
import { setRuntimeLoader, setWasmLoader } from "./parser";
import { importRuntimeBeside } from "./webRuntime";

/** Python files and notebook cells, on disk or not (untitled, vscode.dev). */
const PYTHON: vscode.DocumentSelector = [{ language: "python" }];

export function registerAnalysis(extensionUri: vscode.Uri): vscode.Disposable {
  // The parser loads on the first Python document, not at activation.
  setWasmLoader((file) =>
    Promise.resolve(
      vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, "dist", "analysis", file)),
    ),
  );
  // The browser build (esbuild.mjs defines the flag) loads the runtime by URL, not require().
  if (process.env.SIGMOID_LAB_WEB) setRuntimeLoader(importRuntimeBeside(extensionUri));
  const analysis = new AnalysisDiagnostics();
  return vscode.Disposable.from(
    analysis,
    vscode.languages.registerCodeActionsProvider(
      PYTHON,
      new AnalysisCodeActions(analysis),
      AnalysisCodeActions.metadata,
    ),
    vscode.languages.registerCodeLensProvider(PYTHON, new DepthCodeLenses(analysis)),
    vscode.languages.registerHoverProvider(PYTHON, new AnalysisHover(analysis)),
    registerLabUriHandler(),
    vscode.commands.registerCommand(SHOW_IN_LAB_COMMAND, (intent: unknown) =>
      vscode.commands.executeCommand("sigmoidLab.open", intent),
    ),
  );
}

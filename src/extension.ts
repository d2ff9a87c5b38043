// activate(): wiring only. Each surface registers itself and hands back its disposables.
import * as vscode from "vscode";
import { createLog } from "./log";
import { VIEW_COMMANDS, openLab } from "./commands";
import { registerLabSerializer } from "./panel/labPanel";
import { registerAnalysis } from "./analysis/register";
import { registerHovers } from "./hover/provider";

/** What other extensions (and our integration tests) can read from `extension.exports`. */
export interface SigmoidLabApi {
  /** Wall time of activate(), in milliseconds. */
  readonly activationTimeMs: number;
}

export function activate(context: vscode.ExtensionContext): SigmoidLabApi {
  const started = performance.now();
  const uri = context.extensionUri;
  context.subscriptions.push(
    createLog(),
    registerLabSerializer(uri),
    vscode.commands.registerCommand("sigmoidLab.open", openLab(uri)),
    ...VIEW_COMMANDS.map(({ command, view }) =>
      vscode.commands.registerCommand(command, openLab(uri, view)),
    ),
    registerAnalysis(uri),
    registerHovers(uri),
  );
  return { activationTimeMs: performance.now() - started };
}

export function deactivate(): void {}

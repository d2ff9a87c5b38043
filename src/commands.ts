// Commands as small factories: each returns the handler VS Code calls, given what it needs.
import * as vscode from "vscode";
import { sanitizeIntent, type ViewId } from "./shared/labState";
import { LabPanel } from "./panel/labPanel";
import { log } from "./log";

/** `sigmoidLab.open` takes an optional intent (from hover links and CodeLenses); it is validated. */
export function openLab(extensionUri: vscode.Uri, view?: ViewId) {
  return (rawIntent?: unknown): void => {
    const { intent, problems } = sanitizeIntent(rawIntent ?? {});
    for (const problem of problems) log.warn(`sigmoidLab.open: ${problem}`);
    LabPanel.createOrShow(extensionUri, view ? { ...intent, view } : intent);
  };
}

/** The palette commands that open the panel on one view: "Sigmoid Lab: Open Activations", … */
export const VIEW_COMMANDS: readonly { command: string; view: ViewId }[] = [
  { command: "sigmoidLab.openActivations", view: "activations" },
  { command: "sigmoidLab.openVanishing", view: "vanishing" },
  { command: "sigmoidLab.openSoftmax", view: "softmax" },
  { command: "sigmoidLab.openRecurrent", view: "recurrent" },
];

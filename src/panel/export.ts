// Saves what the page exports (PNG, CSV, a PyTorch script) through the host's save dialog. Works on
// the desktop and on vscode.dev alike: vscode.workspace.fs, no Node file API.
import * as vscode from "vscode";
import type { ExportRequest } from "../shared/protocol";
import { log } from "../log";

/** The save dialog's file type, in the editor's display language. */
function filters(format: ExportRequest["format"]): Record<string, string[]> {
  switch (format) {
    case "png":
      return { [vscode.l10n.t("PNG image")]: ["png"] };
    case "csv":
      return { [vscode.l10n.t("CSV table")]: ["csv"] };
    case "py":
      return { [vscode.l10n.t("Python script")]: ["py"] };
  }
}

export async function saveExport(
  request: ExportRequest,
): Promise<{ outcome: "saved" | "cancelled" | "failed"; detail?: string }> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, request.suggestedName) : undefined,
    filters: filters(request.format),
    saveLabel: vscode.l10n.t("Export"),
  });
  if (!target) return { outcome: "cancelled" };
  try {
    await vscode.workspace.fs.writeFile(target, encode(request));
    log.info(`exported ${request.format} to ${target.toString(true)}`);
    return { outcome: "saved", detail: target.toString(true) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    log.error(`export to ${target.toString(true)} failed: ${detail}`);
    void vscode.window.showErrorMessage(
      vscode.l10n.t("Sigmoid Lab could not save {0}: {1}", target.fsPath, detail),
    );
    return { outcome: "failed", detail };
  }
}

function encode(request: ExportRequest): Uint8Array {
  if (request.format === "png") {
    const base64 = request.content.slice(request.content.indexOf(",") + 1);
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  return new TextEncoder().encode(request.content);
}

// Small helpers the integration suites share: our extension, the sample workspace, polling.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";

export const EXTENSION_ID = "sigmoid-lab.sigmoid-lab";

/** What activate() returns (src/extension.ts SigmoidLabApi); read through exports. */
export interface SigmoidLabExports {
  readonly activationTimeMs: number;
}

export function ourExtension(): vscode.Extension<SigmoidLabExports> {
  const extension = vscode.extensions.getExtension<SigmoidLabExports>(EXTENSION_ID);
  assert.ok(
    extension,
    `extension ${EXTENSION_ID} is not installed in this VS Code; installed: ${vscode.extensions.all
      .map((e) => e.id)
      .filter((id) => !id.startsWith("vscode."))
      .join(", ")}`,
  );
  return extension;
}

/** A file of the sample workspace (test/fixtures/workspace), which the runners open as the folder. */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "no workspace folder is open; the runner must open test/fixtures/workspace");
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a sample file in an editor and returns its document. */
export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position of the first occurrence of `text` in the document, plus `offset` characters. */
export function positionOf(
  document: vscode.TextDocument,
  text: string,
  offset = 0,
): vscode.Position {
  const index = document.getText().indexOf(text);
  assert.ok(index >= 0, `"${text}" does not occur in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

/** Polls `probe` until it returns a value other than undefined, or fails with `what` after a timeout. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every open tab whose input is a webview of the given view type (VS Code prefixes the id). */
export function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes(viewType),
    );
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

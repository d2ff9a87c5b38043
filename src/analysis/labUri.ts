// `<scheme>://sigmoid-lab.sigmoid-lab/open?intent=<JSON>` opens the Lab with that intent. VS Code
// opens a diagnostic's code link (and other links outside trusted Markdown) without running command
// URIs, but routes its own scheme to the extension's URI handler (after asking the user once).
import * as vscode from "vscode";
import type { LabIntent } from "../shared/labState";

export const EXTENSION_ID = "sigmoid-lab.sigmoid-lab";

export function labLink(intent: LabIntent): vscode.Uri {
  return vscode.Uri.from({
    scheme: vscode.env.uriScheme,
    authority: EXTENSION_ID,
    path: "/open",
    query: `intent=${encodeURIComponent(JSON.stringify(intent))}`,
  });
}

/** The handler behind labLink; `sigmoidLab.open` validates the intent field by field. */
export function registerLabUriHandler(): vscode.Disposable {
  return vscode.window.registerUriHandler({
    handleUri(uri) {
      if (uri.path !== "/open") return;
      const raw = new URLSearchParams(uri.query).get("intent");
      void vscode.commands.executeCommand("sigmoidLab.open", parseIntent(raw));
    },
  });
}

function parseIntent(raw: string | null): unknown {
  try {
    return raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
}

// The Lab page's HTML: a strict Content-Security-Policy with a per-load nonce, and only the
// extension's own dist/webview folder as a source of scripts, styles, images and the worker. The
// page's words and its start (state and intent) travel in it as data (<script type=
// "application/json">, which CSP does not run).
import * as vscode from "vscode";
import { PAGE_WORDS_ELEMENT_ID, type PageWords, pageWordsScriptText } from "../shared/pageWords";
import { LAB_START_ELEMENT_ID, type LabStart, labStartScriptText } from "../shared/protocol";
import { labContentSecurityPolicy } from "./csp";

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function renderLabHtml(
  webview: vscode.Webview,
  webviewRoot: vscode.Uri,
  words: PageWords,
  start: LabStart,
): string {
  const nonce = createNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, "main.js"));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, "main.css"));
  const csp = labContentSecurityPolicy(webview.cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(words.language)}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link href="${style}" rel="stylesheet">
  <title>Sigmoid Lab</title>
</head>
<body>
  <div id="app" aria-live="polite"></div>
  <script type="application/json" id="${PAGE_WORDS_ELEMENT_ID}">${pageWordsScriptText(words)}</script>
  <script type="application/json" id="${LAB_START_ELEMENT_ID}">${labStartScriptText(start)}</script>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/[^\w-]/g, "");
}

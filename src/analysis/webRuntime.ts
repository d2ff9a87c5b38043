// web-tree-sitter's JavaScript on vscode.dev. The browser build runs in the web worker extension
// host, whose require() knows only "vscode" and where importScripts is blocked, so the runtime
// ships beside the bundle as an ES module (dist/web/web-tree-sitter.js, built by esbuild.mjs) and is
// import()ed by its URL on the first analysis — activation never pays for its ~80 KB.
import type * as TreeSitter from "web-tree-sitter";
import * as vscode from "vscode";
import type { RuntimeLoader } from "./parser";

export function importRuntimeBeside(extensionUri: vscode.Uri): RuntimeLoader {
  return async () => {
    const file = vscode.Uri.joinPath(extensionUri, "dist", "web", "web-tree-sitter.js");
    // The worker's fetch turns the extension's own URIs (file:, vscode-remote:) into the address
    // the browser loads them from; import() does not, so that address is read off the response.
    const response = await fetch(file.toString(true));
    await response.body?.cancel();
    if (!response.ok) {
      throw new Error(`web-tree-sitter: ${file.toString(true)} answered ${response.status}`);
    }
    return (await import(response.url)) as typeof TreeSitter;
  };
}

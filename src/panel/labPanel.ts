// The Lab panel's lifecycle: one panel at a time (createOrShow), brought back after a reload by the
// serializer (revive), and every listener disposed with it. The host only opens, restores and routes;
// the page computes everything itself.
import * as vscode from "vscode";
import {
  type LabIntent,
  type LabState,
  defaultLabState,
  sanitizeLabState,
} from "../shared/labState";
import { type ToWebview, MessageType, parseFromWebview } from "../shared/protocol";
import { log } from "../log";
import { renderLabHtml } from "./html";
import { pageWords } from "./pageWords";
import { saveExport } from "./export";

export const LAB_VIEW_TYPE = "sigmoidLab.lab";

export class LabPanel {
  private static current: LabPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  /** An intent for the page that it has not had yet: written into its HTML, or sent on Ready. */
  private pendingIntent: LabIntent = {};
  /** True between the page's Ready and the moment it is hidden (its context is not retained). */
  private pageReady = false;
  private disposed = false;

  static createOrShow(extensionUri: vscode.Uri, intent: LabIntent = {}): LabPanel {
    const column = vscode.window.activeTextEditor
      ? vscode.ViewColumn.Beside
      : vscode.ViewColumn.Active;
    if (LabPanel.current) {
      LabPanel.current.panel.reveal(column);
      LabPanel.current.show(intent);
      return LabPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      LAB_VIEW_TYPE,
      "Sigmoid Lab",
      column,
      webviewOptions(extensionUri),
    );
    LabPanel.current = new LabPanel(panel, extensionUri, defaultLabState(), intent);
    return LabPanel.current;
  }

  /** Called by the serializer with whatever the page last saved with setState. */
  static revive(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    savedState: unknown,
  ): LabPanel {
    const { state, problems } = sanitizeLabState(savedState);
    for (const problem of problems) log.warn(`restoring the Lab panel: ${problem}`);
    LabPanel.current?.dispose();
    LabPanel.current = new LabPanel(panel, extensionUri, state, {});
    return LabPanel.current;
  }

  static get instance(): LabPanel | undefined {
    return LabPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly initialState: LabState,
    intent: LabIntent,
  ) {
    this.pendingIntent = intent;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "media", "icon.png");
    panel.webview.options = webviewOptions(extensionUri);
    this.render().catch((error: unknown) => log.error(`showing the Lab page: ${String(error)}`));
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    panel.webview.onDidReceiveMessage(
      (data: unknown) => this.receive(data),
      undefined,
      this.disposables,
    );
    panel.onDidChangeViewState(
      () => {
        if (!panel.visible) this.pageReady = false;
      },
      undefined,
      this.disposables,
    );
  }

  /** Writes the page's HTML once its words are read (a few KB from dist/webview/i18n); <html lang>
   * is the language of the words the page shows. The state and the intents so far go in with it. */
  private async render(): Promise<void> {
    const root = webviewRoot(this.extensionUri);
    const words = await pageWords(root, vscode.env.language);
    if (this.disposed) return;
    const start = { state: this.initialState, intent: this.pendingIntent };
    this.pendingIntent = {};
    this.panel.webview.html = renderLabHtml(this.panel.webview, root, words, start);
  }

  /** Shows an intent: now if the page is listening, otherwise when it says Ready. */
  show(intent: LabIntent): void {
    if (Object.keys(intent).length === 0) return;
    if (this.pageReady) void this.post({ type: MessageType.Apply, intent });
    else this.pendingIntent = { ...this.pendingIntent, ...intent };
  }

  private async receive(data: unknown): Promise<void> {
    const parsed = parseFromWebview(data);
    if (!parsed.ok) {
      log.warn(`ignored a message from the Lab page: ${parsed.error}`);
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case MessageType.Ready: {
        // The page started from its HTML (or, reloaded after being hidden, from its own saved
        // state); what was asked of it since comes now.
        const intent = this.pendingIntent;
        this.pendingIntent = {};
        this.pageReady = true;
        if (Object.keys(intent).length > 0) await this.post({ type: MessageType.Apply, intent });
        return;
      }
      case MessageType.Export: {
        const outcome = await saveExport(message);
        await this.post({ type: MessageType.ExportDone, format: message.format, ...outcome });
        return;
      }
      case MessageType.Log:
        log[message.level](`Lab page: ${message.message}`);
        return;
    }
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.disposed = true;
    if (LabPanel.current === this) LabPanel.current = undefined;
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, "dist", "webview");
}

function webviewOptions(
  extensionUri: vscode.Uri,
): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    // Only the bundled page may be loaded: not the workspace, not the rest of the extension.
    localResourceRoots: [webviewRoot(extensionUri)],
    retainContextWhenHidden: false,
  };
}

/** Restores the panel after a window reload with the state the page saved. */
export function registerLabSerializer(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(LAB_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
      LabPanel.revive(panel, extensionUri, state);
    },
  });
}

// The built Lab page (dist/webview/main.js + main.css) in Debian's Chromium, outside VS Code: a
// page with the --vscode-* variables of a light, dark or high-contrast theme and a small
// acquireVsCodeApi stand-in playing the host's part (it keeps setState; the start is in the HTML,
// as the host writes it). Used by the panel benchmark; the e2e tests drive the real thing in code-server.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { PAGE_WORDS_ELEMENT_ID, pageWordsScriptText } from "../../src/shared/pageWords";
import { labContentSecurityPolicy } from "../../src/panel/csp";
import { LAB_START_ELEMENT_ID, labStartScriptText } from "../../src/shared/protocol";
import { sanitizeIntent, sanitizeLabState } from "../../src/shared/labState";

export type ThemeKind = "light" | "dark" | "high-contrast";

// Run from the repository root (npm scripts do), where dist/ is.
const ROOT = process.cwd();
const ORIGIN = "http://sigmoid-lab.test";

/** The variables the page reads, with VS Code's Light+ / Dark+ / High Contrast values. */
export const THEMES: Record<ThemeKind, { bodyClass: string; vars: Record<string, string> }> = {
  light: {
    bodyClass: "vscode-light",
    vars: {
      "--vscode-editor-background": "#ffffff",
      "--vscode-editor-foreground": "#3b3b3b",
      "--vscode-foreground": "#3b3b3b",
      "--vscode-descriptionForeground": "#717171",
      "--vscode-editorWidget-border": "#c8c8c8",
      "--vscode-panel-border": "#e5e5e5",
      "--vscode-focusBorder": "#005fb8",
      "--vscode-button-background": "#005fb8",
      "--vscode-button-foreground": "#ffffff",
      "--vscode-button-secondaryBackground": "#e5e5e5",
      "--vscode-button-secondaryForeground": "#3b3b3b",
      "--vscode-input-background": "#ffffff",
      "--vscode-input-foreground": "#3b3b3b",
      "--vscode-input-border": "#cecece",
      "--vscode-editorWarning-foreground": "#bf8803",
      "--vscode-charts-blue": "#1a85ff",
      "--vscode-charts-orange": "#d18616",
      "--vscode-charts-green": "#388a34",
      "--vscode-charts-purple": "#652d90",
      "--vscode-charts-red": "#e51400",
      "--vscode-charts-yellow": "#bf8803",
      "--vscode-font-family": "system-ui, sans-serif",
      "--vscode-font-size": "13px",
      "--vscode-editor-font-family": "monospace",
    },
  },
  dark: {
    bodyClass: "vscode-dark",
    vars: {
      "--vscode-editor-background": "#1f1f1f",
      "--vscode-editor-foreground": "#cccccc",
      "--vscode-foreground": "#cccccc",
      "--vscode-descriptionForeground": "#9d9d9d",
      "--vscode-editorWidget-border": "#454545",
      "--vscode-panel-border": "#2b2b2b",
      "--vscode-focusBorder": "#0078d4",
      "--vscode-button-background": "#0078d4",
      "--vscode-button-foreground": "#ffffff",
      "--vscode-button-secondaryBackground": "#313131",
      "--vscode-button-secondaryForeground": "#cccccc",
      "--vscode-input-background": "#313131",
      "--vscode-input-foreground": "#cccccc",
      "--vscode-input-border": "#3c3c3c",
      "--vscode-editorWarning-foreground": "#cca700",
      "--vscode-charts-blue": "#3794ff",
      "--vscode-charts-orange": "#d18616",
      "--vscode-charts-green": "#89d185",
      "--vscode-charts-purple": "#b180d7",
      "--vscode-charts-red": "#f14c4c",
      "--vscode-charts-yellow": "#cca700",
      "--vscode-font-family": "system-ui, sans-serif",
      "--vscode-font-size": "13px",
      "--vscode-editor-font-family": "monospace",
    },
  },
  "high-contrast": {
    bodyClass: "vscode-high-contrast",
    vars: {
      "--vscode-editor-background": "#000000",
      "--vscode-editor-foreground": "#ffffff",
      "--vscode-foreground": "#ffffff",
      "--vscode-descriptionForeground": "#ffffff",
      "--vscode-editorWidget-border": "#6fc3df",
      "--vscode-panel-border": "#6fc3df",
      "--vscode-contrastBorder": "#6fc3df",
      "--vscode-contrastActiveBorder": "#f38518",
      "--vscode-focusBorder": "#f38518",
      "--vscode-button-background": "#000000",
      "--vscode-button-foreground": "#ffffff",
      "--vscode-input-background": "#000000",
      "--vscode-input-foreground": "#ffffff",
      "--vscode-input-border": "#6fc3df",
      "--vscode-editorWarning-foreground": "#ffd370",
      "--vscode-charts-blue": "#3794ff",
      "--vscode-charts-orange": "#d18616",
      "--vscode-charts-green": "#89d185",
      "--vscode-charts-purple": "#b180d7",
      "--vscode-charts-red": "#f14c4c",
      "--vscode-charts-yellow": "#cca700",
      "--vscode-font-family": "system-ui, sans-serif",
      "--vscode-font-size": "13px",
      "--vscode-editor-font-family": "monospace",
    },
  },
};

/** The host side: what VS Code's webview API does for the page, and no more. */
function hostStandIn(kind: ThemeKind): string {
  return `
__switchTheme(${JSON.stringify(THEMES[kind].vars)}, ${JSON.stringify(THEMES[kind].bodyClass)});
window.__lab = { posted: [] };
window.acquireVsCodeApi = () => ({
  postMessage(message) { window.__lab.posted.push(message); },
  getState() { return window.__lab.saved; },
  setState(value) { window.__lab.saved = value; },
});`;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Opens the Lab page with a theme and an optional saved state / intent. Resolves when the first
 * chart is drawn; `firstChartMs` is from navigation start to that moment.
 */
export async function openLabPage(
  browser: Browser,
  options: {
    theme?: ThemeKind;
    state?: unknown;
    intent?: unknown;
    width?: number;
    height?: number;
  } = {},
): Promise<{ page: Page; firstChartMs: number }> {
  const kind = options.theme ?? "light";
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  const [script, css, worker, vanishingWorker, english] = await Promise.all([
    readFile(path.join(ROOT, "dist/webview/main.js"), "utf8"),
    readFile(path.join(ROOT, "dist/webview/main.css"), "utf8"),
    readFile(path.join(ROOT, "dist/webview/recurrentWorker.js"), "utf8"),
    readFile(path.join(ROOT, "dist/webview/vanishingWorker.js"), "utf8"),
    readFile(path.join(ROOT, "dist/webview/i18n/en.json"), "utf8"),
  ]);
  // The host writes the display language's words into the HTML (src/panel/html.ts); here English.
  const words = pageWordsScriptText({ language: "en", messages: JSON.parse(english) });
  // The panel's own CSP (src/panel/csp.ts), with this page's origin as the extension's.
  const nonce = "bench";
  const csp = labContentSecurityPolicy(ORIGIN, nonce);
  // The start the host writes into the HTML (src/panel/labPanel.ts): a saved state, an intent.
  const start = {
    state: sanitizeLabState(options.state).state,
    intent: sanitizeIntent(options.intent ?? {}).intent,
  };
  const html = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<link href="${ORIGIN}/main.css" rel="stylesheet"><title>Sigmoid Lab</title></head>
<body class="${THEMES[kind].bodyClass}">
  <div id="app" aria-live="polite"></div>
  <script type="application/json" id="${PAGE_WORDS_ELEMENT_ID}">${words}</script>
  <script type="application/json" id="${LAB_START_ELEMENT_ID}">${labStartScriptText(start)}</script>
  <script nonce="${nonce}">${hostStandIn(kind)}</script>
  <script nonce="${nonce}" src="${ORIGIN}/main.js"></script>
</body>
</html>`;
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith("/main.js"))
      return route.fulfill({ body: script, contentType: "text/javascript" });
    if (url.endsWith("/main.css")) return route.fulfill({ body: css, contentType: "text/css" });
    if (url.endsWith("/recurrentWorker.js"))
      return route.fulfill({ body: worker, contentType: "text/javascript" });
    if (url.endsWith("/vanishingWorker.js"))
      return route.fulfill({ body: vanishingWorker, contentType: "text/javascript" });
    return route.fulfill({ body: html, contentType: "text/html" });
  });
  await page.addInitScript({ path: path.join(ROOT, "test/bench/panelProbe.js") });
  page.on("pageerror", (error) => console.error(`page error: ${error.stack}`));
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction("document.body.dataset.ready === 'true'");
  const refused = (await page.evaluate("__cspViolations")) as string[];
  if (refused.length > 0) throw new Error(`the Lab page's CSP refused: ${refused.join("; ")}`);
  // A function, not a string: the page's CSP refuses the string form's evaluation while polling.
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { document: { body: HTMLElementLike } }).document.body.dataset
        .wasmKernels !== undefined,
  );
  if ((await page.evaluate("document.body.dataset.wasmKernels")) !== "on") {
    throw new Error("the core's WebAssembly kernels did not run on the Lab page");
  }
  const firstChartMs = (await page.evaluate("__firstChartMs()")) as number;
  return { page, firstChartMs };
}

interface HTMLElementLike {
  dataset: Record<string, string | undefined>;
}

/** Switches the page's theme the way VS Code does: new variables on <html>, new class on <body>. */
export async function switchTheme(page: Page, kind: ThemeKind): Promise<void> {
  await page.evaluate(
    ([vars, bodyClass]) =>
      (
        globalThis as unknown as { __switchTheme(v: Record<string, string>, c: string): void }
      ).__switchTheme(vars, bodyClass),
    [THEMES[kind].vars, THEMES[kind].bodyClass] as const,
  );
}

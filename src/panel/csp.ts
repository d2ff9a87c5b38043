// The Lab page's Content-Security-Policy, apart from the HTML so that the speed benchmark's page
// (test/bench/panelPage.ts) runs under the very same rules as the panel in VS Code.

/** cspSource: the webview's own origin for the extension's files; nonce: this load's. */
export function labContentSecurityPolicy(cspSource: string, nonce: string): string {
  // No 'unsafe-eval' and no 'unsafe-inline' for scripts; Chart.js sets inline style attributes on its
  // canvas, which style-src 'unsafe-inline' would allow — we keep styles to the stylesheet plus the
  // style attributes Chart.js writes through the CSSOM, which CSP does not block.
  return [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    // 'wasm-unsafe-eval' lets the page compile the math core's WebAssembly kernels (src/core/kernels,
    // built into main.js and the workers, never fetched) and nothing else: JavaScript eval and
    // new Function stay forbidden. Without it the page computes the same numbers ~6× slower.
    `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`,
    // The LSTM & GRU and Vanishing gradients views' workers: their scripts are fetched from the
    // extension's own dist/webview and started from blob: URLs the page makes (a Worker must be
    // same-origin).
    `connect-src ${cspSource}`,
    "worker-src blob:",
  ].join("; ");
}

// The embedded math core: the public API of ../shared/DESIGN.md ("The math core contract").
// Pure TypeScript — no vscode, no DOM, no Node — so the extension host, the browser build and the
// webview page all bundle the same numbers.

// --- scalars, vectors, expression evaluator ---

// --- losses, recurrent cells, deep networks ---

// Loads tree-sitter's Python grammar (WASM) once, on the first request. The bytes come from a loader
// the host supplies — vscode.workspace.fs in the extension (desktop and web alike), node:fs in
// tests — so this module needs no file system of its own and runs in a browser worker unchanged.
import type * as TreeSitter from "web-tree-sitter";
import { cursorExportsOf, verifyCursorExports, type CursorExports } from "./cursorExports";

export type Tree = TreeSitter.Tree;
export type { SyntaxNode } from "./syntaxTree";

/** The two WASM files: the runtime and the grammar (ABI 15, built by tree-sitter-cli 0.25). */
export type WasmFile = "tree-sitter.wasm" | "tree-sitter-python.wasm";
export type WasmLoader = (file: WasmFile) => Promise<Uint8Array>;

/** Where web-tree-sitter's JavaScript comes from (the WASM bytes come from the WasmLoader). */
export type RuntimeLoader = () => Promise<typeof TreeSitter>;

// The CommonJS build of web-tree-sitter, through require: its ES module build reads
// import.meta.url, which a CommonJS bundle does not have. esbuild bundles it (tests, the Web
// Worker e2e), or leaves it beside the bundle (desktop: dist/analysis/web-tree-sitter.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireRuntime: RuntimeLoader = async () => require("web-tree-sitter");

let loader: WasmLoader | undefined;
let runtimeLoader: RuntimeLoader = requireRuntime;
let parser: Promise<TreeSitter.Parser> | undefined;
let cursorExports: CursorExports | undefined;

/** Tells the analysis where the WASM bytes come from. Call before the first analysis. */
export function setWasmLoader(load: WasmLoader): void {
  loader = load;
  parser = undefined;
}

/**
 * Tells the analysis how to load web-tree-sitter's JavaScript where require() cannot: the browser
 * build imports it from dist/web/web-tree-sitter.js (see webRuntime.ts).
 */
export function setRuntimeLoader(load: RuntimeLoader): void {
  runtimeLoader = load;
  parser = undefined;
}

/** True once the parser has been requested (the host can show that loading is under way). */
export function parserRequested(): boolean {
  return parser !== undefined;
}

/** The raw cursor functions of the loaded runtime, once checked (see cursorExports.ts). */
export function rawCursorExports(): CursorExports | undefined {
  return cursorExports;
}

/** A program with fields, keywords, nesting and a decorator, to check the raw reader against. */
const PROBE = "@d\ndef f(a, b=1):\n    return g(a, key=b)[0].c\nclass C(B):\n    x: int = 3\n";

export function loadPythonParser(): Promise<TreeSitter.Parser> {
  if (!parser) {
    const load = loader;
    if (!load) {
      return Promise.reject(new Error("setWasmLoader(load) must be called before the analysis"));
    }
    parser = createParser(runtimeLoader, load);
    // A failed load (a missing file) may be retried on the next document.
    parser.catch(() => (parser = undefined));
  }
  return parser;
}

async function createParser(
  loadRuntime: RuntimeLoader,
  load: WasmLoader,
): Promise<TreeSitter.Parser> {
  const [runtime, core, grammar] = await Promise.all([
    loadRuntime(),
    load("tree-sitter.wasm"),
    load("tree-sitter-python.wasm"),
  ]);
  // Emscripten fills this object in with the module's exports (see cursorExports.ts).
  const moduleOptions: Record<string, unknown> = { wasmBinary: core };
  await runtime.Parser.init(moduleOptions);
  const python = await runtime.Language.load(grammar);
  const created = new runtime.Parser();
  created.setLanguage(python);
  cursorExports = checkedCursorExports(runtime, moduleOptions, created);
  return created;
}

function checkedCursorExports(
  runtime: object,
  moduleOptions: Record<string, unknown>,
  created: TreeSitter.Parser,
): CursorExports | undefined {
  const found = cursorExportsOf(runtime, moduleOptions);
  const probe = found && created.parse(PROBE);
  if (!found || !probe) return undefined;
  try {
    return verifyCursorExports(found, probe) ? found : undefined;
  } finally {
    probe.delete();
  }
}

// Points the analysis at the WASM files in node_modules, the same bytes the build copies to dist/.
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { setWasmLoader, type WasmFile } from "../../../src/analysis";

const root = path.resolve(__dirname, "../../..");

export const WASM_PATHS: Record<WasmFile, string> = {
  "tree-sitter.wasm": path.join(root, "node_modules/web-tree-sitter/tree-sitter.wasm"),
  "tree-sitter-python.wasm": path.join(
    root,
    "node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm",
  ),
};

export function useNodeWasm(): void {
  setWasmLoader(async (file) => new Uint8Array(await readFile(WASM_PATHS[file])));
}

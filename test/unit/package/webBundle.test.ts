// vscode.dev runs extensions in a browser Web Worker: no `require("fs")`, no Node API at all. This
// bundles src/extension.ts for the browser into memory with the options esbuild.mjs uses for
// dist/web/extension.js, and records every import of a Node built-in and who made it.
//
// The one exception is web-tree-sitter's CommonJS build: Emscripten's loader names fs, path and
// fs/promises inside `if (ENVIRONMENT_IS_NODE)` branches (process.versions.node is a string),
// which never run in a worker, where there is no `process`; esbuild.mjs leaves those names
// external. The analysis e2e test runs that parser in a real browser Web Worker.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { builtinModules } from "node:module";
import * as esbuild from "esbuild";

const root = path.resolve(import.meta.dirname, "../../..");
const builtins = new Set(builtinModules);
const TREE_SITTER = "node_modules/web-tree-sitter/";
/** The names esbuild.mjs keeps external for web-tree-sitter (its `treeSitterNodeOnly`). */
const TREE_SITTER_NODE_ONLY = new Set(["fs", "fs/promises", "path", "module", "url"]);

function isBuiltin(specifier: string): boolean {
  if (specifier.startsWith("node:")) return true;
  return builtins.has(specifier) || builtins.has(specifier.split("/")[0]);
}

async function builtinImportsOfWebBundle(): Promise<{ specifier: string; importer: string }[]> {
  const found: { specifier: string; importer: string }[] = [];
  const recordBuiltins: esbuild.Plugin = {
    name: "record-node-builtins",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (!isBuiltin(args.path)) return undefined;
        found.push({
          specifier: args.path,
          importer: path.relative(root, args.importer).replace(/\\/g, "/"),
        });
        return { path: args.path, external: true };
      });
    },
  };
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["src/extension.ts"],
    bundle: true,
    write: false,
    platform: "browser",
    format: "cjs",
    target: "es2022",
    mainFields: ["browser", "module", "main"],
    external: ["vscode"],
    define: { "process.env.SIGMOID_LAB_WEB": '"1"' },
    logLevel: "silent",
    plugins: [recordBuiltins],
  });
  return found;
}

test("the browser bundle imports no Node built-in from our code or any other dependency", async () => {
  const found = await builtinImportsOfWebBundle();
  const outside = found.filter((f) => !f.importer.includes(TREE_SITTER));
  assert.deepEqual(
    outside,
    [],
    `Node built-ins in the web bundle: ${outside.map((f) => `${f.importer} imports ${f.specifier}`).join("; ")}`,
  );
});

test("web-tree-sitter names only the Node modules esbuild.mjs leaves external", async () => {
  const found = await builtinImportsOfWebBundle();
  for (const { specifier, importer } of found.filter((f) => f.importer.includes(TREE_SITTER))) {
    assert.ok(
      TREE_SITTER_NODE_ONLY.has(specifier),
      `${importer} imports ${specifier}, which esbuild.mjs does not leave external`,
    );
  }
});

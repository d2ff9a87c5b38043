// vscode.dev runs extensions in a browser Web Worker: no `require("fs")`, no Node API at all. This
// bundles the browser build in memory with esbuild.mjs's own options (dist/web/extension.js and
// the tree-sitter runtime beside it, dist/web/web-tree-sitter.js) and records every import of a
// Node built-in and who made it, and what the output still imports at run time.
//
// The one exception is web-tree-sitter's ES module: Emscripten's loader names fs/promises and
// module (then fs, path and url through createRequire) inside `if (ENVIRONMENT_IS_NODE)` branches
// (process.versions.node is a string), which never run in a worker, where there is no `process`;
// they must stay dynamic import()s there, since a static import would fail the whole module. The
// e2e layer "e2e (web extension host)" runs that parser in VS Code's web worker extension host.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { builtinModules } from "node:module";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(import.meta.dirname, "../../..");
const builtins = new Set(builtinModules);
/** The names esbuild.mjs keeps external for web-tree-sitter (its `treeSitterNodeOnly`). */
const TREE_SITTER_NODE_ONLY = new Set(["fs", "fs/promises", "path", "module", "url"]);

function isBuiltin(specifier: string): boolean {
  if (specifier.startsWith("node:")) return true;
  return builtins.has(specifier) || builtins.has(specifier.split("/")[0]);
}

/** esbuild.mjs's options for the bundle written to `outfile`. */
async function buildOptions(outfile: string): Promise<esbuild.BuildOptions> {
  const { builds } = (await import(pathToFileURL(path.join(root, "esbuild.mjs")).href)) as {
    builds: esbuild.BuildOptions[];
  };
  const options = builds.find((b) => b.outfile === outfile);
  assert.ok(options, `esbuild.mjs builds no ${outfile}`);
  return options;
}

interface Bundled {
  /** Node built-ins our sources or a dependency import, and from where. */
  builtins: { specifier: string; importer: string }[];
  /** What the output still loads at run time: "require-call vscode", "dynamic-import module"… */
  runtimeImports: string[];
}

async function bundle(outfile: string): Promise<Bundled> {
  const options = await buildOptions(outfile);
  const found: Bundled["builtins"] = [];
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
  const result = await esbuild.build({
    ...options,
    absWorkingDir: root,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [recordBuiltins, ...(options.plugins ?? [])],
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  assert.ok(output, `esbuild wrote no ${outfile}`);
  return {
    builtins: found,
    runtimeImports: output.imports.map((i) => `${i.kind} ${i.path}`),
  };
}

test("the browser extension bundle imports no Node built-in", async () => {
  const { builtins } = await bundle("dist/web/extension.js");
  assert.deepEqual(
    builtins,
    [],
    `Node built-ins in the web bundle: ${builtins.map((f) => `${f.importer} imports ${f.specifier}`).join("; ")}`,
  );
});

test("at run time the browser extension bundle requires vscode, and names web-tree-sitter uncalled", async () => {
  const { runtimeImports } = await bundle("dist/web/extension.js");
  // web-tree-sitter is the name parser.ts's desktop default requires; the browser build never
  // calls it (register.ts sets the import() loader of webRuntime.ts), and the bundle keeps it out.
  assert.deepEqual([...new Set(runtimeImports)].sort(), [
    "require-call vscode",
    "require-call web-tree-sitter",
  ]);
});

test("web-tree-sitter's browser module names Node modules only in import()s its Node paths make", async () => {
  const { builtins, runtimeImports } = await bundle("dist/web/web-tree-sitter.js");
  for (const { specifier, importer } of builtins) {
    assert.ok(
      TREE_SITTER_NODE_ONLY.has(specifier),
      `${importer} imports ${specifier}, which esbuild.mjs does not leave external`,
    );
  }
  assert.deepEqual(runtimeImports.sort(), ["dynamic-import fs/promises", "dynamic-import module"]);
});

// The size budgets of /work/shared/DESIGN.md ("extension bundle under 150 KB; webview bundle with
// Chart.js under 300 KB minified"), checked on what `npm run build:production` writes: every
// bundle of esbuild.mjs built in memory with its own options, minified, without source maps.
// The tree-sitter runtimes are loaded only on the first analysis, beside the extension bundles;
// they are listed so that one creeping back into a bundle shows as that bundle's growth.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(import.meta.dirname, "../../..");
const KB = 1024;

/** Budget in bytes per output file; every bundle esbuild.mjs writes must be named here. */
const BUDGETS: Record<string, number> = {
  "dist/extension.js": 150 * KB,
  "dist/web/extension.js": 150 * KB,
  "dist/webview/main.js": 300 * KB,
  // Loaded on the first analysis; web-tree-sitter 0.25 is ~72–80 KB minified.
  "dist/analysis/web-tree-sitter.js": 100 * KB,
  "dist/web/web-tree-sitter.js": 100 * KB,
};

async function productionSizes(): Promise<Map<string, number>> {
  const { builds } = (await import(pathToFileURL(path.join(root, "esbuild.mjs")).href)) as {
    builds: esbuild.BuildOptions[];
  };
  const sizes = new Map<string, number>();
  for (const options of builds) {
    const result = await esbuild.build({
      ...options,
      absWorkingDir: root,
      minify: true,
      sourcemap: false,
      write: false,
      logLevel: "silent",
    });
    for (const file of result.outputFiles) {
      sizes.set(path.relative(root, file.path).replace(/\\/g, "/"), file.contents.byteLength);
    }
  }
  return sizes;
}

test("every production bundle is within its budget", async (t) => {
  const sizes = await productionSizes();
  t.diagnostic(
    [...sizes].map(([file, bytes]) => `${file} ${bytes} B (budget ${BUDGETS[file]} B)`).join("; "),
  );
  for (const [file, bytes] of sizes) {
    const budget = BUDGETS[file];
    assert.ok(budget !== undefined, `${file} has no size budget in this test`);
    assert.ok(bytes <= budget, `${file} is ${bytes} B in production, over its ${budget} B budget`);
  }
  for (const file of Object.keys(BUDGETS))
    assert.ok(sizes.has(file), `esbuild.mjs builds no ${file}`);
});

// The bundle budgets of /work/shared/DESIGN.md ("extension bundle under 150 KB", "webview bundle
// with Chart.js under 300 KB minified"), checked on what `npm run build:production` writes: every
// bundle of esbuild.mjs built in memory with its own options, minified, without source maps. The
// tree-sitter runtimes are loaded only on the first analysis, beside the extension bundles, and are
// bounded too. The Lab page (dist/webview/main.js) holds no words: its tables are JSON beside it
// (dist/webview/i18n/<lang>.json), one of which the host writes into the page's HTML — each
// bounded too, since it travels with every page load. (With both languages compiled into the
// script the page was 335,383 B: Chart.js ~158 KB, the views ~66 KB, the two tables ~45 KB.)
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(import.meta.dirname, "../../..");
const KB = 1024;

/** Budget in bytes per output file of the extension host (desktop and web). */
const BUDGETS: Record<string, number> = {
  "dist/extension.js": 150 * KB,
  "dist/web/extension.js": 150 * KB,
  // Loaded on the first analysis; web-tree-sitter 0.25 is ~72–80 KB minified.
  "dist/analysis/web-tree-sitter.js": 100 * KB,
  "dist/web/web-tree-sitter.js": 100 * KB,
  // The page, with Chart.js (~139 KB) and the math core inside. DESIGN.md says "under 300 KB":
  // counted in decimal kilobytes, the smaller reading, so that no reading of the budget fails
  // (300 × 1024 let a 303,400 B page pass).
  "dist/webview/main.js": 300_000,
  // One language's words, in the page's HTML (~16 KB English, ~19 KB Korean).
  "dist/webview/i18n/en.json": 32 * KB,
  "dist/webview/i18n/ko.json": 32 * KB,
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

test("the extension bundles, the runtimes beside them and the Lab page are within their budgets", async (t) => {
  const sizes = await productionSizes();
  t.diagnostic([...sizes].map(([file, bytes]) => `${file} ${bytes} B`).join("; "));
  for (const [file, budget] of Object.entries(BUDGETS)) {
    const bytes = sizes.get(file);
    assert.ok(bytes !== undefined, `esbuild.mjs builds no ${file}`);
    assert.ok(bytes <= budget, `${file} is ${bytes} B in production, over its ${budget} B budget`);
  }
});

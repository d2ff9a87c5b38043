// Every bundle of Sigmoid Lab, from one script:
//   dist/extension.js      the extension for VS Code desktop (Node, CommonJS)
//   dist/web/extension.js  the same extension for vscode.dev (browser worker, no Node API)
//   dist/webview/main.js   the Lab panel page, with Chart.js and the math core inside (IIFE)
//   dist/webview/i18n/*.json  the page's words, one table per language, read by the host
// Flags: --production (minify, no source maps), --watch (rebuild on change).
import * as esbuild from "esbuild";
import { readdirSync } from "node:fs";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/** Prints esbuild's problems in the `file:line:col: error: …` form VS Code's problem matcher reads. */
const problemReporter = {
  name: "problem-reporter",
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        if (location)
          console.error(`${location.file}:${location.line}:${location.column}: ${text}`);
        else console.error(text);
      }
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : "linked",
  sourcesContent: false,
  logLevel: "warning",
  legalComments: "none",
  plugins: [problemReporter],
};

// ── Analysis (src/analysis): tree-sitter's Python parser, as two WASM assets beside the bundles ──
// The extension reads them with workspace.fs from dist/analysis/ (desktop and web alike).
const treeSitterNodeOnly = ["fs", "fs/promises", "path", "module", "url"];
const analysisWasm = {
  "node_modules/web-tree-sitter/tree-sitter.wasm": "dist/analysis/tree-sitter.wasm",
  "node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm":
    "dist/analysis/tree-sitter-python.wasm",
};
async function copyAnalysisWasm() {
  await mkdir("dist/analysis", { recursive: true });
  for (const [from, to] of Object.entries(analysisWasm)) await copyFile(from, to);
}
// The tree-sitter runtime (~80 KB minified) is its own file, loaded only when the first Python
// document is analysed, so the extension bundle that every activation loads stays small: on the
// desktop dist/analysis/web-tree-sitter.js (CommonJS, required); on the web dist/web/
// web-tree-sitter.js (an ES module: the web worker extension host's require() knows only "vscode",
// so src/analysis/webRuntime.ts import()s it by its URL).
const treeSitterBesideTheBundle = {
  name: "tree-sitter-beside-the-bundle",
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({
      path: "./analysis/web-tree-sitter.js",
      external: true,
    }));
  },
};
// In the browser build, parser.ts's default `require("web-tree-sitter")` stays a bare name that is
// never called: register.ts gives the analysis the import() loader before the first parse.
const treeSitterBesideTheWebBundle = {
  name: "tree-sitter-beside-the-web-bundle",
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({
      path: "web-tree-sitter",
      external: true,
    }));
  },
};
// ─────────────────────────────────────────────────────────────────────────────────────────────────

// ── The Lab page's words (src/shared/pageWords.ts): webview/i18n/<lang>.json, copied as JSON ──
// without the source's indentation. The host reads one of them and writes it into the page's
// HTML, so the page's script holds no language. A table that is not JSON fails the build.
const pageWordsTables = readdirSync(new URL("webview/i18n", import.meta.url))
  .filter((name) => name.endsWith(".json"))
  .map((name) => `webview/i18n/${name}`);
const compactJson = {
  name: "compact-json",
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async ({ path }) => ({
      contents: JSON.stringify(JSON.parse(await readFile(path, "utf8"))),
      loader: "copy",
    }));
  },
};
// ─────────────────────────────────────────────────────────────────────────────────────────────────

// ── Chart.js's scales that no chart of the page uses (logarithmic, radial, time), left out ──
// chartSetup.ts registers only what the charts use, but esbuild keeps a class whose static fields
// read a property (`callback: Ticks.formatters.logarithmic`, `defaults = TimeScale.defaults`):
// a property read might run a getter. Those reads are plain data in Chart.js, so here they are
// wrapped in calls marked pure, and the unused scale classes go (~17 KB of the page's script).
// A Chart.js whose source no longer has these reads fails the build, so the wrapping is not
// silently lost on an upgrade.
const chartJsStaticReads = [
  /callback: Ticks\.formatters\.\w+/g,
  /static defaults = TimeScale\.defaults/g,
];
const chartJsUnusedScales = {
  name: "chart-js-unused-scales",
  setup(build) {
    build.onLoad({ filter: /[\\/]chart\.js[\\/]dist[\\/]chart\.js$/ }, async ({ path }) => {
      let contents = await readFile(path, "utf8");
      for (const read of chartJsStaticReads) {
        if (contents.search(read) < 0) throw new Error(`chart.js: no ${read.source} to mark pure`);
        contents = contents.replace(read, (text) => {
          const [, left, right] = /^(callback: |static defaults = )(.*)$/.exec(text);
          return `${left}/* @__PURE__ */ (() => ${right})()`;
        });
      }
      return { contents, loader: "js" };
    });
  },
};

export const builds = [
  {
    ...common,
    entryPoints: ["src/extension.ts"],
    outfile: "dist/extension.js",
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
    define: { "process.env.SIGMOID_LAB_WEB": '""' },
    plugins: [...common.plugins, treeSitterBesideTheBundle],
  },
  {
    ...common,
    entryPoints: ["node_modules/web-tree-sitter/tree-sitter.cjs"],
    outfile: "dist/analysis/web-tree-sitter.js",
    platform: "node",
    format: "cjs",
    target: "node20",
  },
  {
    ...common,
    entryPoints: ["src/extension.ts"],
    outfile: "dist/web/extension.js",
    platform: "browser",
    format: "cjs",
    target: "es2022",
    mainFields: ["browser", "module", "main"],
    external: ["vscode"],
    define: { "process.env.SIGMOID_LAB_WEB": '"1"' },
    plugins: [...common.plugins, treeSitterBesideTheWebBundle],
  },
  {
    ...common,
    entryPoints: ["node_modules/web-tree-sitter/tree-sitter.js"],
    outfile: "dist/web/web-tree-sitter.js",
    platform: "browser",
    format: "esm",
    target: "es2022",
    // Emscripten's loader names Node modules on code paths that run only under Node.
    external: treeSitterNodeOnly,
  },
  {
    ...common,
    // The LSTM & GRU view's gradient worker is its own file, started from a blob: URL (see
    // webview/views/recurrent/gradientWorker.ts).
    entryPoints: {
      main: "webview/main.ts",
      recurrentWorker: "webview/workers/recurrentWorker.ts",
      vanishingWorker: "webview/workers/vanishingWorker.ts",
    },
    outdir: "dist/webview",
    platform: "browser",
    format: "iife",
    target: "es2022",
    // Greek letters, arrows and Korean as themselves, not \uXXXX: the page is read as UTF-8
    // (<meta charset="UTF-8">), and a worker's script always is.
    charset: "utf8",
    plugins: [...common.plugins, chartJsUnusedScales],
  },
  {
    ...common,
    entryPoints: pageWordsTables,
    outdir: "dist/webview/i18n",
    loader: { ".json": "copy" },
    plugins: [...common.plugins, compactJson],
  },
];

async function copyStatic() {
  await mkdir("dist/webview", { recursive: true });
  await copyFile("webview/main.css", "dist/webview/main.css");
  await copyAnalysisWasm();
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
// Imported (by test/unit/package), this module only describes the bundles; run, it builds them.
if (isMain && watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  await copyStatic();
  console.log("esbuild: watching for changes");
} else if (isMain) {
  const started = performance.now();
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await copyStatic();
  console.log(
    `esbuild: built ${builds.length} bundles in ${Math.round(performance.now() - started)} ms${production ? " (production)" : ""}`,
  );
}

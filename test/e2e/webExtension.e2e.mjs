// Sigmoid Lab as a web extension, the way vscode.dev runs it: the browser build
// (dist/web/extension.js) in VS Code's web worker extension host, driven through Chromium.
//
// code-server runs an installed extension in its Node extension host when the manifest has a
// `main`. So this layer installs the files of the VSIX (vsce's own listing) with `main` taken out
// of package.json: an extension with only `browser` is of kind "web", which VS Code can run only in
// the web worker extension host (a module Worker inside an iframe of the workbench, no Node API,
// `require` knowing only "vscode", importScripts blocked). The first test proves that is where it
// runs, from the worker itself: VS Code's performance marks for fetching, loading and activating
// sigmoid-lab.sigmoid-lab, the resource timing of the bundle's URL, and no `process` there.
// The others do what a user does: open the Lab from the palette and see a chart, hover
// torch.sigmoid(2.5), and open a file whose softmax reaches CrossEntropyLoss to see SL001 — which
// needs web-tree-sitter's module and WASM, loaded by that worker on the first analysis.
//
// What this is not: vscode.dev itself (there the files come from the Marketplace's CDN and the
// workspace is virtual); here they come from code-server, on this origin, and the workspace is on
// disk, read through the server. The extension code, the host it runs in and the browser are real.
//
// Run alone with `node test/e2e/webExtension.e2e.mjs` (it starts its own code-server).
/* global self, importScripts -- worker.evaluate callbacks run in the extension host worker */
import * as assert from "node:assert/strict";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { PackageManager, listFiles } from "@vscode/vsce";
import * as analysis from "./analysis.e2e.mjs";
import * as hover from "./hover.e2e.mjs";
import * as panel from "./panel.e2e.mjs";

const EXTENSION_ID = "sigmoid-lab.sigmoid-lab";

/**
 * Copies what the VSIX ships into a fresh folder and removes `main` from its manifest, so that
 * only the browser entry is left. Returns the folder; the caller removes it.
 */
export async function stageWebOnlyExtension(repoRoot) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sigmoid-lab-web-extension-"));
  const files = await listFiles({ cwd: repoRoot, packageManager: PackageManager.None });
  for (const file of files) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.copyFile(path.join(repoRoot, file), path.join(dir, file));
  }
  const manifestPath = path.join(dir, "package.json");
  const manifest = JSON.parse(await fs.readFile(manifestPath, "utf8"));
  assert.ok(manifest.browser, "package.json names no browser entry");
  delete manifest.main;
  await fs.writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

/** The web worker extension host: the Worker VS Code names "ExtensionHostWorker". */
async function extensionHostWorker(page, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const worker of page.workers()) {
      const name = await worker.evaluate(() => self.name).catch(() => "");
      if (name === "ExtensionHostWorker") return worker;
    }
    if (Date.now() > deadline) {
      throw new Error(`no ExtensionHostWorker among the page's ${page.workers().length} workers`);
    }
    await page.waitForTimeout(500);
  }
}

/** What the worker itself saw: VS Code's marks for our extension, and the URLs it fetched. */
function workerRecord(worker) {
  return worker.evaluate((id) => {
    const marks = performance
      .getEntriesByType("mark")
      .map((mark) => mark.name)
      .filter((name) => name.endsWith(`/${id}`))
      .map((name) => name.slice(0, -id.length - 1));
    // code-server serves an extension's files as …/vscode-remote-resource?path=<file>&tkn=…
    const fetched = performance.getEntriesByType("resource").map((entry) => {
      const url = new URL(entry.name);
      return url.searchParams.get("path") ?? url.pathname;
    });
    return {
      marks,
      fetched,
      process: typeof process,
      importScripts: (() => {
        try {
          importScripts("data:text/javascript,");
          return "allowed";
        } catch (error) {
          return String(error.message);
        }
      })(),
    };
  }, EXTENSION_ID);
}

export async function runsInTheWebWorkerExtensionHost({ page }) {
  const worker = await extensionHostWorker(page);
  const record = await workerRecord(worker);
  for (const mark of [
    "code/extHost/didFetchExtensionCode",
    "code/extHost/didLoadExtensionCode",
    "code/extHost/didActivateExtension",
  ]) {
    assert.ok(
      record.marks.includes(mark),
      `the web worker extension host has no mark ${mark}/${EXTENSION_ID}; it has ${JSON.stringify(record.marks)}`,
    );
  }
  const bundle = record.fetched.find((file) => file.endsWith(`/${"dist/web/extension.js"}`));
  assert.ok(
    bundle,
    `the worker fetched no dist/web/extension.js: ${JSON.stringify(record.fetched)}`,
  );
  assert.equal(record.process, "undefined", "the worker has a `process`: not a browser worker?");
  assert.match(record.importScripts, /blocked/, "importScripts is not blocked in this worker");
  return `marks ${record.marks.map((mark) => mark.split("/").pop()).join(", ")}; fetched …${bundle.slice(bundle.indexOf(EXTENSION_ID))}; typeof process = ${record.process}`;
}

/**
 * After the analysis has run: the worker imported web-tree-sitter's module from beside the
 * bundle (the first analysis loads it; activation does not).
 */
export async function analysisLoadedTreeSitterInTheWorker({ page }) {
  const record = await workerRecord(await extensionHostWorker(page));
  const runtime = record.fetched.filter((file) => file.endsWith("/dist/web/web-tree-sitter.js"));
  assert.ok(
    runtime.length > 0,
    `the worker fetched no dist/web/web-tree-sitter.js: ${JSON.stringify(record.fetched)}`,
  );
  return record.fetched
    .filter((file) => file.includes("/dist/"))
    .map((file) => file.slice(file.indexOf("/dist/") + 1))
    .join(", ");
}

export function savesScreenshot(repoRoot, name) {
  const named = {
    async [`savesScreenshot_${name}`]({ page }) {
      const file = path.join(repoRoot, "test-results", "screenshots", `${name}.png`);
      await page.screenshot({ path: file });
      return path.relative(repoRoot, file);
    },
  };
  return Object.values(named)[0];
}

/** The tests, in order, for a workbench with the web-only extension installed. */
export function webExtensionTests(repoRoot) {
  return [
    // The palette command activates the extension; then where it runs is read from the worker.
    panel.opensFromTheCommandPalette,
    runsInTheWebWorkerExtensionHost,
    panel.drawsTheActivationsChart,
    panel.probeShowsSigmoidOf2point5,
    savesScreenshot(repoRoot, "web-extension-lab"),
    hover.hoverShowsSigmoidOf2point5,
    analysis.squiggleUnderTheSoftmax,
    analysis.hoverExplainsSL001,
    analysis.codeLensOverSequential,
    savesScreenshot(repoRoot, "web-extension-analysis"),
    analysisLoadedTreeSitterInTheWorker,
  ];
}

// ── Standalone: node test/e2e/webExtension.e2e.mjs ───────────────────────────────────────────
const thisFile = new URL(import.meta.url).pathname;
if (process.argv[1] && path.resolve(process.argv[1]) === thisFile) {
  const { launchChromium, openWorkbench } = await import("../harness/browser.mjs");
  const { buildExtension } = await import("../harness/build.mjs");
  const { readManifest, repoRoot, startCodeServer } = await import("../harness/code-server.mjs");
  const started = Date.now();
  const screenshots = path.join(repoRoot, "test-results", "screenshots");
  await fs.mkdir(screenshots, { recursive: true });
  let passed = 0;
  let failed = 0;
  let stage;
  let server;
  let browser;
  try {
    await buildExtension();
    const { folderName } = await readManifest();
    stage = await stageWebOnlyExtension(repoRoot);
    server = await startCodeServer({ extensions: [{ path: stage, folderName }] });
    browser = await launchChromium();
    const workspace = path.join(repoRoot, "test", "fixtures", "workspace");
    const page = await openWorkbench(browser, server.folderUrl(workspace));
    for (const test of webExtensionTests(repoRoot)) {
      const testStarted = Date.now();
      try {
        const detail = await test({ page, server });
        const note = detail === undefined ? "" : ` → ${JSON.stringify(detail)}`;
        console.log(`  ✔ web-host: ${test.name} (${Date.now() - testStarted} ms)${note}`);
        passed++;
      } catch (error) {
        failed++;
        const shot = path.join(screenshots, `failed-web-host-${test.name}.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        console.log(`  ✘ web-host: ${test.name} (${Date.now() - testStarted} ms)`);
        console.log(`    ${error.message.split("\n").join("\n    ")}`);
        console.log(`    screenshot: ${path.relative(repoRoot, shot)}`);
      }
    }
  } catch (error) {
    failed++;
    console.log(`  ✘ web-host setup: ${error.stack ?? error.message}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (stage) await fs.rm(stage, { recursive: true, force: true });
  }
  console.error(
    `[harness] web extension host layer took ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

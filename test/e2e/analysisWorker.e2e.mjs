// The analysis in a browser Web Worker, the way vscode.dev runs dist/web/extension.js: src/analysis
// bundled with the web build's esbuild settings (platform browser, web-tree-sitter's Node-only
// modules external), the WASM bytes fetched and handed to the runtime, analysis_samples.py analysed.
// Needs only a page of the harness's browser; serves its files from a throwaway local server.
/* global window -- page.waitForFunction callbacks run in the browser */
import * as assert from "node:assert/strict";
import * as fs from "node:fs/promises";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const WORKER = `
importScripts("analysis.js");
onmessage = async () => {
  try {
    const base = self.location.href.replace(/worker\\.js$/, "");
    SigmoidLabAnalysis.setWasmLoader(async (file) => new Uint8Array(await (await fetch(base + file)).arrayBuffer()));
    const source = await (await fetch("analysis_samples.py")).text();
    const { findings, lenses } = await SigmoidLabAnalysis.analyzeProgram(source);
    postMessage({ findings: findings.map((f) => f.code + "@" + (f.line + 1)), lenses: lenses.map((l) => l.title) });
  } catch (error) {
    postMessage({ error: String((error && error.stack) || error) });
  }
};`;

const PAGE = `<!doctype html><script>
const worker = new Worker("worker.js");
worker.onmessage = (event) => { window.analysisResult = event.data; };
worker.postMessage("analyse");
</script>`;

async function stage(dir) {
  await esbuild.build({
    entryPoints: [path.join(repoRoot, "src/analysis/index.ts")],
    bundle: true,
    format: "iife",
    globalName: "SigmoidLabAnalysis",
    platform: "browser",
    target: "es2022",
    external: ["fs", "fs/promises", "path", "module", "url"],
    outfile: path.join(dir, "analysis.js"),
    logLevel: "warning",
  });
  for (const file of ["tree-sitter.wasm", "tree-sitter-python.wasm"]) {
    await fs.copyFile(path.join(repoRoot, "dist/analysis", file), path.join(dir, file));
  }
  await fs.copyFile(
    path.join(repoRoot, "test/fixtures/workspace/analysis_samples.py"),
    path.join(dir, "analysis_samples.py"),
  );
  await fs.writeFile(path.join(dir, "worker.js"), WORKER);
  await fs.writeFile(path.join(dir, "index.html"), PAGE);
}

function serve(dir) {
  const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
  const server = http.createServer(async (request, response) => {
    const file = path.join(dir, path.basename(new URL(request.url, "http://x").pathname));
    try {
      const body = await fs.readFile(file);
      response.writeHead(200, { "content-type": types[path.extname(file)] ?? "text/plain" });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export async function analysisRunsInAWebWorker({ page }) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sigmoid-lab-worker-"));
  const server = await serve(dir);
  const tab = await page.context().newPage();
  try {
    await stage(dir);
    await tab.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    const handle = await tab.waitForFunction(() => window.analysisResult, null, {
      timeout: 30_000,
    });
    const result = await handle.jsonValue();
    assert.ok(!result.error, `the analysis failed in the worker: ${result.error}`);
    assert.deepEqual(result.findings, ["SL001@17", "SL002@20", "SL003@23", "SL004@27", "SL005@30"]);
    assert.deepEqual(result.lenses, [
      "4 sigmoid layers — gradient to the first layer ≤ 0.25^4 = 0.0039",
    ]);
    return result.findings.join(" ");
  } finally {
    await tab.close();
    server.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

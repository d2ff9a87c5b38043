// Bundles the integration suites for a real VS Code extension host (esbuild, Node, CommonJS):
//   out/integration/index.js            run() for @vscode/test-electron (extensionTestsPath)
//   out/integration/suite/*.test.js     one bundle per suite, loaded by Mocha
//   out/test-runner/                    the development-only test-runner extension for code-server
// out/ is git-ignored. Usage: node test/harness/build-tests.mjs
import * as esbuild from "esbuild";
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { repoRoot } from "./code-server.mjs";

export const outDir = path.join(repoRoot, "out");
export const integrationOut = path.join(outDir, "integration");
export const suiteOut = path.join(integrationOut, "suite");
export const testRunnerOut = path.join(outDir, "test-runner");
/** The folder name the test runner gets in the throwaway extensions dir (publisher.name-version). */
export const testRunnerFolderName = "sigmoid-lab-dev.integration-test-runner-0.0.0";

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: "linked",
  sourcesContent: false,
  logLevel: "warning",
  // Mocha's parallel mode (worker files found with require.resolve) is never used here.
  logOverride: { "require-resolve-not-external": "silent" },
  external: ["vscode"],
};

export async function buildTests() {
  const started = performance.now();
  const suiteDir = path.join(repoRoot, "test", "integration", "suite");
  const suites = (await fs.readdir(suiteDir)).filter((name) => name.endsWith(".test.ts"));
  await fs.rm(outDir, { recursive: true, force: true });
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: suites.map((name) => path.join(suiteDir, name)),
      outdir: suiteOut,
    }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(repoRoot, "test", "integration", "index.ts")],
      outfile: path.join(integrationOut, "index.js"),
    }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(repoRoot, "test", "harness", "test-runner", "extension.ts")],
      outfile: path.join(testRunnerOut, "extension.js"),
    }),
  ]);
  const { engines } = JSON.parse(await fs.readFile(path.join(repoRoot, "package.json"), "utf8"));
  await fs.writeFile(
    path.join(testRunnerOut, "package.json"),
    JSON.stringify(
      {
        name: "integration-test-runner",
        displayName: "Sigmoid Lab integration test runner (development only)",
        publisher: "sigmoid-lab-dev",
        version: "0.0.0",
        private: true,
        engines: { vscode: engines.vscode },
        main: "./extension.js",
        activationEvents: ["onStartupFinished"],
        capabilities: { untrustedWorkspaces: { supported: true } },
      },
      null,
      2,
    ),
  );
  return { suites: suites.length, ms: Math.round(performance.now() - started) };
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.join(repoRoot, "test", "harness", "build-tests.mjs")
) {
  const { suites, ms } = await buildTests();
  console.log(
    `built ${suites} integration suite(s) and the test-runner extension into out/ in ${ms} ms`,
  );
}

// Runs the integration suites (test/integration/suite) inside code-server's real extension host:
// builds the extension and the suites, starts code-server with Sigmoid Lab and the development-only
// test-runner extension, opens the workbench in Chromium (the extension host only starts when a
// client connects), waits for the results file, prints each test and "N passed, N failed".
import { existsSync } from "node:fs";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { launchChromium, openWorkbench } from "./browser.mjs";
import { buildTests, suiteOut, testRunnerFolderName, testRunnerOut } from "./build-tests.mjs";
import { buildExtension } from "./build.mjs";
import {
  extensionHostLogs,
  log,
  readManifest,
  repoRoot,
  sleep,
  startCodeServer,
} from "./code-server.mjs";

const TIMEOUT_MS = Number(process.env.SIGMOID_LAB_INTEGRATION_TIMEOUT_MS ?? 180_000);
const workspace = path.join(repoRoot, "test", "fixtures", "workspace");

export async function runIntegration() {
  const started = Date.now();
  await buildExtension();
  await buildTests();
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "sigmoid-lab-integration-"));
  const resultsPath = path.join(scratch, "results.json");
  const { folderName } = await readManifest();

  let server;
  let browser;
  try {
    server = await startCodeServer({
      extensions: [
        { path: repoRoot, folderName },
        { path: testRunnerOut, folderName: testRunnerFolderName },
      ],
      env: { SIGMOID_LAB_TEST_RESULTS: resultsPath, SIGMOID_LAB_TEST_SUITES: suiteOut },
    });
    const serverReady = Date.now();
    log(`code-server up on ${server.url} in ${((serverReady - started) / 1000).toFixed(1)} s`);
    browser = await launchChromium();
    await openWorkbench(browser, server.folderUrl(workspace));

    const results = await waitForResults(resultsPath, TIMEOUT_MS);
    if (!results) {
      console.log(`✘ no results from the extension host within ${TIMEOUT_MS / 1000} s`);
      console.log((await extensionHostLogs(server.userDataDir)).slice(-6000));
      console.log("0 passed, 1 failed");
      return { passed: 0, failed: 1 };
    }
    if (results.crashed) {
      console.log(`✘ the test runner crashed inside the extension host:\n${results.crashed}`);
      console.log("0 passed, 1 failed");
      return { passed: 0, failed: 1 };
    }
    console.log(
      `integration: VS Code ${results.vscodeVersion} (${results.appHost}), code-server extension host`,
    );
    for (const test of results.tests) console.log(formatOutcome(test));
    for (const [name, value] of Object.entries(results.measurements))
      console.log(`  ${name}: ${value}`);
    if (results.tests.length === 0) results.failed += 1; // a run that ran nothing did not pass
    log(`integration layer took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${results.passed} passed, ${results.failed} failed`);
    return results;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

function formatOutcome(outcome) {
  const mark = { passed: "✔", failed: "✘", pending: "-" }[outcome.state];
  const time =
    outcome.state === "pending" ? " (pending)" : ` (${Math.round(outcome.durationMs)} ms)`;
  const error = outcome.error ? `\n    ${outcome.error.split("\n").join("\n    ")}` : "";
  return `  ${mark} ${outcome.title}${time}${error}`;
}

async function waitForResults(resultsPath, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(resultsPath)) return JSON.parse(await fs.readFile(resultsPath, "utf8"));
    await sleep(200);
  }
  return undefined;
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.join(repoRoot, "test", "harness", "run-integration.mjs")
) {
  try {
    const { failed } = await runIntegration();
    process.exitCode = failed > 0 ? 1 : 0;
  } catch (error) {
    console.error(`integration: ${error.message}`);
    console.log("0 passed, 1 failed");
    process.exitCode = 1;
  }
}

// `npm run test:vscode`: the same integration suites as test/harness/run-integration.mjs, run by
// @vscode/test-electron in VS Code desktop, for machines that have VS Code installed.
// It never downloads VS Code unless asked to (SIGMOID_LAB_VSCODE_DOWNLOAD=1): on machines without
// network access to update.code.visualstudio.com that would hang, so it says what to do instead.
import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import * as path from "node:path";
import { runTests } from "@vscode/test-electron";
import { buildTests, integrationOut } from "../harness/build-tests.mjs";
import { repoRoot } from "../harness/code-server.mjs";

const workspace = path.join(repoRoot, "test", "fixtures", "workspace");

/** VS Code's Electron executable: $VSCODE_EXECUTABLE_PATH, else the one behind a `code` CLI on PATH. */
function findVSCode() {
  const fromEnv = process.env.VSCODE_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`VSCODE_EXECUTABLE_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const which = spawnSync("sh", ["-c", "command -v code"], { encoding: "utf8" });
  if (which.status === 0 && which.stdout.trim()) {
    // Linux: /usr/share/code/bin/code is a script next to the executable /usr/share/code/code;
    // macOS: …/Visual Studio Code.app/Contents/Resources/app/bin/code → …/Contents/MacOS/Electron.
    const cli = realpathSync(which.stdout.trim());
    const candidates = [
      path.resolve(path.dirname(cli), "..", "code"),
      path.resolve(path.dirname(cli), "..", "..", "..", "MacOS", "Electron"),
    ];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (found) return found;
  }
  return undefined;
}

async function main() {
  const vscodeExecutablePath = findVSCode();
  if (!vscodeExecutablePath && process.env.SIGMOID_LAB_VSCODE_DOWNLOAD !== "1") {
    console.error(
      [
        "test:vscode: no VS Code desktop found.",
        "  Set VSCODE_EXECUTABLE_PATH to VS Code's executable (Linux: /usr/share/code/code),",
        "  or put the `code` CLI on PATH, or set SIGMOID_LAB_VSCODE_DOWNLOAD=1 to let",
        "  @vscode/test-electron download one (needs access to update.code.visualstudio.com).",
        "  Without VS Code desktop, `npm run test:integration` runs the same suites in code-server.",
      ].join("\n"),
    );
    console.log("0 passed, 1 failed");
    return 1;
  }
  try {
    await buildTests();
  } catch (error) {
    console.error(`test:vscode: building the suites failed: ${error.message}`);
    console.log("0 passed, 1 failed");
    return 1;
  }
  try {
    // index.js run() prints each test and "N passed, N failed" from inside the extension host.
    // test-electron adds --skip-welcome, --disable-workspace-trust and a user-data-dir in .vscode-test.
    await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(integrationOut, "index.js"),
      launchArgs: [workspace, "--disable-extensions"], // every other extension; ours stays
    });
    return 0;
  } catch (error) {
    console.error(`test:vscode: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
}

process.exit(await main());

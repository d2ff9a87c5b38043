// A development-only extension that runs the integration suites inside code-server's real extension
// host. code-server ignores --extensionTestsPath (coder/code-server#3661), so this extension, installed
// beside Sigmoid Lab in a throwaway extensions folder, does that job: on startup it runs the suites
// with Mocha and writes their results as JSON to $SIGMOID_LAB_TEST_RESULTS (the extension host
// inherits code-server's environment). test/harness/run-integration.mjs reads that file.
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { formatOutcome, runSuites } from "../../integration/index";

export async function activate(): Promise<void> {
  const resultsPath = process.env.SIGMOID_LAB_TEST_RESULTS;
  if (!resultsPath) return; // installed by hand, outside a test run: do nothing
  const channel = vscode.window.createOutputChannel("Sigmoid Lab integration tests");
  const progressPath = `${resultsPath}.progress`;
  const write = (file: string, data: string) => {
    const temp = `${file}.tmp`;
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file); // the harness never reads a half-written file
  };
  try {
    const results = await runSuites({
      suiteDir:
        process.env.SIGMOID_LAB_TEST_SUITES ?? path.join(__dirname, "..", "integration", "suite"),
      grep: process.env.SIGMOID_LAB_TEST_GREP || undefined,
      onTest: (outcome) => {
        channel.appendLine(formatOutcome(outcome));
        fs.appendFileSync(progressPath, JSON.stringify(outcome) + "\n");
      },
    });
    write(resultsPath, JSON.stringify(results, null, 2));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    write(resultsPath, JSON.stringify({ crashed: message }, null, 2));
  }
}

export function deactivate(): void {}

// Loads and runs every suite in ./suite with Mocha inside a real VS Code extension host.
//   run()        the entry @vscode/test-electron calls (extensionTestsPath); rejects on failures
//   runSuites()  the same run, resolving with per-test results (used by the code-server test runner)
// The suites are bundled one file per suite by test/harness/build-tests.mjs into out/integration/.
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import * as vscode from "vscode";
import type { SuiteResults, TestOutcome } from "./results";
import { measurements } from "./measurements";

export interface RunOptions {
  /** Folder of the compiled *.test.js suites; defaults to ./suite beside this bundle. */
  suiteDir?: string;
  /** Called once per finished test, so that a runner can print progress as it goes. */
  onTest?: (outcome: TestOutcome) => void;
  /** Only tests whose full title matches (Mocha's grep). */
  grep?: string;
}

export function runSuites(options: RunOptions = {}): Promise<SuiteResults> {
  const suiteDir = options.suiteDir ?? path.join(__dirname, "suite");
  const files = fs
    .readdirSync(suiteDir)
    .filter((name) => name.endsWith(".test.js"))
    // extension.test.js first: it activates the extension and measures that activation.
    .sort(
      (a, b) =>
        Number(b === "extension.test.js") - Number(a === "extension.test.js") || a.localeCompare(b),
    )
    .map((name) => path.join(suiteDir, name));
  if (files.length === 0)
    throw new Error(`no *.test.js suites in ${suiteDir}; run: node test/harness/build-tests.mjs`);

  // Reporter "base" prints nothing: the runners print each test themselves, the same way.
  const mocha = new Mocha({
    ui: "tdd",
    timeout: 20_000,
    color: false,
    reporter: Mocha.reporters.Base,
  });
  if (options.grep) mocha.grep(options.grep);
  for (const file of files) mocha.addFile(file);

  const tests: TestOutcome[] = [];
  const push = (outcome: TestOutcome) => {
    tests.push(outcome);
    options.onTest?.(outcome);
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const count = (state: TestOutcome["state"]) =>
          tests.filter((t) => t.state === state).length;
        resolve({
          passed: count("passed"),
          failed: count("failed"),
          pending: count("pending"),
          tests,
          measurements: measurements(),
          vscodeVersion: vscode.version,
          appHost: vscode.env.appHost,
        });
      });
      runner.on("pass", (test) =>
        push({ title: test.fullTitle(), state: "passed", durationMs: test.duration ?? 0 }),
      );
      runner.on("pending", (test) =>
        push({ title: test.fullTitle(), state: "pending", durationMs: 0 }),
      );
      runner.on("fail", (test, error: Error) =>
        push({
          title: test.fullTitle(),
          state: "failed",
          durationMs: test.duration ?? 0,
          error: error?.stack ?? String(error),
        }),
      );
    } catch (error) {
      reject(error);
    }
  });
}

/** Formats one outcome the way every runner of this project prints it. */
export function formatOutcome(outcome: TestOutcome): string {
  const mark = { passed: "✔", failed: "✘", pending: "-" }[outcome.state];
  const time =
    outcome.state === "pending" ? " (pending)" : ` (${Math.round(outcome.durationMs)} ms)`;
  const error = outcome.error ? `\n    ${outcome.error.split("\n").join("\n    ")}` : "";
  return `  ${mark} ${outcome.title}${time}${error}`;
}

/** The entry @vscode/test-electron calls inside the extension host. */
export async function run(): Promise<void> {
  // console.log in the desktop extension host reaches the terminal that started test-electron.
  const results = await runSuites({ onTest: (outcome) => console.log(formatOutcome(outcome)) });
  for (const [name, value] of Object.entries(results.measurements))
    console.log(`  ${name}: ${value}`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
}

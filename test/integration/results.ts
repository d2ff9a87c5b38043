// What a run of the integration suites produced, in a form both runners print the same way:
// the @vscode/test-electron runner (index.ts run()) and the code-server test-runner extension,
// which writes it as JSON for test/harness/run-integration.mjs.

export interface TestOutcome {
  /** Suite and test titles joined, as Mocha's fullTitle(). */
  title: string;
  state: "passed" | "failed" | "pending";
  durationMs: number;
  error?: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  tests: TestOutcome[];
  /** Numbers the suites measured inside the extension host (see measurements.ts). */
  measurements: Record<string, number | string>;
  /** Which VS Code ran the suites (vscode.version) and its host (desktop, code-server…). */
  vscodeVersion: string;
  appHost: string;
}

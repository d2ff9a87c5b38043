// `npm test`: every layer, in order, each layer's summary printed, one code-server install shared:
//   build → lint + typecheck → unit (node --test) → integration (code-server extension host)
//   → e2e (Playwright + Chromium + code-server) → e2e (Korean) → e2e (web extension host)
// Later layers still run when an earlier test layer fails (to show everything that is wrong), but
// not when the build fails. Exits non-zero if anything failed.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { ensureCodeServer, repoRoot } from "./code-server.mjs";

const node = process.execPath;
const harness = (file) => path.join(repoRoot, "test", "harness", file);

/** The lines that summarise each kind of runner: ours, and node's test runner's spec reporter. */
const SUMMARY =
  /^(\d+ passed, \d+ failed|ℹ (tests|pass|fail) \d+|# (tests|pass|fail) \d+|esbuild: .*|✖ \d+ problems? .*|\[warn\] Code style issues .*)$/;
/** tsc prints one line per error and no total: count them. */
const TYPE_ERROR = /: error TS\d+:/;

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const summary = [];
    let typeErrors = 0;
    let pending = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (SUMMARY.test(line.trim())) summary.push(line.trim());
        if (TYPE_ERROR.test(line)) typeErrors++;
      }
    });
    child.on("exit", (code, signal) => {
      if (SUMMARY.test(pending.trim())) summary.push(pending.trim());
      if (typeErrors) summary.push(`${typeErrors} type error(s)`);
      resolve({ ok: code === 0, code: code ?? signal, summary });
    });
    child.on("error", (error) => resolve({ ok: false, code: error.message, summary }));
  });
}

const steps = [
  { name: "build", run: () => run("npm", ["run", "--silent", "build"]) },
  { name: "lint", run: () => run("npm", ["run", "--silent", "lint"]) },
  { name: "typecheck", run: () => run("npm", ["run", "--silent", "typecheck"]) },
  { name: "unit", run: () => run(node, [harness("run-unit.mjs")]) },
  {
    name: "code-server install",
    needsBuild: true,
    run: async () => {
      try {
        const install = await ensureCodeServer();
        return { ok: true, code: 0, summary: [`code-server ${install.version} at ${install.dir}`] };
      } catch (error) {
        console.error(error.message);
        return { ok: false, code: 1, summary: [error.message.split("\n")[0]] };
      }
    },
  },
  {
    name: "integration",
    needsBuild: true,
    needsCodeServer: true,
    run: () => run(node, [harness("run-integration.mjs")], { SIGMOID_LAB_SKIP_BUILD: "1" }),
  },
  {
    name: "e2e",
    needsBuild: true,
    needsCodeServer: true,
    run: () => run(node, [harness("run-e2e.mjs")], { SIGMOID_LAB_SKIP_BUILD: "1" }),
  },
  {
    // A second code-server: the display language is fixed when the server starts.
    name: "e2e (Korean)",
    needsBuild: true,
    needsCodeServer: true,
    run: () =>
      run(node, [path.join(repoRoot, "test", "e2e", "reach.e2e.mjs")], {
        SIGMOID_LAB_SKIP_BUILD: "1",
      }),
  },
  {
    // A third: the extension installed without `main`, so VS Code runs its browser build in the
    // web worker extension host, as vscode.dev does.
    name: "e2e (web extension host)",
    needsBuild: true,
    needsCodeServer: true,
    run: () =>
      run(node, [path.join(repoRoot, "test", "e2e", "webExtension.e2e.mjs")], {
        SIGMOID_LAB_SKIP_BUILD: "1",
      }),
  },
];

const results = [];
let built = false;
let codeServerReady = false;
for (const step of steps) {
  if ((step.needsBuild && !built) || (step.needsCodeServer && !codeServerReady)) {
    results.push({
      name: step.name,
      ok: false,
      seconds: 0,
      summary: ["skipped: an earlier step it needs failed"],
    });
    continue;
  }
  console.log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  const result = await step.run();
  const seconds = (Date.now() - started) / 1000;
  results.push({ name: step.name, seconds, ...result });
  if (step.name === "build") built = result.ok;
  if (step.name === "code-server install") codeServerReady = result.ok;
  console.log(
    `━━ ${step.name}: ${result.ok ? "ok" : `FAILED (${result.code})`} in ${seconds.toFixed(1)} s`,
  );
}

console.log("\n━━ summary ━━");
for (const result of results) {
  const summary = result.summary.filter((line) => !/^ℹ tests/.test(line)).join("; ");
  console.log(
    `${result.ok ? "✔" : "✘"} ${result.name.padEnd(20)} ${result.seconds.toFixed(1).padStart(6)} s  ${summary}`,
  );
}
const failed = results.filter((result) => !result.ok);
console.log(
  failed.length ? `FAILED: ${failed.map((r) => r.name).join(", ")}` : "all layers passed",
);
process.exit(failed.length ? 1 : 0);

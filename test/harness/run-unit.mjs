// `npm run test:unit`: node's own test runner over every test/unit/**/*.test.ts, TypeScript loaded
// by tsx. Node 20's --test does not expand globs itself, so the files are collected here.
// Extra arguments are passed to node (e.g. --test-name-pattern=sigmoid).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "./code-server.mjs";

export function unitTestFiles(dir = path.join(repoRoot, "test", "unit")) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith(".test.ts"))
    .map((name) => path.join(dir, name))
    .sort();
}

const files = unitTestFiles();
if (files.length === 0) {
  console.log("unit: no test/unit/**/*.test.ts files");
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    "--test-reporter=spec",
    ...process.argv.slice(2),
    ...files.map((f) => path.relative(repoRoot, f)),
  ],
  { cwd: repoRoot, stdio: "inherit" },
);
process.exit(result.status ?? 1);

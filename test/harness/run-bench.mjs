// `npm run bench`: every test/bench/*.bench.ts and *.bench.mjs, one after another (never in parallel: they time
// things). Arguments filter by file name, e.g. `npm run bench -- lstm`.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "./code-server.mjs";

const benchDir = path.join(repoRoot, "test", "bench");
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(benchDir)
  .filter((name) => name.endsWith(".bench.ts") || name.endsWith(".bench.mjs"))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();
if (files.length === 0) {
  console.log(
    `bench: no test/bench/*.bench.ts${filters.length ? ` matching ${filters.join(", ")}` : ""}`,
  );
  process.exit(0);
}
const failed = [];
for (const file of files) {
  console.log(`\n=== ${file}`);
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join("test", "bench", file)],
    {
      cwd: repoRoot,
      stdio: "inherit",
    },
  );
  console.log(
    `=== ${file}: ${result.status === 0 ? "done" : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) failed.push(file);
}
console.log(
  `\n${files.length - failed.length} benchmark(s) ran, ${failed.length} failed${failed.length ? `: ${failed.join(", ")}` : ""}`,
);
process.exit(failed.length ? 1 : 0);

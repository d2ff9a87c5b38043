// Builds the extension (npm run build → esbuild.mjs) once per run of the harness. run-all builds
// first and sets SIGMOID_LAB_SKIP_BUILD=1 so that each layer does not build again.
import { spawnSync } from "node:child_process";
import { assertBuilt, log, repoRoot } from "./code-server.mjs";

export async function buildExtension() {
  if (process.env.SIGMOID_LAB_SKIP_BUILD === "1") {
    assertBuilt();
    return;
  }
  const started = Date.now();
  const result = spawnSync("npm", ["run", "--silent", "build"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  assertBuilt();
  log(`built the extension in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// `npm start`: builds Sigmoid Lab, then opens it in VS Code with the sample workspace:
//   - where the `code` CLI exists: code --extensionDevelopmentPath=<repo> test/fixtures/workspace
//   - otherwise: the cached code-server (installed on first use), printing its 127.0.0.1 URL and
//     staying up until Ctrl-C. SIGMOID_LAB_PORT picks the preferred port (default 8080; the next
//     free one is used when it is taken). SIGMOID_LAB_USE_CODE_SERVER=1 skips the `code` CLI.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { CODE_SERVER_VERSION, repoRoot, startCodeServer } from "./code-server.mjs";

const workspace = path.join(repoRoot, "test", "fixtures", "workspace");

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(repoRoot, "node_modules", "esbuild")))
  fail("dependencies are missing; run: npm install");
console.log("Building Sigmoid Lab (npm run build)…");
const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: repoRoot, stdio: "inherit" });
if (build.status !== 0)
  fail("the build failed (see above); fix it, then run: npm run build && npm start");
for (const file of ["dist/extension.js", "dist/webview/main.js"]) {
  if (!existsSync(path.join(repoRoot, file)))
    fail(`the build did not produce ${file}; run: npm run build`);
}

const hasCode = spawnSync("sh", ["-c", "command -v code"], { encoding: "utf8" }).status === 0;
if (hasCode && process.env.SIGMOID_LAB_USE_CODE_SERVER !== "1") {
  console.log(
    `Opening VS Code with the extension under development and ${path.relative(repoRoot, workspace)}`,
  );
  const code = spawn("code", [`--extensionDevelopmentPath=${repoRoot}`, workspace], {
    stdio: "inherit",
  });
  code.on("exit", (status) => process.exit(status ?? 0));
} else {
  console.log(
    `No \`code\` CLI here: starting code-server ${CODE_SERVER_VERSION} (installed on first use, a few minutes)…`,
  );
  let server;
  try {
    server = await startCodeServer({ port: Number(process.env.SIGMOID_LAB_PORT ?? 8080) });
  } catch (error) {
    fail(error.message);
  }
  console.log("");
  console.log(`Sigmoid Lab is running in VS Code (code-server ${CODE_SERVER_VERSION}):`);
  console.log(`  ${server.folderUrl(workspace)}`);
  console.log("");
  console.log(
    'Open that URL, then F1 → "Sigmoid Lab: Open". After `npm run build` (or `npm run watch`), run',
  );
  console.log('"Developer: Reload Window" to load the new build. Press Ctrl-C to stop.');
  // Ctrl-C is handled by code-server.mjs, which stops the server's whole process group.
  server.exited.then(({ code, signal }) => {
    console.error(`code-server stopped (${code ?? signal}):\n${server.output().slice(-2000)}`);
    process.exit(1);
  });
}

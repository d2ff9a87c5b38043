// Runs views.e2e.mjs on its own: one code-server, one Chromium, the workbench in the light theme,
// then switched live to dark and high contrast. `node test/e2e/views.run.mjs` (after a build).
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { launchChromium, openWorkbench, waitForWorkbench } from "../harness/browser.mjs";
import { buildExtension } from "../harness/build.mjs";
import { log, repoRoot, startCodeServer } from "../harness/code-server.mjs";
import * as views from "./views.e2e.mjs";
import { reloadWindow } from "./workbench.mjs";

const workspace = path.join(repoRoot, "test", "fixtures", "workspace");
const screenshotDir = path.join(repoRoot, "test-results", "screenshots");
const LIGHT = "Default Light Modern";
const THEMES = [
  // `name` is the label in the "Preferences: Color Theme" quick pick.
  { kind: "dark", name: "Dark Modern", bodyClass: "vscode-dark" },
  { kind: "high-contrast", name: "Dark High Contrast", bodyClass: "vscode-high-contrast" },
];

export function viewTests() {
  return [
    ...views.VIEWS.flatMap((view) => [
      views.opensFromThePalette(view),
      ...(view.id === "activations"
        ? [views.probeReadsSigmaOf2point5]
        : view.id === "vanishing"
          ? [views.depthClampsTo200WithANote, views.largeNetworksShareTheWorker]
          : [views.logitEditUpdatesCrossEntropy]),
    ]),
    views.screenshotsOfEveryView("light", screenshotDir),
    views.restoresEveryViewAfterAReload,
    views.opensFromThePalette(views.VIEWS[0], true),
    views.keepsItsStateAndTakesIntentsWhileHidden,
    ...THEMES.flatMap((theme) => [
      views.recoloursFor(theme),
      views.screenshotsOfEveryView(theme.kind, screenshotDir),
    ]),
  ];
}

async function main() {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  let server;
  let browser;
  try {
    if (!process.env.SIGMOID_LAB_SKIP_BUILD) await buildExtension();
    await fs.mkdir(screenshotDir, { recursive: true });
    server = await startCodeServer({ settings: { "workbench.colorTheme": LIGHT } });
    log(`code-server up on ${server.url}`);
    browser = await launchChromium();
    const page = await openWorkbench(browser, server.folderUrl(workspace));
    const reload = async () => {
      await reloadWindow(page);
      await waitForWorkbench(page);
    };
    for (const test of viewTests()) {
      const testStarted = Date.now();
      try {
        const detail = await test({ page, reload, server });
        console.log(
          `  ✔ ${test.name} (${Date.now() - testStarted} ms)${detail ? ` → ${detail}` : ""}`,
        );
        passed++;
      } catch (error) {
        failed++;
        const shot = path.join(screenshotDir, `failed-views-${test.name}.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        console.log(`  ✘ ${test.name} (${Date.now() - testStarted} ms)\n    ${error.message}`);
      }
    }
  } catch (error) {
    failed++;
    console.log(`  ✘ views e2e setup: ${error.stack}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
  }
  log(`views e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.join(repoRoot, "test", "e2e", "views.run.mjs")
) {
  await main();
}

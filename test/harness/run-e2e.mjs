// The e2e layer: Playwright (playwright-core) drives Debian's Chromium against code-server with
// Sigmoid Lab installed, as a user would, in a light and then a dark theme, one code-server and one
// Chromium for the whole layer. Prints each test and "N passed, N failed"; screenshots go to
// test-results/screenshots/ (git-ignored).
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { launchChromium, openWorkbench, waitForWorkbench } from "./browser.mjs";
import { reloadWindow } from "../e2e/workbench.mjs";
import { buildExtension } from "./build.mjs";
import { log, repoRoot, startCodeServer } from "./code-server.mjs";
import * as hover from "../e2e/hover.e2e.mjs";
import * as panel from "../e2e/panel.e2e.mjs";

const workspace = path.join(repoRoot, "test", "fixtures", "workspace");
export const screenshotDir = path.join(repoRoot, "test-results", "screenshots");

const THEMES = [
  { kind: "light", name: "Default Light Modern", workbenchClass: "vs" },
  { kind: "dark", name: "Default Dark Modern", workbenchClass: "vs-dark" },
];

/** The tests of one theme, in order: later ones build on the panel the first one opens. */
function testsFor(theme) {
  return [
    // The Lab panel: command palette → chart drawn → probe → reload restores it.
    panel.opensFromTheCommandPalette,
    panel.drawsTheActivationsChart,
    panel.followsTheTheme(theme.kind),
    panel.probeShowsSigmoidOf2point5,
    screenshot(`lab-${theme.kind}`),
    panel.restoresAfterAWindowReload,
    panel.drawsTheActivationsChart,
    panel.keepsTheProbeAcrossAReload,
    screenshot(`lab-${theme.kind}-after-reload`),
    // Hovers (test/e2e/hover.e2e.mjs): train.py → hover σ(2.5) → "Open in Sigmoid Lab".
    hover.hoverShowsSigmoidOf2point5,
    hover.savesHoverScreenshot(screenshotDir, `hover-${theme.kind}`),
    hover.hoverLinkOpensTheLabAt2point5,
  ];
}

function screenshot(name) {
  const named = {
    async [`savesScreenshot_${name}`]({ page }) {
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file });
      return path.relative(repoRoot, file);
    },
  };
  return Object.values(named)[0];
}

/** Playwright's call logs carry terminal colour codes; CI logs read better without them. */
const plain = (text) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");

export async function runE2e() {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  let server;
  let browser;
  try {
    await buildExtension();
    await fs.mkdir(screenshotDir, { recursive: true });
    server = await startCodeServer({ settings: { "workbench.colorTheme": THEMES[0].name } });
    log(`code-server up on ${server.url} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    browser = await launchChromium();
    for (const theme of THEMES) {
      // A fresh browser context per theme: its own workbench state, so the panel starts closed.
      await server.writeSettings({ "workbench.colorTheme": theme.name });
      const page = await openWorkbench(browser, server.folderUrl(workspace));
      await page
        .locator(`.monaco-workbench.${theme.workbenchClass}`)
        .waitFor({ timeout: 15_000 })
        .catch(() => {
          throw new Error(`the workbench did not switch to ${theme.name}`);
        });
      const reload = async () => {
        await reloadWindow(page);
        await waitForWorkbench(page);
      };
      for (const test of testsFor(theme)) {
        const title = `${theme.kind}: ${test.name}`;
        const testStarted = Date.now();
        try {
          const detail = await test({ page, reload, theme });
          const note =
            detail === undefined
              ? ""
              : ` → ${typeof detail === "string" ? detail : JSON.stringify(detail)}`;
          console.log(`  ✔ ${title} (${Date.now() - testStarted} ms)${note}`);
          passed++;
        } catch (error) {
          failed++;
          const shot = path.join(screenshotDir, `failed-${theme.kind}-${test.name}.png`);
          await page.screenshot({ path: shot }).catch(() => {});
          console.log(
            `  ✘ ${title} (${Date.now() - testStarted} ms)\n    ${plain(error.message).split("\n").join("\n    ")}`,
          );
          console.log(`    screenshot: ${path.relative(repoRoot, shot)}`);
        }
      }
      await page.context().close();
    }
  } catch (error) {
    failed++;
    console.log(`  ✘ e2e setup: ${error.message}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
  }
  log(`e2e layer took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.join(repoRoot, "test", "harness", "run-e2e.mjs")
) {
  const { failed } = await runE2e();
  process.exit(failed > 0 ? 1 : 0);
}

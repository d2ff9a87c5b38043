// The e2e layer: Playwright (playwright-core) drives Debian's Chromium against code-server with
// Sigmoid Lab installed, as a user would. One code-server and one Chromium for the whole layer; each
// group below gets a fresh browser context (its own workbench state) in the theme it names.
// Prints each test and "N passed, N failed"; screenshots go to test-results/screenshots/ (ignored).
// SIGMOID_LAB_E2E_GREP=<text> runs only the groups and tests whose title contains the text.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { launchChromium, openWorkbench, waitForWorkbench } from "./browser.mjs";
import { buildExtension } from "./build.mjs";
import { log, repoRoot, startCodeServer } from "./code-server.mjs";
import * as analysis from "../e2e/analysis.e2e.mjs";
import * as analysisWorker from "../e2e/analysisWorker.e2e.mjs";
import * as hover from "../e2e/hover.e2e.mjs";
import * as panel from "../e2e/panel.e2e.mjs";
import * as recurrent from "../e2e/recurrent.e2e.mjs";
import { viewTests } from "../e2e/views.run.mjs";
import { reloadWindow } from "../e2e/workbench.mjs";

const workspace = path.join(repoRoot, "test", "fixtures", "workspace");
export const screenshotDir = path.join(repoRoot, "test-results", "screenshots");

const LIGHT = { kind: "light", name: "Default Light Modern", workbenchClass: "vs" };
const DARK = { kind: "dark", name: "Default Dark Modern", workbenchClass: "vs-dark" };

/** A screenshot of the whole workbench, as a test step. */
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

/** What the editor does, per theme: the Lab panel, hovers, and the PyTorch analysis. */
function editorTests(theme) {
  return [
    // The Lab panel: command palette → chart drawn → probe → a window reload restores it.
    panel.opensFromTheCommandPalette,
    panel.drawsTheActivationsChart,
    panel.followsTheTheme(theme.kind),
    panel.probeShowsSigmoidOf2point5,
    screenshot(`lab-${theme.kind}`),
    panel.restoresAfterAWindowReload,
    panel.drawsTheActivationsChart,
    panel.keepsTheProbeAcrossAReload,
    screenshot(`lab-${theme.kind}-after-reload`),
    // Hovers (hover.e2e.mjs): train.py → hover σ(2.5) → "Open in Sigmoid Lab".
    hover.hoverShowsSigmoidOf2point5,
    hover.savesHoverScreenshot(screenshotDir, `hover-${theme.kind}`),
    hover.hoverLinkOpensTheLabAt2point5,
    // Analysis (analysis.e2e.mjs): squiggle under softmax→CrossEntropyLoss, its hover, the CodeLens.
    analysis.squiggleUnderTheSoftmax,
    analysis.hoverExplainsSL001,
    analysis.codeLensOverSequential,
    analysis.savesAnalysisScreenshot(screenshotDir, `analysis-${theme.kind}`),
    analysis.hoverLinkOpensTheLab,
    analysis.ruleLinkOpensTheLab,
    // LSTM & GRU (recurrent.e2e.mjs): presets read back from the data tables, a pasted state_dict.
    ...recurrent.testsFor(theme, screenshot),
  ];
}

const GROUPS = [
  { name: "light", theme: LIGHT, tests: () => editorTests(LIGHT) },
  { name: "dark", theme: DARK, tests: () => editorTests(DARK) },
  // Every Lab view (views.e2e.mjs), starting light and switching live to dark and high contrast.
  { name: "views", theme: LIGHT, tests: viewTests },
  // The analysis in a Web Worker, as the browser build of the extension runs it on vscode.dev.
  { name: "web", theme: LIGHT, tests: () => [analysisWorker.analysisRunsInAWebWorker] },
];

/** Playwright's call logs carry terminal colour codes; CI logs read better without them. */
const plain = (text) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");

export async function runE2e() {
  const started = Date.now();
  const grep = process.env.SIGMOID_LAB_E2E_GREP ?? "";
  let passed = 0;
  let failed = 0;
  let server;
  let browser;
  try {
    await buildExtension();
    await fs.mkdir(screenshotDir, { recursive: true });
    server = await startCodeServer({ settings: { "workbench.colorTheme": LIGHT.name } });
    log(`code-server up on ${server.url} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    browser = await launchChromium();
    for (const group of GROUPS) {
      const tests = group
        .tests()
        .filter((test) => !grep || `${group.name}: ${test.name}`.includes(grep));
      if (tests.length === 0) continue;
      await server.writeSettings({ "workbench.colorTheme": group.theme.name });
      const page = await openWorkbench(browser, server.folderUrl(workspace));
      try {
        await page
          .locator(`.monaco-workbench.${group.theme.workbenchClass}`)
          .waitFor({ timeout: 15_000 })
          .catch(() => {
            throw new Error(`the workbench did not switch to ${group.theme.name}`);
          });
        const reload = async () => {
          await reloadWindow(page);
          await waitForWorkbench(page);
        };
        for (const test of tests) {
          const title = `${group.name}: ${test.name}`;
          const testStarted = Date.now();
          try {
            const detail = await test({ page, reload, server, theme: group.theme });
            const note =
              detail === undefined
                ? ""
                : ` → ${typeof detail === "string" ? detail : JSON.stringify(detail)}`;
            console.log(`  ✔ ${title} (${Date.now() - testStarted} ms)${note}`);
            passed++;
          } catch (error) {
            failed++;
            const shot = path.join(screenshotDir, `failed-${group.name}-${test.name}.png`);
            await page.screenshot({ path: shot }).catch(() => {});
            const message = plain(error.message).trim().split("\n").join("\n    ");
            console.log(`  ✘ ${title} (${Date.now() - testStarted} ms)\n    ${message}`);
            console.log(`    screenshot: ${path.relative(repoRoot, shot)}`);
          }
        }
      } finally {
        await page.context().close();
      }
    }
  } catch (error) {
    failed++;
    console.log(`  ✘ e2e setup: ${plain(error.stack ?? error.message)}`);
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

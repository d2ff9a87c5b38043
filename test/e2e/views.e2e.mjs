// The three Lab views in a real VS Code (code-server) driven through Chromium: each opened from the
// command palette, a drawn chart, a control moved and its new value read, the state kept across a
// window reload, and the charts recoloured after switching to a dark and a high-contrast theme.
// Screenshots of each view in each theme go to test-results/screenshots/views-<view>-<theme>.png.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { canvasPixels, labFrame, labTab, runCommand, waitForLabReady } from "./workbench.mjs";

/** σ(2.5) = 1 / (1 + e^−2.5) = 0.9241418199787566 and σ'(2.5) = σ(1 − σ) = 0.0701037165451082 (closed form). */
const SIGMA_2_5 = "σ = 0.924142";
const SIGMA_PRIME_2_5 = "σ' = 0.070104";
/** CrossEntropyLoss([3, 1, 0.1], 0) = −(3 − log(e³ + e + e^0.1)), closed form, 6 decimals. */
const CROSS_ENTROPY = (-(3 - Math.log(Math.exp(3) + Math.exp(1) + Math.exp(0.1)))).toFixed(6);

export const VIEWS = [
  {
    id: "activations",
    command: "Sigmoid Lab: Open Activations",
    charts: ["#chart-activations"],
  },
  {
    id: "vanishing",
    command: "Sigmoid Lab: Open Vanishing Gradients",
    charts: ["#chart-vanishing"],
  },
  {
    id: "softmax",
    command: "Sigmoid Lab: Open Logits & Softmax",
    charts: ["#chart-softmax", "#chart-logistic"],
  },
];

/** `run` under a name the runner prints (an arrow defined in a computed key takes the key's name). */
function named(name, run) {
  return { [name]: (context) => run(context) }[name];
}

async function expectText(locator, text, what) {
  await locator
    .filter({ hasText: text })
    .waitFor({ timeout: 10_000 })
    .catch(async () => {
      throw new Error(`${what} reads "${await locator.first().textContent()}", expected "${text}"`);
    });
}

async function waitForChart(page, view) {
  await labFrame(page)
    .locator(`body[data-chart-${view}=drawn]`)
    .waitFor({ state: "attached", timeout: 20_000 })
    .catch(() => {
      throw new Error(
        `the ${view} view never reported a finished chart (body[data-chart-${view}])`,
      );
    });
}

async function assertDrawn(page, selector) {
  const frame = labFrame(page);
  const figure = frame.locator(`[role=img]:has(${selector})`);
  assert.equal(await figure.count(), 1, `${selector} is not inside an element with role=img`);
  const name = (await figure.getAttribute("aria-label")) ?? "";
  assert.ok(name.length > 20, `${selector}'s role=img has no useful accessible name ("${name}")`);
  const table = frame.locator(`.view:has(${selector}) details.data-table table`);
  assert.ok((await table.count()) >= 1, `${selector} has no data-table fallback`);
  const pixels = await canvasPixels(page, selector);
  const area = pixels.width * pixels.height;
  assert.ok(
    pixels.painted > area * 0.005,
    `${selector}: only ${pixels.painted} of ${area} pixels painted`,
  );
  assert.ok(pixels.colours >= 3, `${selector}: only ${pixels.colours} colour(s) drawn`);
  return pixels;
}

/** Opens a view from the palette and checks that its tab is the one shown and its charts drawn. */
export function opensFromThePalette(view, closeFirst = false) {
  const name = `${closeFirst ? "reopens" : "opens"}_${view.id}_fromThePalette`;
  return named(name, async ({ page }) => {
    // Reopened: the panel is closed and made anew, as a user opens it a second time in a window
    // whose webview machinery has started once (the first panel of a session waits for it).
    if (closeFirst) await runCommand(page, "View: Close All Editors");
    await runCommand(page, view.command);
    // From the palette's Enter to the finished chart: the first view also creates the panel.
    const started = Date.now();
    await labTab(page).first().waitFor({ state: "visible", timeout: 15_000 });
    await waitForLabReady(page);
    await labFrame(page)
      .locator(`#tab-${view.id}[aria-selected=true]`)
      .waitFor({ state: "attached", timeout: 10_000 })
      .catch(() => {
        throw new Error(`after "${view.command}" the ${view.id} tab is not the selected one`);
      });
    await waitForChart(page, view.id);
    const firstChartMs = Date.now() - started;
    // The share of it that is the Lab page's own: from the page's navigation (after VS Code has
    // made the webview's frames) to its first chart. Both clocks are this machine's.
    const page0 = await labFrame(page)
      .locator("body")
      .evaluate(() => ({
        origin: performance.timeOrigin,
        chart: performance.getEntriesByName("lab:first-chart")[0]?.startTime,
        start: performance.getEntriesByName("lab:start")[0]?.startTime,
        script: performance
          .getEntriesByType("resource")
          .find((entry) => entry.name.endsWith("/main.js"))?.responseEnd,
      }));
    const own =
      page0.chart === undefined || page0.origin < started
        ? ""
        : `, ${Math.round(page0.chart)} ms of it the page's own (from its navigation, ${Math.round(page0.origin - started)} ms after the command; main.js loaded at ${Math.round(page0.script ?? NaN)} ms, run by ${Math.round(page0.start ?? NaN)} ms)`;
    const drawn = [];
    for (const chart of view.charts) drawn.push((await assertDrawn(page, chart)).painted);
    return `chart in ${firstChartMs} ms after the command${own}; ${drawn.join(" + ")} pixels painted`;
  });
}

/** σ(1.5) = 1 / (1 + e^−1.5) = 0.8175744761936437 (closed form), as the probe readout writes it. */
const SIGMA_1_5 = "σ = 0.817574";

/**
 * A panel hidden behind another editor loses its page (its context is not retained) and VS Code
 * loads it again when it is shown. The page must come back from its own saved state, not from the
 * start the host wrote into its HTML (which would undo every change), and an intent sent while it
 * was hidden must arrive once it is shown: here the probe moved to 1.5, the panel hidden, then
 * "Open Vanishing Gradients" shows it on that tab with the probe still at 1.5.
 */
export async function keepsItsStateAndTakesIntentsWhileHidden({ page }) {
  const frame = labFrame(page);
  await frame.locator("#tab-activations").click();
  await frame.locator("#probe-x").fill("1.5");
  await frame.locator("#probe-x").press("Enter");
  await expectText(frame.locator("#probe-readout"), SIGMA_1_5, "#probe-readout");
  // An untitled editor in the Lab's group hides the Lab's tab.
  await runCommand(page, "File: New Untitled Text File");
  await page
    .locator("iframe.webview")
    .first()
    .waitFor({ state: "hidden", timeout: 10_000 })
    .catch(() => {
      throw new Error("a new editor in the Lab's group did not hide the Lab panel");
    });
  await runCommand(page, "Sigmoid Lab: Open Vanishing Gradients");
  await waitForLabReady(page);
  await frame
    .locator("#tab-vanishing[aria-selected=true]")
    .waitFor({ state: "attached", timeout: 10_000 })
    .catch(() => {
      throw new Error("the intent sent while the panel was hidden did not select Vanishing");
    });
  await frame.locator("#tab-activations").click();
  await expectText(
    frame.locator("#probe-readout"),
    SIGMA_1_5,
    "#probe-readout after hide and show",
  );
}

export async function probeReadsSigmaOf2point5({ page }) {
  const frame = labFrame(page);
  await frame.locator("#probe-x").fill("2.5");
  await frame.locator("#probe-x").press("Enter");
  const readout = frame.locator("#probe-readout");
  await expectText(readout, SIGMA_2_5, "#probe-readout");
  await expectText(readout, SIGMA_PRIME_2_5, "#probe-readout");
  // The arrow keys move the probe from the chart itself: 2.5 → 2.6 → 2.5.
  const chart = frame.locator("[role=img]:has(#chart-activations)");
  await chart.focus();
  await chart.press("ArrowRight");
  await expectText(readout, "x = 2.6", "#probe-readout after →");
  await chart.press("ArrowLeft");
  await expectText(readout, SIGMA_2_5, "#probe-readout after ←");
  return (await readout.textContent()) ?? "";
}

export async function depthClampsTo200WithANote({ page }) {
  const frame = labFrame(page);
  const depth = frame.locator("#depth");
  await depth.fill("10000");
  await depth.press("Enter");
  await expectText(
    frame.locator("#view-vanishing .note"),
    "using 200",
    "the Vanishing gradients note",
  );
  assert.equal(await depth.inputValue(), "200", "the depth box does not show the clamped 200");
  await waitForChart(page, "vanishing");
  await expectText(frame.locator("#vanishing-readout"), "layer 200", "#vanishing-readout");
  return (await frame.locator("#view-vanishing .note").textContent()) ?? "";
}

/**
 * 200 layers × 36 with 16 samples is shared with a Web Worker (dist/webview/vanishingWorker.js,
 * started from a blob: URL under the page's CSP by the first such request). The page says whether
 * it started; a new seed is then drawn by both, and the chart says all 16 samples are in.
 */
export async function largeNetworksShareTheWorker({ page }) {
  const frame = labFrame(page);
  const setNumber = async (selector, value) => {
    await frame.locator(selector).fill(String(value));
    await frame.locator(selector).press("Enter");
    await waitForChart(page, "vanishing");
  };
  await setNumber("#width", 36);
  await setNumber("#samples", 16);
  await frame
    .locator("body[data-vanishing-worker]")
    .waitFor({ state: "attached", timeout: 20_000 })
    .catch(() => {
      throw new Error("the page never said whether its vanishing worker started");
    });
  const state = await frame.locator("body").getAttribute("data-vanishing-worker");
  assert.equal(state, "ready", `the vanishing worker is "${state}", expected "ready"`);
  // A new seed: both draw their samples, and the readout changes once all 16 are in (the chart
  // is "drawn" only when complete).
  const readout = frame.locator("#vanishing-readout");
  const before = (await readout.textContent()) ?? "";
  await setNumber("#seed", 2);
  await frame
    .locator("#vanishing-readout")
    .filter({ hasNotText: before })
    .waitFor({ timeout: 20_000 });
  await expectText(readout, "layer 200", "#vanishing-readout");
  const after = (await readout.textContent()) ?? "";
  await setNumber("#width", 16);
  await setNumber("#samples", 4);
  await setNumber("#seed", 1);
  return `worker ${state}; ${after}`;
}

export async function logitEditUpdatesCrossEntropy({ page }) {
  const frame = labFrame(page);
  await frame.locator("#logit-0").fill("3");
  await frame.locator("#logit-0").press("Enter");
  const readout = frame.locator("#cross-entropy-readout");
  await expectText(readout, CROSS_ENTROPY, "#cross-entropy-readout");
  await expectText(frame.locator("#mistake-readout"), "smaller", "#mistake-readout");
  return (await readout.textContent()) ?? "";
}

export async function restoresEveryViewAfterAReload({ page, reload }) {
  await reload();
  await labTab(page).first().waitFor({ state: "visible", timeout: 30_000 });
  await labTab(page).first().click();
  await waitForLabReady(page);
  const frame = labFrame(page);
  await frame
    .locator("#tab-softmax[aria-selected=true]")
    .waitFor({ timeout: 10_000 })
    .catch(() => {
      throw new Error("after a reload the panel is not back on the Logits & softmax view");
    });
  assert.equal(await frame.locator("#logit-0").inputValue(), "3", "logit z₀ = 3 was not restored");
  await frame.locator("#tab-vanishing").click();
  await waitForChart(page, "vanishing");
  assert.equal(await frame.locator("#depth").inputValue(), "200", "depth 200 was not restored");
  await frame.locator("#tab-activations").click();
  await expectText(frame.locator("#probe-readout"), SIGMA_2_5, "#probe-readout after a reload");
}

/** "Preferences: Color Theme", then the theme's name in the quick pick, as a user switches. */
async function chooseColorTheme(page, name) {
  const input = page.locator(".quick-input-widget input.input");
  await page.keyboard.press("F1");
  await input.waitFor({ state: "visible", timeout: 10_000 });
  await input.fill(">Preferences: Color Theme");
  // Not "Preferences: Browse Color Themes in Marketplace", which also contains the words.
  await page
    .locator(".quick-input-list .monaco-list-row", { hasText: /Preferences: Color Theme(?!s)/ })
    .first()
    .click();
  // The theme picker is open once the input asks for a colour theme.
  await page
    .locator('.quick-input-widget input.input[placeholder*="Color Theme"]')
    .waitFor({ state: "visible", timeout: 10_000 });
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first();
  await input.fill(name);
  await row.waitFor({ state: "visible", timeout: 10_000 });
  await input.press("Enter");
}

/** Switches the workbench theme from the palette, and checks that the chart was recoloured. */
export function recoloursFor(theme) {
  return named(`recolours_for_${theme.kind.replace("-", "_")}`, async ({ page }) => {
    const frame = labFrame(page);
    await frame.locator("#tab-activations").click();
    await waitForChart(page, "activations");
    const before = await canvasPixels(page, "#chart-activations");
    await chooseColorTheme(page, theme.name);
    await frame
      .locator(`body.${theme.bodyClass}`)
      .waitFor({ state: "attached", timeout: 20_000 })
      .catch(() => {
        throw new Error(`the Lab page body never got the class ${theme.bodyClass}`);
      });
    const deadline = Date.now() + 10_000;
    let after = before;
    while (Date.now() < deadline) {
      after = await canvasPixels(page, "#chart-activations");
      if (JSON.stringify(after.top) !== JSON.stringify(before.top)) break;
      await page.waitForTimeout(250);
    }
    assert.notDeepEqual(
      after.top,
      before.top,
      `the Activations chart kept its colours in ${theme.name}`,
    );
    return `top colours ${before.top.map((c) => c.rgba).join(",")} → ${after.top.map((c) => c.rgba).join(",")}`;
  });
}

/** A screenshot of each view in the current theme. */
export function screenshotsOfEveryView(kind, screenshotDir) {
  return named(`screenshots_${kind.replace("-", "_")}`, async ({ page }) => {
    const saved = [];
    for (const view of VIEWS) {
      await labFrame(page).locator(`#tab-${view.id}`).click();
      await waitForChart(page, view.id);
      await page.waitForTimeout(200);
      const file = path.join(screenshotDir, `views-${view.id}-${kind}.png`);
      await page.screenshot({ path: file });
      saved.push(path.basename(file));
    }
    return saved.join(", ");
  });
}

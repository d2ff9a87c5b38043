// The LSTM & GRU view in a real VS Code (code-server) through Chromium, as a user meets it: "Sigmoid
// Lab: Open LSTM & GRU" from the palette; the preset "remember the first input" with forget bias +5,
// read back from the view's data tables (the LSTM keeps C_t above half of C_0 at t = 50, the tanh
// RNN's gradient through time at t = 0 is below 1e-6 of the last step's); a pasted nn.LSTM
// state_dict (test/fixtures/recurrent/, PyTorch 1.13) changes the heatmaps; a malformed one is
// refused with a visible message and changes nothing; screenshots of the LSTM and GRU views.
// Each test is a small named function that throws with a message saying what was expected.
//
// Run by test/harness/run-e2e.mjs in the light and dark themes, after the tests that open the
// panel; SIGMOID_LAB_E2E_GREP="light: " npm run test:e2e runs that theme's group alone.
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { canvasPixels, labFrame, labTab, runCommand, waitForLabReady } from "./workbench.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const fixture = (name) =>
  readFileSync(path.join(repoRoot, "test", "fixtures", "recurrent", name), "utf8");

/** Waits until the view says its redraw is complete (gradients included). */
async function waitForDrawn(page, timeout = 30_000) {
  await labFrame(page)
    .locator("body[data-chart-recurrent=drawn]")
    .waitFor({ state: "attached", timeout })
    .catch(() => {
      throw new Error(
        "the LSTM & GRU view did not report a finished redraw (data-chart-recurrent)",
      );
    });
}

/** A control change, then the finished redraw that follows it. */
async function changeAndWait(page, act) {
  const frame = labFrame(page);
  const before = Number((await frame.locator("body").getAttribute("data-renders")) ?? 0);
  await act(frame);
  await frame.locator("body").evaluate(
    (body, count) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
          if (Number(body.dataset.renders) > count && body.dataset.chartRecurrent === "drawn") {
            resolve();
          } else if (Date.now() - started > 30_000) {
            reject(new Error("no finished redraw of the LSTM & GRU view within 30 s"));
          } else setTimeout(poll, 16);
        };
        poll();
      }),
    before,
  );
}

/** A table's body as text cells, numbers written with "−" read back as ASCII. */
async function tableRows(page, selector) {
  return labFrame(page)
    .locator(selector)
    .evaluate((table) =>
      [...table.tBodies[0].rows].map((row) =>
        [...row.cells].map((cell) => cell.textContent.replace(/−/g, "-")),
      ),
    );
}

async function openDetails(page, selector) {
  const details = labFrame(page).locator(selector);
  if ((await details.getAttribute("open")) === null) {
    await details.locator("summary").first().click();
  }
}

/** A fingerprint of what a canvas shows: its painted pixels summed by colour. */
async function canvasPrint(page, selector) {
  const pixels = await canvasPixels(page, selector);
  return JSON.stringify({ w: pixels.width, h: pixels.height, top: pixels.top });
}

export async function opensTheLstmGruViewFromThePalette({ page }) {
  await runCommand(page, "Sigmoid Lab: Open LSTM & GRU");
  await labTab(page).first().waitFor({ state: "visible", timeout: 15_000 });
  await waitForLabReady(page);
  const tab = labFrame(page).locator("#tab-recurrent");
  await tab.waitFor({ timeout: 10_000 });
  assert.equal(
    await tab.getAttribute("aria-selected"),
    "true",
    "the LSTM & GRU tab is not the selected tab after its palette command",
  );
  await waitForDrawn(page);
}

export async function loadsRememberTheFirstInput({ page }) {
  await changeAndWait(page, (frame) => frame.locator("#recurrent-cell").selectOption("lstm"));
  await changeAndWait(page, (frame) => frame.locator("#recurrent-input").selectOption("first"));
  await changeAndWait(page, (frame) =>
    frame.locator("#recurrent-weights").selectOption("remember"),
  );
  const frame = labFrame(page);
  const steps = frame.locator("#recurrent-steps");
  if ((await steps.inputValue()) !== "100") {
    await changeAndWait(page, async () => {
      await steps.fill("100");
      await steps.press("Enter");
    });
  }
  const chosen = await frame.locator("#recurrent-input").inputValue();
  assert.equal(chosen, "first", `the input preset is "${chosen}", expected "first"`);
  const pixels = await canvasPixels(page, "#heatmap-lstm-cell");
  assert.ok(pixels.painted > 0, "the C_t heatmap is blank");
}

export async function lstmWithForgetBiasPlus5KeepsCellState({ page }) {
  await openDetails(page, "#recurrent-gates-details");
  await labFrame(page).locator("#recurrent-table-series").selectOption("cell");
  const rows = await tableRows(page, "#recurrent-gates-table");
  assert.ok(rows.length >= 51, `the C_t table has ${rows.length} rows, expected at least 51`);
  assert.equal(rows[0][0], "0");
  assert.equal(rows[50][0], "50");
  const ratios = rows[0].slice(1).map((first, unit) => Number(rows[50][unit + 1]) / Number(first));
  const worst = Math.min(...ratios);
  assert.ok(
    ratios.length > 0 && worst > 0.5,
    `C_50 / C_0 per unit: ${ratios.map((r) => r.toFixed(3)).join(", ")}; expected every one above 0.5`,
  );
  return `C_50 / C_0 ≥ ${worst.toFixed(3)} over ${ratios.length} units`;
}

export async function rnnGradientThroughTimeVanishes({ page }) {
  await openDetails(page, "#recurrent-gradient-details");
  const frame = labFrame(page);
  const headers = await frame
    .locator("#recurrent-gradient-table thead th")
    .evaluateAll((cells) => cells.map((c) => c.textContent));
  const column = headers.findIndex((text) => text.startsWith("tanh RNN"));
  assert.ok(column > 0, `no "tanh RNN" column in the gradient table: ${headers.join(" | ")}`);
  const rows = await tableRows(page, "#recurrent-gradient-table");
  const first = Number(rows[0][column]);
  const last = Number(rows[rows.length - 1][column]);
  assert.ok(Number.isFinite(first) && last > 0, `RNN gradients read as ${first} and ${last}`);
  const ratio = first / last;
  assert.ok(ratio < 1e-6, `RNN gradient at t = 0 / at the last step = ${ratio}, expected < 1e-6`);
  const lstm = headers.findIndex((text) => text.startsWith("LSTM"));
  const lstmRatio = Number(rows[0][lstm]) / Number(rows[rows.length - 1][lstm]);
  return `RNN ${ratio.toExponential(2)}, LSTM ${lstmRatio.toExponential(2)}`;
}

export async function pastedStateDictChangesTheHeatmap({ page }) {
  const before = await canvasPrint(page, "#heatmap-lstm-hidden");
  await openDetails(page, "details.state-dict");
  const frame = labFrame(page);
  await frame.locator("#recurrent-state-dict").fill(fixture("lstm_state_dict.json"));
  await changeAndWait(page, (f) => f.locator("#recurrent-load-json").click());
  const status = (await frame.locator("#recurrent-state-dict-status").textContent()) ?? "";
  assert.match(status, /Loaded pasted: nn\.LSTM with H = 5, I = 3/, `status reads "${status}"`);
  assert.equal(
    await frame.locator("#recurrent-hidden").inputValue(),
    "5",
    "hidden size H did not become the state_dict's 5",
  );
  const after = await canvasPrint(page, "#heatmap-lstm-hidden");
  assert.notEqual(after, before, "the h_t heatmap looks the same after loading the state_dict");
}

export async function rejectsAMalformedStateDict({ page }) {
  const frame = labFrame(page);
  const dict = JSON.parse(fixture("lstm_state_dict.json"));
  dict.weight_ih_l0 = dict.weight_ih_l0.slice(0, 7);
  // The map's accessible name states its values' range and mean: a fingerprint of the data that a
  // redraw at another width (a scroll bar coming or going) does not change.
  const described = () =>
    frame.locator("div.heatmap:has(#heatmap-lstm-hidden)").getAttribute("aria-label");
  const before = await described();
  await frame.locator("#recurrent-state-dict").fill(JSON.stringify(dict));
  await frame.locator("#recurrent-load-json").click();
  const error = frame.locator("#recurrent-state-dict-error");
  await error.waitFor({ state: "visible", timeout: 5000 }).catch(() => {
    throw new Error("no visible error after loading a state_dict with a 7×3 weight_ih_l0");
  });
  const text = (await error.textContent()) ?? "";
  assert.match(text, /weight_ih_l0: expected 20×3/, `the error reads "${text}"`);
  assert.equal(await frame.locator("#recurrent-hidden").inputValue(), "5", "H changed");
  assert.equal(await described(), before, "the h_t heatmap's values changed");
  // Malformed JSON is refused the same way.
  await frame.locator("#recurrent-state-dict").fill('{"weight_ih_l0": [[0.1, 0.2]');
  await frame.locator("#recurrent-load-json").click();
  await frame
    .locator("#recurrent-state-dict-error", { hasText: "invalid JSON" })
    .waitFor({ timeout: 5000 });
  return text;
}

export async function showsTheGruView({ page }) {
  await changeAndWait(page, (frame) =>
    frame.locator("#recurrent-weights").selectOption("remember"),
  );
  await changeAndWait(page, (frame) => frame.locator("#recurrent-cell").selectOption("gru"));
  const pixels = await canvasPixels(page, "#heatmap-gru-update");
  assert.ok(pixels.painted > 0, "the GRU's update-gate heatmap z_t is blank");
  const caption =
    (await labFrame(page).locator("#recurrent-equations caption").textContent()) ?? "";
  assert.match(caption, /^GRU/, `the step-through caption reads "${caption}"`);
}

/** Before a screenshot: tables and the weights box folded, step 50, the step-through and maps in view. */
export async function framesTheStepThroughAndHeatmaps({ page }) {
  const frame = labFrame(page);
  for (const selector of [
    "#recurrent-gates-details",
    "#recurrent-gradient-details",
    "details.state-dict",
  ]) {
    await frame.locator(selector).evaluate((details) => details.removeAttribute("open"));
  }
  // Step 50 of "remember the first input": what the forget gate has kept is in the equations.
  const cursor = frame.locator("#recurrent-cursor");
  await changeAndWait(page, async () => {
    await cursor.fill("50");
    await cursor.press("Enter");
  });
  await frame.locator(".stepper").evaluate((stepper) => {
    stepper.scrollIntoView({ block: "start" });
    stepper.ownerDocument.defaultView.scrollBy(0, -56); // below the sticky header
  });
  await frame.locator("body").evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
}

/**
 * At T = 500, H = 64 the cells not shown are computed in a Web Worker (dist/webview/
 * recurrentWorker.js, started from a blob: URL under the page's CSP). The page says whether it
 * started; the gradient table then still reads the RNN's vanishing and the LSTM's kept gradient.
 */
export async function computesLargeSizesInAWorker({ page }) {
  const frame = labFrame(page);
  const setNumber = async (selector, value) => {
    const input = frame.locator(selector);
    await changeAndWait(page, async () => {
      await input.fill(String(value));
      await input.press("Enter");
    });
  };
  await changeAndWait(page, (f) => f.locator("#recurrent-cell").selectOption("lstm"));
  await setNumber("#recurrent-steps", 500);
  await setNumber("#recurrent-hidden", 64);
  const state = await frame.locator("body").getAttribute("data-recurrent-worker");
  assert.equal(state, "ready", `the gradient worker is "${state}", expected "ready"`);
  await openDetails(page, "#recurrent-gradient-details");
  const headers = await frame
    .locator("#recurrent-gradient-table thead th")
    .evaluateAll((cells) => cells.map((c) => c.textContent));
  const rows = await tableRows(page, "#recurrent-gradient-table");
  assert.equal(rows.length, 500, `the gradient table has ${rows.length} rows, expected 500`);
  const ratio = (name) => {
    const column = headers.findIndex((text) => text.startsWith(name));
    return Number(rows[0][column]) / Number(rows[499][column]);
  };
  assert.ok(ratio("tanh RNN") < 1e-6, `RNN ratio ${ratio("tanh RNN")}, expected < 1e-6`);
  assert.ok(ratio("LSTM") > 0.01, `LSTM ratio ${ratio("LSTM")}, expected > 0.01`);
  await frame.locator("#recurrent-gradient-details").evaluate((d) => d.removeAttribute("open"));
  await setNumber("#recurrent-hidden", 16);
  await setNumber("#recurrent-steps", 100);
  return `worker ready; RNN ${ratio("tanh RNN").toExponential(2)}, LSTM ${ratio("LSTM").toExponential(2)}`;
}

/**
 * The math core's WebAssembly kernels compile under the panel's real CSP in VS Code (it allows
 * 'wasm-unsafe-eval' and no JavaScript eval): the page marks whether they run, and the policy
 * itself is read from the page.
 */
export async function runsTheCoreKernelsUnderThePanelCsp({ page }) {
  const frame = labFrame(page);
  // The page marks it when idle after its first chart.
  await frame.locator("body[data-wasm-kernels]").waitFor({ state: "attached", timeout: 10_000 });
  const kernels = await frame.locator("body").getAttribute("data-wasm-kernels");
  assert.equal(kernels, "on", `the WebAssembly kernels are "${kernels}", expected "on"`);
  const csp = await frame
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  const scripts = csp.split(";").find((d) => d.trim().startsWith("script-src"));
  assert.match(scripts, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(scripts, /'unsafe-eval'|'unsafe-inline'/, `script-src: ${scripts}`);
  return scripts.trim().replace(/'nonce-[^']+'/, "'nonce-…'");
}

/** The tests of one theme, in order; `screenshot(name)` makes a test that saves one. */
export function testsFor(theme, screenshot) {
  return [
    opensTheLstmGruViewFromThePalette,
    loadsRememberTheFirstInput,
    lstmWithForgetBiasPlus5KeepsCellState,
    rnnGradientThroughTimeVanishes,
    framesTheStepThroughAndHeatmaps,
    screenshot(`recurrent-lstm-${theme.kind}`),
    pastedStateDictChangesTheHeatmap,
    rejectsAMalformedStateDict,
    showsTheGruView,
    framesTheStepThroughAndHeatmaps,
    screenshot(`recurrent-gru-${theme.kind}`),
    computesLargeSizesInAWorker,
    runsTheCoreKernelsUnderThePanelCsp,
  ];
}

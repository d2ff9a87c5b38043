// The Lab panel in a real VS Code (code-server) driven through Chromium, as a user would: command
// palette → panel → chart drawn, probe readout, theme, and restore after a window reload.
// Each test is a small named function that throws with a message saying what was expected.
import * as assert from "node:assert/strict";
import { canvasPixels, labFrame, labTab, runCommand, waitForLabReady } from "./workbench.mjs";

/** σ(2.5) = 1 / (1 + e^−2.5) = 0.92414181997875655… (closed form), shown with 6 decimals. */
const SIGMOID_2_5 = "0.924142";

export async function opensFromTheCommandPalette({ page }) {
  await runCommand(page, "Sigmoid Lab: Open");
  await labTab(page).first().waitFor({ state: "visible", timeout: 15_000 });
  await waitForLabReady(page);
}

export async function drawsTheActivationsChart({ page }) {
  const chart = labFrame(page).locator("[role=img] #chart-activations");
  assert.equal(
    await chart.count(),
    1,
    "#chart-activations is not a canvas inside an element with role=img",
  );
  const pixels = await canvasPixels(page, "#chart-activations");
  const area = pixels.width * pixels.height;
  assert.ok(area > 0, `the canvas has no size (${pixels.width}×${pixels.height})`);
  // Two curves, axes, grid and labels cover well over 0.5 % of the canvas; a blank one covers 0.
  assert.ok(pixels.painted > area * 0.005, `only ${pixels.painted} of ${area} pixels are painted`);
  assert.ok(
    pixels.colours >= 3,
    `only ${pixels.colours} distinct colour(s): curves, grid and text expected`,
  );
  return pixels;
}

export async function probeShowsSigmoidOf2point5({ page }) {
  const frame = labFrame(page);
  const probe = frame.locator("#probe-x");
  await probe.fill("2.5");
  await probe.press("Enter");
  const readout = frame.locator("#probe-readout");
  await readout
    .filter({ hasText: SIGMOID_2_5 })
    .waitFor({ timeout: 5000 })
    .catch(async () => {
      throw new Error(
        `#probe-readout reads "${await readout.textContent()}", expected σ(2.5) = ${SIGMOID_2_5}`,
      );
    });
}

export function followsTheTheme(kind) {
  const named = {
    async [`pageUsesThe${kind === "light" ? "Light" : "Dark"}Theme`]({ page }) {
      const body = labFrame(page).locator("body");
      const classes = (await body.getAttribute("class")) ?? "";
      assert.ok(
        classes.includes(`vscode-${kind}`),
        `the Lab page body has classes "${classes}", expected vscode-${kind}`,
      );
    },
  };
  return Object.values(named)[0];
}

export async function restoresAfterAWindowReload({ page, reload }) {
  await reload();
  await labTab(page)
    .first()
    .waitFor({ state: "visible", timeout: 30_000 })
    .catch(() => {
      throw new Error(
        "after a window reload the Sigmoid Lab tab is gone (no serializer / onWebviewPanel?)",
      );
    });
  // A restored tab's webview only loads when it is shown.
  await labTab(page).first().click();
  await waitForLabReady(page);
  const pixels = await canvasPixels(page, "#chart-activations");
  assert.ok(pixels.painted > 0, "after a reload the Activations chart is blank");
}

export async function keepsTheProbeAcrossAReload({ page }) {
  const readout = labFrame(page).locator("#probe-readout");
  const text = (await readout.textContent()) ?? "";
  assert.ok(
    text.includes(SIGMOID_2_5),
    `after a reload #probe-readout reads "${text}"; the probe x = 2.5 was not restored`,
  );
}

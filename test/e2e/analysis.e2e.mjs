// PyTorch code analysis in a real VS Code (code-server) through Chromium, as a user meets it: open
// analysis_samples.py, find the warning squiggle under the softmax that reaches CrossEntropyLoss,
// hover it and read the SL001 message, follow its rule link into the Lab, and see the
// depth-attenuation CodeLens over nn.Sequential.
// Each test is a small named function that throws with a message saying what was expected.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { labTab, runCommand } from "./workbench.mjs";

const FILE = "analysis_samples.py";
const SOFTMAX = "F.softmax(classifier(x), dim=1)";
const LENS = "4 sigmoid layers — gradient to the first layer ≤ 0.25^4 = 0.0039";

/** Opens a file of the sample workspace from the Explorer, as a user does. */
async function openFile(page, name) {
  const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: name }).first();
  await row.waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error(`${name} is not in the Explorer; is test/fixtures/workspace open?`);
  });
  await row.click();
  await page.locator(".tabs-container .tab.active", { hasText: name }).waitFor({ timeout: 10_000 });
}

/**
 * Closes every editor. Keys pressed while the Lab's webview has focus stay in its iframe, so the
 * sample's tab is clicked first to give the focus back to the workbench.
 */
async function closeAllEditors(page) {
  await page.keyboard.press("Escape");
  await page
    .locator(".tabs-container .tab", { hasText: FILE })
    .first()
    .click({ timeout: 5_000 })
    .catch(() => {});
  await runCommand(page, "View: Close All Editors");
}

/** The hover VS Code shows for the diagnostic (it names our source and the rule). */
function problemHover(page) {
  return page.locator(".monaco-hover:not(.hidden)").filter({ hasText: "SL001" }).first();
}

export async function squiggleUnderTheSoftmax({ page }) {
  await runCommand(page, "View: Close All Editors");
  await openFile(page, FILE);
  // The parser loads on the first Python document; the diagnostics follow.
  const squiggle = page.locator(".monaco-editor .squiggly-warning").first();
  await squiggle.waitFor({ state: "attached", timeout: 30_000 }).catch(() => {
    throw new Error(`no warning squiggle appeared in ${FILE}`);
  });
  const line = page.locator(".monaco-editor .view-line:visible", { hasText: SOFTMAX }).first();
  await line.waitFor({ timeout: 10_000 });
  const lineBox = await line.boundingBox();
  const squiggles = await page.locator(".monaco-editor .squiggly-warning").evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  const onLine = squiggles.find(
    (b) => Math.abs(b.y + b.height / 2 - (lineBox.y + lineBox.height / 2)) < lineBox.height,
  );
  assert.ok(
    onLine,
    `no squiggle on the line "${SOFTMAX}"; squiggles at ${JSON.stringify(squiggles)}`,
  );
  return { squiggles: squiggles.length };
}

export async function hoverExplainsSL001({ page }) {
  const squiggles = page.locator(".monaco-editor .squiggly-warning");
  const line = page.locator(".monaco-editor .view-line:visible", { hasText: SOFTMAX }).first();
  await line.waitFor({ timeout: 10_000 });
  // Right after the file is (re)opened the diagnostics are still on their way (debounced
  // analysis): look for the squiggle on the softmax line for up to 15 s.
  let lineBox;
  let target;
  for (let attempt = 0; attempt < 30 && !target; attempt++) {
    if (attempt > 0) await page.waitForTimeout(500);
    lineBox = await line.boundingBox();
    const boxes = await squiggles.evaluateAll((nodes) =>
      nodes.map((n) => n.getBoundingClientRect().toJSON()),
    );
    target = boxes.find(
      (b) => Math.abs(b.y + b.height / 2 - (lineBox.y + lineBox.height / 2)) < lineBox.height,
    );
  }
  assert.ok(target, "no squiggle to hover on the softmax line after 15 s");
  const x = target.x + Math.min(20, target.width / 2);
  const y = lineBox.y + lineBox.height / 2;
  await page.mouse.move(x - 30, y);
  await page.mouse.move(x, y, { steps: 5 });
  const hover = problemHover(page);
  await hover.waitFor({ state: "visible", timeout: 10_000 }).catch(() => {
    throw new Error("no hover with SL001 appeared over the softmax squiggle");
  });
  const text = (await hover.textContent()) ?? "";
  assert.ok(text.includes("softmax output reaches CrossEntropyLoss"), `the hover reads "${text}"`);
  assert.ok(text.includes("Sigmoid Lab"), `the hover does not name Sigmoid Lab: "${text}"`);
  return text.slice(0, 80);
}

export async function codeLensOverSequential({ page }) {
  const lens = page
    .locator(".monaco-editor .codelens-decoration", { hasText: "sigmoid layers" })
    .first();
  await lens.waitFor({ state: "visible", timeout: 15_000 }).catch(() => {
    throw new Error("no depth-attenuation CodeLens appeared over nn.Sequential");
  });
  const text = (await lens.textContent()) ?? "";
  assert.ok(text.includes(LENS), `the CodeLens reads "${text}"`);
  assert.ok(
    text.includes("Simulate this network"),
    `the CodeLens has no simulation link: "${text}"`,
  );
  return text;
}

/** Saves the editor with the squiggle, its hover and the CodeLens for README.md. */
export function savesAnalysisScreenshot(screenshotDir, name) {
  const named = {
    async [`savesScreenshot_${name}`]({ page }) {
      await hoverExplainsSL001({ page });
      const editor = page.locator(".editor-instance .monaco-editor").first();
      const box = await editor.boundingBox();
      assert.ok(box, "no editor to photograph");
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({
        path: file,
        clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 720) },
      });
      return path.relative(process.cwd(), file);
    },
  };
  return Object.values(named)[0];
}

/** The hover over a finding has a one-click link to the Lab view that explains it. */
export async function hoverLinkOpensTheLab({ page }) {
  await hoverExplainsSL001({ page });
  const link = problemHover(page).locator("a", { hasText: "Open Logits & softmax in Sigmoid Lab" });
  await link.first().click({ timeout: 10_000 });
  await labTab(page)
    .first()
    .waitFor({ state: "visible", timeout: 15_000 })
    .catch(() => {
      throw new Error("the hover's Lab link did not open the Sigmoid Lab panel");
    });
  await closeAllEditors(page);
  return "Sigmoid Lab tab opened";
}

/**
 * The rule code (SL001) in the problem hover opens the Lab through the extension's URI handler;
 * VS Code asks once whether the extension may open the URI.
 */
export async function ruleLinkOpensTheLab({ page }) {
  await closeAllEditors(page);
  await openFile(page, FILE);
  await hoverExplainsSL001({ page });
  await problemHover(page)
    .locator("a.code-link", { hasText: "SL001" })
    .first()
    .click({ timeout: 10_000 });
  const allow = page.locator(".monaco-dialog-box .monaco-button", { hasText: /^Open$/ });
  if (
    await allow
      .first()
      .isVisible({ timeout: 5_000 })
      .catch(() => false)
  )
    await allow.first().click();
  await labTab(page)
    .first()
    .waitFor({ state: "visible", timeout: 15_000 })
    .catch(() => {
      throw new Error("clicking SL001 in the hover did not open the Sigmoid Lab panel");
    });
  await closeAllEditors(page);
  return "Sigmoid Lab tab opened";
}

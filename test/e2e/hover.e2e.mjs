// The hover in a real VS Code (code-server) through Chromium, as a user meets it: open train.py,
// move the mouse over `torch.sigmoid(torch.tensor(2.5))`, read σ(2.5) = 0.924142 and see the
// formula image, click "Open in Sigmoid Lab" and find the Activations view probing x = 2.5.
// Each test is a small named function that throws with a message saying what was expected.
/* global document, NodeFilter -- page.evaluate callbacks run in the browser */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { labFrame, labTab, runCommand, waitForLabReady } from "./workbench.mjs";

/** σ(2.5) = 0.92414181997875655… (PyTorch 1.13: test/fixtures/hover/torch.json), 6 decimals. */
const SIGMOID_2_5 = "0.924142";
const CALL = "torch.sigmoid(torch.tensor(2.5))";

/** The hover widget VS Code shows over the editor. */
function hoverWidget(page) {
  return page.locator(".monaco-hover:not(.hidden)").filter({ hasText: "Sigmoid" }).first();
}

/**
 * Opens a file of the sample workspace from the Explorer, as a user does (Go to File depends on
 * the file search, which may still be indexing right after the workbench loads).
 */
async function openFile(page, name) {
  const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: name }).first();
  await row.waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error(`${name} is not in the Explorer; is test/fixtures/workspace open?`);
  });
  await row.click();
  await page.locator(".tabs-container .tab.active", { hasText: name }).waitFor({ timeout: 10_000 });
}

/**
 * Screen coordinates of the character `offset` into the first occurrence of `text` on a visible
 * editor line, measured with a DOM Range over Monaco's rendered spans.
 */
async function characterPoint(page, text, offset, timeout = 10_000) {
  // :visible — a restored or background editor may hold the same line, laid out nowhere.
  const line = page.locator(".monaco-editor .view-line:visible", { hasText: text }).first();
  await line.waitFor({ timeout }).catch(() => {
    throw new Error(`no visible editor line shows "${text}" after ${timeout / 1000} s`);
  });
  const point = await line.evaluate(
    (element, { text, offset }) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let all = "";
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: all.length });
        all += node.textContent.replace(/\u00a0/g, " ");
      }
      const target = all.indexOf(text) + offset;
      if (target < offset) return undefined;
      const hit = nodes.findLast((n) => n.start <= target);
      const range = document.createRange();
      range.setStart(hit.node, target - hit.start);
      range.setEnd(hit.node, target - hit.start + 1);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    { text, offset },
  );
  assert.ok(point, `"${text}" is not on a rendered editor line`);
  return point;
}

export async function hoverShowsSigmoidOf2point5({ page }) {
  await runCommand(page, "View: Close All Editors");
  await openFile(page, "train.py");
  const hover = hoverWidget(page);
  // Right after the file opens the extension may still be activating, and a hover asked for
  // before that shows nothing until the mouse moves again: move off and back, as a user would.
  // The point is measured again each time: CodeLenses and decorations arrive and move lines.
  // A fresh window on a busy machine may take a while to show the file's text at all.
  await characterPoint(page, CALL, 0, 60_000);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const point = await characterPoint(page, CALL, "torch.sig".length);
    await page.mouse.move(point.x, point.y - 80);
    await page.mouse.move(point.x, point.y, { steps: 8 });
    const shown = await hover
      .waitFor({ state: "visible", timeout: 2500 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
    if (Date.now() > deadline) {
      throw new Error(`no Sigmoid Lab hover appeared over ${CALL} in train.py within 30 s`);
    }
  }
  const text = (await hover.textContent()) ?? "";
  assert.ok(text.includes(`σ(2.5) = ${SIGMOID_2_5}`), `the hover reads "${text}"`);
  assert.ok(text.includes("σ'(2.5) = 0.070104"), `the hover has no σ'(2.5): "${text}"`);
  const image = hover.locator('img[src^="data:image/svg+xml;base64,"]');
  assert.equal(await image.count(), 1, "the hover has no formula image");
  const size = await image.evaluate((img) => ({
    width: img.naturalWidth,
    height: img.naturalHeight,
    complete: img.complete,
  }));
  assert.ok(
    size.complete && size.width > 100 && size.height > 20,
    `the formula image did not load: ${JSON.stringify(size)}`,
  );
  return { image: `${size.width}×${size.height}` };
}

/** Saves the open hover (and the code around it) for README.md. */
export function savesHoverScreenshot(screenshotDir, name) {
  const named = {
    async [`savesScreenshot_${name}`]({ page }) {
      const hover = hoverWidget(page);
      const box = await hover.boundingBox();
      assert.ok(box, "no hover to photograph");
      const file = path.join(screenshotDir, `${name}.png`);
      const margin = 24;
      await page.screenshot({
        path: file,
        clip: {
          x: Math.max(0, box.x - margin),
          y: Math.max(0, box.y - margin),
          width: box.width + 2 * margin,
          height: box.height + 3 * margin,
        },
      });
      return path.relative(process.cwd(), file);
    },
  };
  return Object.values(named)[0];
}

export async function hoverLinkOpensTheLabAt2point5({ page }) {
  const link = hoverWidget(page).locator("a", { hasText: "Open in Sigmoid Lab" });
  await link.click({ timeout: 10_000 });
  await labTab(page).first().waitFor({ state: "visible", timeout: 15_000 });
  await waitForLabReady(page);
  const readout = labFrame(page).locator("#probe-readout");
  await readout
    .filter({ hasText: SIGMOID_2_5 })
    .waitFor({ timeout: 10_000 })
    .catch(async () => {
      throw new Error(
        `after the hover link #probe-readout reads "${await readout.textContent()}", expected σ(2.5) = ${SIGMOID_2_5}`,
      );
    });
}

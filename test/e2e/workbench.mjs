// What an e2e test does in the VS Code workbench: run a command from the palette, reach the Lab
// panel's page inside its two webview iframes, and read what a chart canvas has drawn.

/**
 * F1, type the command's title, pick exactly that command — as a user does. The palette ranks
 * fuzzy matches (typing "Preferences: Color Theme" puts "Preferences: Browse Color Themes in
 * Marketplace" first), so the row whose label is the title is clicked, never just the top one.
 * Right after the workbench loads the extensions' contributions may not be known yet, so the
 * palette is reopened until the command shows up (up to `timeout`).
 */
export async function runCommand(page, title, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  const input = page.locator(".quick-input-widget input.input");
  // A row's aria-label is its title, followed by ", <keybinding>" when it has one.
  const quoted = JSON.stringify(title);
  const exact = `[aria-label=${quoted}], [aria-label^=${JSON.stringify(`${title}, `)}]`;
  const row = page.locator(".quick-input-list .monaco-list-row").and(page.locator(exact)).first();
  for (;;) {
    await page.keyboard.press("F1");
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await input.fill(`>${title}`);
    const shown = await row
      .waitFor({ state: "visible", timeout: 2000 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
    await page.keyboard.press("Escape");
    if (Date.now() > deadline) {
      throw new Error(
        `the command palette shows no "${title}" after ${timeout / 1000} s; is the command contributed?`,
      );
    }
    await page.waitForTimeout(500);
  }
  await row.click();
}

/** "Developer: Reload Window", which saves the workbench state first as a user's reload does. */
export async function reloadWindow(page) {
  const navigated = page.waitForEvent("framenavigated", {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: 30_000,
  });
  await runCommand(page, "Developer: Reload Window");
  await navigated;
}

/** The Lab page: the webview's outer iframe, then VS Code's inner iframe#active-frame. */
export function labFrame(page) {
  return page.frameLocator("iframe.webview").first().frameLocator("iframe#active-frame");
}

/** Waits for the page to say it has drawn its first chart (body[data-ready=true]). */
export async function waitForLabReady(page, timeout = 30_000) {
  await labFrame(page)
    .locator("body[data-ready=true]")
    .waitFor({ state: "attached", timeout })
    .catch(() => {
      throw new Error(`the Lab page did not set body[data-ready=true] within ${timeout / 1000} s`);
    });
}

/**
 * Pixels a chart canvas has drawn: the canvas background is transparent, so every pixel with
 * alpha > 0 was painted by Chart.js. Also returns how many distinct colours there are and the
 * most frequent one, to tell a real chart from a filled rectangle and one theme from another.
 */
export async function canvasPixels(page, canvasSelector) {
  const canvas = labFrame(page).locator(canvasSelector);
  await canvas.waitFor({ state: "attached", timeout: 10_000 });
  return canvas.evaluate((element) => {
    const context = element.getContext("2d");
    if (!context)
      return { width: element.width, height: element.height, painted: 0, colours: 0, top: [] };
    const { data } = context.getImageData(0, 0, element.width, element.height);
    const counts = new Map();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      painted++;
      // Quantise to 4 bits per channel so anti-aliasing does not inflate the colour count.
      const key =
        ((data[i] >> 4) << 12) |
        ((data[i + 1] >> 4) << 8) |
        ((data[i + 2] >> 4) << 4) |
        (data[i + 3] >> 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([key, count]) => ({ rgba: key.toString(16).padStart(4, "0"), count }));
    return { width: element.width, height: element.height, painted, colours: counts.size, top };
  });
}

/** The tab of the Lab panel in the editor area. */
export function labTab(page) {
  return page.locator(".tabs-container .tab", { hasText: "Sigmoid Lab" });
}

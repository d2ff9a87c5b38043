// Sigmoid Lab in Korean, and the walkthrough, in a real VS Code (code-server) through Chromium.
//
// VS Code shows an extension's Korean strings (package.nls.ko.json, l10n/bundle.l10n.ko.json) only
// when Korean is an installed display language, and the Marketplace's Korean language pack cannot
// be downloaded here. So the server starts with `--locale ko` and a languagepacks.json that names
// test/fixtures/ko-language-pack, a pack that translates nothing of VS Code itself: the workbench
// stays English, while every extension gets locale ko — exactly what our strings need.
//
// Each test is a small named function that throws with a message saying what was expected.
// Run alone with `node test/e2e/reach.e2e.mjs` (it starts its own Korean code-server).
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { hoverShowsSigmoidOf2point5 } from "./hover.e2e.mjs";
import { labFrame, labTab, runCommand, waitForLabReady } from "./workbench.mjs";

const PACK = { id: "sigmoid-lab-test.vscode-language-pack-ko-test", version: "1.0.0" };

/** startCodeServer() options for a workbench whose display language is Korean. */
export function koreanCodeServerOptions(repoRoot, folderName) {
  const pack = path.join(repoRoot, "test", "fixtures", "ko-language-pack");
  // The file VS Code's server reads at start to learn the installed language packs; it writes it
  // itself only after installing a pack through the Marketplace.
  const languagePacks = {
    ko: {
      hash: "sigmoid-lab-test-ko-1",
      label: "한국어",
      extensions: [{ extensionIdentifier: { id: PACK.id }, version: PACK.version }],
      translations: { vscode: path.join(pack, "translations", "main.i18n.json") },
    },
  };
  return {
    args: ["--locale", "ko"],
    userDataFiles: { "languagepacks.json": JSON.stringify(languagePacks) },
    extensions: [
      { path: repoRoot, folderName },
      { path: pack, folderName: `${PACK.id}-${PACK.version}` },
    ],
  };
}

const manifestNls = async (repoRoot, lang) =>
  JSON.parse(
    await fs.readFile(
      path.join(repoRoot, lang === "en" ? "package.nls.json" : `package.nls.${lang}.json`),
      "utf8",
    ),
  );

/** The walkthrough's steps in package.json, with the Korean title and button labels of each. */
async function walkthroughSteps(repoRoot) {
  const manifest = JSON.parse(await fs.readFile(path.join(repoRoot, "package.json"), "utf8"));
  const ko = await manifestNls(repoRoot, "ko");
  const [walkthrough] = manifest.contributes.walkthroughs;
  const key = (value) => value.replace(/^%|%$/g, "");
  return {
    id: walkthrough.id,
    title: ko[key(walkthrough.title)],
    steps: walkthrough.steps.map((step) => {
      const description = ko[key(step.description)];
      const buttons = [
        ...description.matchAll(/^\[([^\]]+)\]\(command:sigmoidLab\.open\?(.+)\)$/gm),
      ];
      return {
        id: step.id,
        title: ko[key(step.title)],
        buttons: buttons.map((m) => ({
          label: m[1],
          intent: JSON.parse(decodeURIComponent(m[2]))[0],
        })),
      };
    }),
  };
}

export function paletteShowsKoreanCommandTitles(repoRoot) {
  return async function paletteShowsKoreanCommandTitles({ page }) {
    const ko = await manifestNls(repoRoot, "ko");
    // runCommand picks the row titled exactly so: it fails if only the English title is shown.
    await runCommand(page, `Sigmoid Lab: ${ko["command.openActivations"]}`, 60_000);
    await labTab(page).first().waitFor({ state: "visible", timeout: 15_000 });
    await waitForLabReady(page);
    const selected = labFrame(page).locator("#tab-activations[aria-selected=true]");
    await selected.waitFor({ timeout: 10_000 }).catch(() => {
      throw new Error("the Korean palette command did not open the Activations view");
    });
    return ko["command.openActivations"];
  };
}

/** The Lab page's Korean table, webview/i18n/ko.json: "key": "text". */
async function koreanPageTable(repoRoot) {
  return JSON.parse(await fs.readFile(path.join(repoRoot, "webview", "i18n", "ko.json"), "utf8"));
}

/** The Lab page speaks Korean: tabs, export buttons and the Activations view's controls. */
export function panelSpeaksKorean(repoRoot) {
  return async function panelSpeaksKorean({ page }) {
    const ko = await koreanPageTable(repoRoot);
    await runCommand(page, "Sigmoid Lab: 활성화 함수 열기");
    await waitForLabReady(page);
    const frame = labFrame(page);
    const expected = [
      ["#tab-activations", ko["view.activations"]],
      ["#tab-recurrent", ko["view.recurrent"]],
      ["label[for=probe-x]", ko["activations.probe"]],
      ["#probe-words", ko["activations.words"].slice(0, 12)],
    ];
    for (const [selector, text] of expected) {
      const actual = (await frame.locator(selector).first().textContent()) ?? "";
      if (!actual.includes(text)) {
        throw new Error(`the Lab page's ${selector} reads "${actual}", not "${text}"`);
      }
    }
    await page.screenshot({
      path: path.join(repoRoot, "test-results", "screenshots", "lab-ko.png"),
    });
    return expected.map(([, text]) => text).join(" · ");
  };
}

/**
 * What a view must read in Korean, by stable ids and roles: a heading or label (`text`), a chart's
 * accessible name (`name`), a data table's header cell (`header`), each against webview/i18n/ko.json.
 */
const KOREAN_VIEWS = [
  {
    view: "vanishing",
    command: "command.openVanishing",
    chart: "#chart-vanishing",
    text: [
      ["label[for=depth]", "vanishing.depth"],
      ["label[for=vanishing-mode]", "vanishing.mode"],
      ["#vanishing-readout", "vanishing.readout", 8],
    ],
    name: "vanishing.chartLabel",
    header: ["#view-vanishing details.data-table th", "vanishing.table.layer"],
  },
  {
    view: "softmax",
    command: "command.openSoftmax",
    chart: "#chart-softmax",
    text: [
      ["#softmax-heading", "softmax.heading"],
      ["#logistic-heading", "softmax.logisticHeading"],
      ["label[for=target-class]", "softmax.target"],
    ],
    name: "softmax.barsLabel",
    header: ["#cross-entropy-steps th", "softmax.table.class"],
  },
  {
    view: "recurrent",
    command: "command.openRecurrent",
    chart: "#chart-recurrent-gradient",
    text: [
      ["label[for=recurrent-hidden]", "recurrent.hidden"],
      ["#recurrent-gradient-heading", "recurrent.gradient.heading"],
      ["#recurrent-weights option[value=remember]", "recurrent.weights.remember"],
    ],
    name: "recurrent.gradient.chartLabel",
    header: ["#recurrent-equations th:nth-child(2)", "recurrent.equations.formula"],
  },
];

/** Opens each of the three views from its Korean palette command and reads its Korean words. */
export function viewSpeaksKorean(repoRoot, spec) {
  const name = `${spec.view}ViewSpeaksKorean`;
  const run = async ({ page }) => {
    const ko = await koreanPageTable(repoRoot);
    const nls = await manifestNls(repoRoot, "ko");
    await runCommand(page, `Sigmoid Lab: ${nls[spec.command]}`);
    await waitForLabReady(page);
    const frame = labFrame(page);
    await frame
      .locator(`#tab-${spec.view}[aria-selected=true]`)
      .waitFor({ timeout: 15_000 })
      .catch(() => {
        throw new Error(`"${nls[spec.command]}" did not show the ${spec.view} view`);
      });
    await frame
      .locator(`body[data-chart-${spec.view}=drawn]`)
      .waitFor({ state: "attached", timeout: 30_000 })
      .catch(() => {
        throw new Error(`the ${spec.view} view never reported a finished chart`);
      });
    const read = [];
    for (const [selector, key, prefix] of spec.text) {
      // A sentence with numbers in it is compared up to its first placeholder.
      const expected = prefix ? ko[key].slice(0, prefix) : ko[key];
      const actual = (await frame.locator(selector).first().textContent()) ?? "";
      if (!actual.includes(expected)) {
        throw new Error(`${spec.view}: ${selector} reads "${actual}", not "${expected}"`);
      }
      read.push(expected);
    }
    const figure = frame.locator(`[role=img]:has(${spec.chart})`);
    const accessibleName = (await figure.getAttribute("aria-label")) ?? "";
    if (accessibleName !== ko[spec.name]) {
      throw new Error(
        `${spec.view}: the chart is named "${accessibleName}", not "${ko[spec.name]}"`,
      );
    }
    // A chart's data table (a closed <details>) is filled when it is opened
    // (webview/charts/lazyTable.ts): open them, as a reader would, then read the header.
    await frame
      .locator(`#view-${spec.view} details.data-table`)
      .evaluateAll((all) => all.forEach((details) => details.setAttribute("open", "")));
    const [headerSelector, headerKey] = spec.header;
    const header = (await frame.locator(headerSelector).first().textContent()) ?? "";
    if (header !== ko[headerKey]) {
      throw new Error(`${spec.view}: the table header reads "${header}", not "${ko[headerKey]}"`);
    }
    const shot = path.join(repoRoot, "test-results", "screenshots", `lab-${spec.view}-ko.png`);
    await page.screenshot({ path: shot });
    return `${read.join(" · ")} · ${header}; ${path.relative(repoRoot, shot)}`;
  };
  // An arrow defined in a computed key takes the key as its name, which the runner prints.
  return { [name]: (context) => run(context) }[name];
}

/** Welcome: Open Walkthrough… → our walkthrough, by its Korean title; every step is listed. */
export function walkthroughOpensInKorean(repoRoot) {
  return async function walkthroughOpensInKorean({ page }) {
    const walkthrough = await walkthroughSteps(repoRoot);
    await runCommand(page, "View: Close All Editors");
    await runCommand(page, "Welcome: Open Walkthrough...");
    const input = page.locator(".quick-input-widget input.input");
    await input.fill(walkthrough.title.slice(0, 12));
    const row = page
      .locator(".quick-input-list .monaco-list-row", { hasText: walkthrough.title })
      .first();
    await row.waitFor({ timeout: 15_000 }).catch(() => {
      throw new Error(`"Open Walkthrough" lists no "${walkthrough.title}"`);
    });
    await row.click();
    const container = page.locator(".gettingStartedContainer");
    for (const step of walkthrough.steps) {
      await container
        .locator(".getting-started-step", { hasText: step.title })
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => {
          throw new Error(`the walkthrough shows no step titled "${step.title}"`);
        });
    }
    const shot = path.join(repoRoot, "test-results", "screenshots", "walkthrough-ko.png");
    await page.screenshot({ path: shot });
    return `${walkthrough.steps.length} steps; ${path.relative(repoRoot, shot)}`;
  };
}

/** What the Lab page shows after an intent: its view's tab selected, and the prepared value. */
async function assertLabShows(page, intent, where) {
  const frame = labFrame(page);
  await frame
    .locator(`#tab-${intent.view}[aria-selected=true]`)
    .waitFor({ timeout: 15_000 })
    .catch(() => {
      throw new Error(`${where}: the Lab did not show the ${intent.view} view`);
    });
  const expect = async (selector, value) => {
    const deadline = Date.now() + 10_000;
    let actual;
    while (Date.now() < deadline) {
      actual = await frame.locator(selector).inputValue();
      if (Number(actual) === value || actual === value) return;
      await page.waitForTimeout(200);
    }
    throw new Error(`${where}: ${selector} is ${JSON.stringify(actual)}, not ${value}`);
  };
  if (intent.x !== undefined) await expect("#probe-x", intent.x);
  if (intent.depth !== undefined) await expect("#depth", intent.depth);
  if (intent.cell !== undefined) await expect("#recurrent-cell", intent.cell);
}

/** Each step's button opens its view with the state the step prepares. */
export function everyWalkthroughButtonOpensItsView(repoRoot) {
  return async function everyWalkthroughButtonOpensItsView({ page }) {
    const walkthrough = await walkthroughSteps(repoRoot);
    const container = page.locator(".gettingStartedContainer");
    let clicked = 0;
    for (const step of walkthrough.steps) {
      for (const button of step.buttons) {
        // The walkthrough's editor tab may be behind the Lab's after the previous button.
        if (!(await container.isVisible())) {
          await page.locator(".tabs-container .tab", { hasText: "Welcome" }).first().click();
        }
        const stepTitle = container.locator(".getting-started-step", { hasText: step.title });
        await stepTitle.first().click();
        const link = container
          .locator(".getting-started-step.expanded")
          .getByRole("button", { name: button.label });
        await link.first().click({ timeout: 10_000 });
        await labTab(page).first().waitFor({ state: "visible", timeout: 15_000 });
        await waitForLabReady(page);
        await assertLabShows(page, button.intent, `step "${step.id}", button "${button.label}"`);
        clicked++;
      }
    }
    return `${clicked} buttons`;
  };
}

/** The σ(2.5) hover over train.py speaks Korean: media/formulas/terms.ko.json's words. */
export function hoverSpeaksKorean(repoRoot) {
  return async function hoverSpeaksKorean({ page }) {
    const ko = JSON.parse(
      await fs.readFile(path.join(repoRoot, "media", "formulas", "terms.ko.json"), "utf8"),
    );
    await hoverShowsSigmoidOf2point5({ page });
    const text = (await page.locator(".monaco-hover:not(.hidden)").first().textContent()) ?? "";
    for (const expected of [ko.terms.sigmoid.title, ko.labels.derivative]) {
      if (!text.includes(expected)) {
        throw new Error(`the hover does not say "${expected}": "${text.slice(0, 300)}"`);
      }
    }
    const shot = path.join(repoRoot, "test-results", "screenshots", "hover-ko.png");
    await page.screenshot({ path: shot });
    return ko.terms.sigmoid.title;
  };
}

/** The SL001 problem under `torch.softmax(logits, dim=1)` in train.py is worded in Korean. */
export function diagnosticSpeaksKorean(repoRoot) {
  return async function diagnosticSpeaksKorean({ page }) {
    const ko = JSON.parse(
      await fs.readFile(path.join(repoRoot, "l10n", "bundle.l10n.ko.json"), "utf8"),
    );
    const english = Object.keys(ko).find((key) => key.startsWith("softmax output reaches Cross"));
    const expected = ko[english].slice(0, 40);
    // train.py is open after the hover test; the softmax token sits on the flagged line.
    const token = page
      .locator(".monaco-editor .view-line:visible", { hasText: "torch.softmax(logits" })
      .first()
      .locator("span span", { hasText: /softmax/ })
      .first();
    await page.keyboard.press("Escape");
    const hover = page.locator(".monaco-hover:not(.hidden)", { hasText: "SL001" }).first();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const box = await token.boundingBox({ timeout: 10_000 });
      if (!box) throw new Error("the softmax on the flagged line of train.py is not on screen");
      await page.mouse.move(box.x + box.width / 2, box.y - 60);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 6 });
      const shown = await hover
        .waitFor({ state: "visible", timeout: 2500 })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
      if (Date.now() > deadline) throw new Error("no SL001 hover over the softmax within 30 s");
    }
    const text = (await hover.textContent()) ?? "";
    if (!text.includes(expected)) {
      throw new Error(`the SL001 problem does not read "${expected}…": "${text.slice(0, 300)}"`);
    }
    await page.screenshot({
      path: path.join(repoRoot, "test-results", "screenshots", "diagnostic-ko.png"),
    });
    return expected;
  };
}

/** analysis_samples.py's depth CodeLens and its SL005 problem, worded by l10n/bundle.l10n.ko.json. */
export function codeLensAndSL005SpeakKorean(repoRoot) {
  return async function codeLensAndSL005SpeakKorean({ page }) {
    const ko = JSON.parse(
      await fs.readFile(path.join(repoRoot, "l10n", "bundle.l10n.ko.json"), "utf8"),
    );
    // The four-sigmoid nn.Sequential of analysis_samples.py: 0.25^4 = 0.00390625 → "0.0039".
    const lens = ko["{0} — gradient to the first layer ≤ 0.25^{1} = {2}"]
      .replace("{0}", ko["{0} sigmoid layers"].replace("{0}", "4"))
      .replace("{1}", "4")
      .replace("{2}", "0.0039");
    const simulate = ko["Simulate this network"];
    const sl005 = ko[
      "{0} sigmoid/tanh layers stacked with no normalisation or residual in between: {1}"
    ].replace("{0}", "4");
    const file = "analysis_samples.py";
    await page.keyboard.press("Escape");
    await runCommand(page, "View: Close All Editors");
    const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: file }).first();
    await row.click({ timeout: 15_000 });
    const decoration = page
      .locator(".monaco-editor .codelens-decoration", { hasText: lens })
      .first();
    await decoration.waitFor({ state: "visible", timeout: 30_000 }).catch(async () => {
      const shown = await page.locator(".monaco-editor .codelens-decoration").allTextContents();
      throw new Error(`no CodeLens reads "${lens}"; shown: ${JSON.stringify(shown.slice(0, 4))}`);
    });
    const text = (await decoration.textContent()) ?? "";
    if (!text.includes(simulate)) throw new Error(`the CodeLens has no "${simulate}": "${text}"`);
    // The Problems panel lists SL005 (information) with its Korean message.
    await runCommand(page, "View: Focus Problems (Errors, Warnings, Infos)");
    const problem = page
      .locator(".markers-panel .monaco-list-row", { hasText: sl005.slice(0, 30) })
      .first();
    await problem.waitFor({ state: "visible", timeout: 15_000 }).catch(async () => {
      const rows = await page.locator(".markers-panel .monaco-list-row").allTextContents();
      throw new Error(`no problem reads "${sl005.slice(0, 30)}…"; rows: ${JSON.stringify(rows)}`);
    });
    await page.screenshot({
      path: path.join(repoRoot, "test-results", "screenshots", "analysis-ko.png"),
    });
    return `${text} · ${sl005.slice(0, 30)}…`;
  };
}

/** The tests, in order, for a Korean workbench. */
export function reachTests(repoRoot) {
  return [
    paletteShowsKoreanCommandTitles(repoRoot),
    panelSpeaksKorean(repoRoot),
    ...KOREAN_VIEWS.map((spec) => viewSpeaksKorean(repoRoot, spec)),
    walkthroughOpensInKorean(repoRoot),
    everyWalkthroughButtonOpensItsView(repoRoot),
    hoverSpeaksKorean(repoRoot),
    diagnosticSpeaksKorean(repoRoot),
    codeLensAndSL005SpeakKorean(repoRoot),
  ];
}

// ── Standalone: node test/e2e/reach.e2e.mjs ──────────────────────────────────────────────────
const self = new URL(import.meta.url).pathname;
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const { launchChromium, openWorkbench } = await import("../harness/browser.mjs");
  const { buildExtension } = await import("../harness/build.mjs");
  const { repoRoot, startCodeServer } = await import("../harness/code-server.mjs");
  const manifest = JSON.parse(await fs.readFile(path.join(repoRoot, "package.json"), "utf8"));
  const folderName = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
  const screenshots = path.join(repoRoot, "test-results", "screenshots");
  await fs.mkdir(screenshots, { recursive: true });
  await buildExtension();
  const server = await startCodeServer(koreanCodeServerOptions(repoRoot, folderName));
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    const workspace = path.join(repoRoot, "test", "fixtures", "workspace");
    const page = await openWorkbench(browser, server.folderUrl(workspace));
    for (const test of reachTests(repoRoot)) {
      const started = Date.now();
      try {
        const detail = await test({ page, server });
        console.log(`  ✔ ko: ${test.name} (${Date.now() - started} ms) → ${detail ?? ""}`);
        passed++;
      } catch (error) {
        failed++;
        const shot = path.join(screenshots, `failed-ko-${test.name}.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        console.log(`  ✘ ko: ${test.name} (${Date.now() - started} ms)\n    ${error.message}`);
      }
    }
    await page.screenshot({ path: path.join(screenshots, "reach-ko.png") });
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

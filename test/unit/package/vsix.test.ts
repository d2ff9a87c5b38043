// What `npm run package` puts in the VSIX: vsce's own file listing (the same function `vsce ls`
// and `vsce package` use, applied to .vscodeignore) checked against an allow-list, so a source
// file, a test, a source map or node_modules never ships. No build and no network: on a clean
// clone dist/ is absent and the listing simply has no bundles; the size bound is checked when the
// bundles exist.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { deflateRawSync } from "node:zlib";
import { PackageManager, listFiles } from "@vscode/vsce";

const root = path.resolve(import.meta.dirname, "../../..");

/** Every file the VSIX may hold; anything else in the listing fails the test. */
const ALLOWED: readonly RegExp[] = [
  /^package\.json$/,
  /^package\.nls(\.[a-z]{2}(-[a-z]{2})?)?\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^dist\/extension\.js$/,
  /^dist\/web\/extension\.js$/,
  /^dist\/webview\/main\.(js|css)$/,
  // The LSTM & GRU view's gradient worker and the Vanishing gradients view's, started by the page.
  /^dist\/webview\/(recurrent|vanishing)Worker\.js$/,
  // The page's words, one table per language, read by the host (src/panel/pageWords.ts).
  /^dist\/webview\/i18n\/[a-z]{2,3}\.json$/,
  /^dist\/analysis\/tree-sitter(-python)?\.wasm$/,
  // The desktop build's tree-sitter runtime, loaded beside the bundle on the first analysis.
  /^dist\/analysis\/web-tree-sitter\.js$/,
  // The browser build's, an ES module imported by URL on the first analysis (vscode.dev).
  /^dist\/web\/web-tree-sitter\.js$/,
  /^media\/icon\.png$/,
  /^media\/formulas\/[\w-]+\.svg$/,
  /^media\/formulas\/terms(\.[a-z]{2})?\.json$/,
  /^media\/walkthrough\/[\w-]+\.png$/,
  /^l10n\/bundle\.l10n(\.[a-z]{2}(-[a-z]{2})?)?\.json$/,
];

/** Shapes that must never ship, named so a failure says why. */
const FORBIDDEN: readonly [RegExp, string][] = [
  [/(^|\/)node_modules\//, "node_modules"],
  [/\.map$/, "a source map"],
  [/\.tsx?$/, "a TypeScript source"],
  [/^(src|test|webview|scripts|out|test-results)\//, "sources, tests or build output"],
  [/\.vsix$/, "a packaged VSIX"],
];

/** The Marketplace's limit for us is our own budget: the whole VSIX under 2 MB. */
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
/** A walkthrough image is shown at about 760 px wide; more bytes than this is waste. */
const MAX_WALKTHROUGH_IMAGE_BYTES = 150 * 1024;

async function vsixFiles(): Promise<string[]> {
  const files = await listFiles({ cwd: root, packageManager: PackageManager.None });
  return files.map((f) => f.replace(/\\/g, "/")).sort();
}

test("every file in the VSIX is on the allow-list", async () => {
  const files = await vsixFiles();
  const unexpected = files.filter((f) => !ALLOWED.some((pattern) => pattern.test(f)));
  assert.deepEqual(unexpected, [], `files outside the allow-list: ${unexpected.join(", ")}`);
  for (const file of files) {
    for (const [pattern, what] of FORBIDDEN) {
      assert.ok(!pattern.test(file), `${file} is ${what} and must not ship`);
    }
  }
});

test("the manifest, its translations, the icon and the docs are in the VSIX", async () => {
  const files = new Set(await vsixFiles());
  for (const f of [
    "package.json",
    "package.nls.json",
    "package.nls.ko.json",
    "media/icon.png",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
  ]) {
    assert.ok(files.has(f), `${f} is missing from the VSIX`);
  }
});

test("every image the walkthrough names ships, each under 150 KB", async () => {
  const files = new Set(await vsixFiles());
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    contributes: { walkthroughs?: { steps: { media: { image?: Record<string, string> } }[] }[] };
  };
  const images = new Set<string>();
  for (const walkthrough of manifest.contributes.walkthroughs ?? []) {
    for (const step of walkthrough.steps) {
      for (const image of Object.values(step.media.image ?? {})) images.add(image);
    }
  }
  assert.ok(images.size > 0, "the walkthrough names no images");
  for (const image of images) {
    assert.ok(files.has(image), `${image} is named by the walkthrough but not in the VSIX`);
    const bytes = fs.statSync(path.join(root, image)).size;
    assert.ok(bytes <= MAX_WALKTHROUGH_IMAGE_BYTES, `${image} is ${bytes} bytes`);
  }
});

test("the bundles the manifest names ship, and the VSIX they make is under 2 MB", async (t) => {
  const files = await vsixFiles();
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    main: string;
    browser: string;
  };
  const bundles = [manifest.main, manifest.browser].map((p) => path.posix.normalize(p));
  if (!bundles.every((b) => fs.existsSync(path.join(root, b)))) {
    t.skip("dist/ is not built (npm run build)");
    return;
  }
  // Beside them, the tree-sitter runtimes each build loads on its first analysis.
  bundles.push("dist/analysis/web-tree-sitter.js", "dist/web/web-tree-sitter.js");
  // The Lab page and its words in each language (the host reads one of them for the page's HTML).
  bundles.push("dist/webview/main.js", "dist/webview/i18n/en.json", "dist/webview/i18n/ko.json");
  for (const bundle of bundles) assert.ok(files.includes(bundle), `${bundle} is not in the VSIX`);
  // A VSIX is a zip of these files deflated one by one, plus two small XML files vsce writes and
  // about 100 bytes of headers a file: this sum is the VSIX's size within a few KB, without
  // packaging. A development build (unminified) is bigger than what `npm run package` ships.
  const bytes = files.reduce(
    (sum, f) =>
      sum + 100 + deflateRawSync(fs.readFileSync(path.join(root, f)), { level: 9 }).length,
    8 * 1024,
  );
  assert.ok(bytes < MAX_VSIX_BYTES, `the VSIX would be about ${bytes} bytes`);
});

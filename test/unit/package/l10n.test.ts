// Every user-facing string exists in English and Korean, and none is left out of the tables:
// - the manifest: package.json's %keys% ↔ package.nls.json ↔ package.nls.ko.json;
// - extension messages: every vscode.l10n.t(...) in src/ is in l10n/bundle.l10n.json (extracted
//   again here with @vscode/l10n-dev, so a stale bundle fails) ↔ l10n/bundle.l10n.ko.json, with
//   the same {0} placeholders;
// - hovers: media/formulas/terms.json ↔ terms.ko.json, key for key;
// - the webview's tables, webview/i18n/<lang>.json;
// - and in src/, a title, save label or notification written as a bare string literal fails.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { getL10nJson } from "@vscode/l10n-dev";
import { checkMessages } from "../../../src/shared/pageWords";

const root = path.resolve(import.meta.dirname, "../../..");
const LANGUAGES = ["ko"] as const;

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
}

/** Every leaf's path ("terms.sigmoid.title"), so nested tables compare key for key. */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    leafPaths(inner, prefix ? `${prefix}.${key}` : key),
  );
}

function assertSameKeys(base: unknown, translated: unknown, what: string): void {
  const a = new Set(leafPaths(base));
  const b = new Set(leafPaths(translated));
  const missing = [...a].filter((k) => !b.has(k));
  const extra = [...b].filter((k) => !a.has(k));
  assert.deepEqual(missing, [], `${what}: keys with no translation: ${missing.join(", ")}`);
  assert.deepEqual(extra, [], `${what}: translated keys that English lacks: ${extra.join(", ")}`);
}

/** The value of a bundle entry: a string, or { message, comment } for entries with comments. */
function messageOf(entry: unknown): string {
  if (typeof entry === "string") return entry;
  if (typeof entry === "object" && entry !== null && "message" in entry) {
    return String((entry as { message: unknown }).message);
  }
  throw new TypeError(`bundle entry ${JSON.stringify(entry)} is neither a string nor a message`);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true })
    .map((name) => path.join(dir, String(name)).replace(/\\/g, "/"))
    .filter((file) => file.endsWith(".ts"))
    .sort();
}

test("every %key% in package.json is in package.nls.json, and every language has every key", () => {
  const manifest = fs.readFileSync(path.join(root, "package.json"), "utf8");
  const english = readJson("package.nls.json") as Record<string, string>;
  const used = [...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
  const undefinedKeys = used.filter((key) => !(key in english));
  assert.deepEqual(undefinedKeys, [], `package.json names keys package.nls.json lacks`);
  for (const lang of LANGUAGES) {
    assertSameKeys(english, readJson(`package.nls.${lang}.json`), `package.nls.${lang}.json`);
  }
});

test("l10n/bundle.l10n.json holds exactly the vscode.l10n.t strings in src/", async () => {
  const extracted = await getL10nJson(
    sourceFiles("src").map((file) => ({
      contents: fs.readFileSync(path.join(root, file), "utf8"),
      extension: ".ts",
    })),
  );
  const bundle = readJson("l10n/bundle.l10n.json");
  assert.deepEqual(
    Object.keys(bundle as object).sort(),
    Object.keys(extracted).sort(),
    "l10n/bundle.l10n.json is stale: run npx @vscode/l10n-dev export --outDir ./l10n ./src",
  );
});

test("every l10n bundle has every key, with the same {0} placeholders", () => {
  const english = readJson("l10n/bundle.l10n.json") as Record<string, unknown>;
  for (const lang of LANGUAGES) {
    const translated = readJson(`l10n/bundle.l10n.${lang}.json`) as Record<string, unknown>;
    assertSameKeys(english, translated, `l10n/bundle.l10n.${lang}.json`);
    for (const [key, entry] of Object.entries(english)) {
      assert.deepEqual(
        placeholders(messageOf(translated[key])),
        placeholders(messageOf(entry)),
        `bundle.l10n.${lang}.json: ${JSON.stringify(key)} has other placeholders`,
      );
    }
  }
});

test("the hover texts (media/formulas/terms*.json) have every key in every language", () => {
  const english = readJson("media/formulas/terms.json");
  for (const lang of LANGUAGES) {
    assertSameKeys(english, readJson(`media/formulas/terms.${lang}.json`), `terms.${lang}.json`);
  }
});

test("the webview's string table (webview/i18n/*.json) has every key in every language", () => {
  const table = (lang: string) => {
    const value = readJson(`webview/i18n/${lang}.json`);
    const checked = checkMessages(value, `webview/i18n/${lang}.json`);
    assert.ok(checked.ok, checked.ok ? "" : checked.error);
    return checked.value;
  };
  const english = table("en");
  assert.ok(Object.keys(english).length > 100, "webview/i18n/en.json holds almost no texts");
  for (const lang of LANGUAGES) {
    const translated = table(lang);
    assertSameKeys(english, translated, `webview/i18n/${lang}.json`);
    for (const [key, text] of Object.entries(english)) {
      assert.deepEqual(
        placeholders(translated[key]),
        placeholders(text),
        `webview/i18n/${lang}.json: ${key} has other placeholders`,
      );
    }
  }
});

/**
 * The places in the extension host where VS Code shows our text to the user. A bare literal there
 * is a string nobody translated; `vscode.l10n.t("…")` (or a value from a table) passes.
 */
const UNLOCALISED: readonly [RegExp, string][] = [
  [/\bshow(Error|Warning|Information)Message\(\s*["'`]/g, "a notification"],
  [/\btitle:\s*["'`]/g, "a title (CodeLens, command, code action)"],
  [/\bsaveLabel:\s*["'`]/g, "a save dialog's button"],
  [/new vscode\.CodeAction\(\s*["'`]/g, "a code action's title"],
  // The product's name is not translated.
  [/\bcreateWebviewPanel\([^,]+,\s*["'`](?!Sigmoid Lab["'`])/g, "a panel's title"],
  [/\bappend(Markdown|Text)\(\s*["'`][^"'`]*?\b[A-Za-z]{2,} [A-Za-z]{2,}/g, "hover text"],
];

/** Comments blanked out (same length, newlines kept), so line numbers still match. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, " "));
}

test("no notification, title, label or hover text in src/ is a bare string literal", () => {
  const problems: string[] = [];
  for (const file of sourceFiles("src")) {
    const text = withoutComments(fs.readFileSync(path.join(root, file), "utf8"));
    if (!/from "vscode"/.test(text)) continue; // only the extension host shows text to the user
    for (const [pattern, what] of UNLOCALISED) {
      for (const match of text.matchAll(pattern)) {
        const line = text.slice(0, match.index).split("\n").length;
        problems.push(`${file}:${line}: ${what}: ${match[0].replace(/\s+/g, " ")}`);
      }
    }
  }
  assert.deepEqual(
    problems,
    [],
    `strings not passed through vscode.l10n.t:\n${problems.join("\n")}`,
  );
});

test("every English literal in src/analysis/localize.ts is still a rule's or the CodeLens's text", () => {
  const localize = fs.readFileSync(path.join(root, "src/analysis/localize.ts"), "utf8");
  const rules = [...sourceFiles("src/analysis/rules"), "src/analysis/lens.ts"]
    .map((file) => fs.readFileSync(path.join(root, file), "utf8"))
    .join("\n");
  const literals = [...localize.matchAll(/vscode\.l10n\.t\(\s*"((?:[^"\\]|\\.)*)"/g)].map(
    (m) => JSON.parse(`"${m[1]}"`) as string,
  );
  assert.ok(literals.length > 0, "no vscode.l10n.t literals found in localize.ts");
  for (const literal of literals) {
    // `{0}` in the bundle is a `${…}` in the rule's template literal.
    const pattern = literal
      .split(/\{\d+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("\\$\\{[^}]+\\}");
    assert.match(
      rules,
      new RegExp(pattern),
      `no rule or lens says ${JSON.stringify(literal)} any more`,
    );
  }
});

/**
 * The places in the Lab page's code where text reaches the user: labels, captions, status and
 * readout texts, chart legends (a dataset's `label`) and axis titles (a scale's `title.text`, set
 * or assigned), tooltips, error results, text drawn on a canvas and the text children of elements
 * built with h(). A string there written as English words (two or more in a row) was not passed
 * through t(); formulas such as "tanh(x)" or "d/dx σ(kx)" and code (h("code", …)) are the same in
 * every language and pass.
 */
const PAGE_TEXT = new RegExp(
  [
    /\b(label|caption|text|title|name|error|placeholder)\s*:/.source,
    /"aria-[a-z]+"\s*:/.source,
    /setAttribute\(\s*"(aria-[a-z]+|title)"\s*,/.source,
    /(textContent|\.text|\btitle)\s*=/.source,
    /\bh\(\s*"(?!code")[a-z0-9]+"\s*,\s*\{[^{}]*\}\s*,(?:\s*[\w.#]+\s*,)*/.source,
    /\bnew Error\(/.source,
    /\bfillText\(/.source,
  ]
    .map((place) => `(?:${place})`)
    .join("|")
    .replace(/^/, "(?:")
    .concat(String.raw`)\s*["'\`][^"'\`]*?[A-Za-z]{2,} [A-Za-z]{2,}`),
  "g",
);

test("the Lab page's labels, legends, axis titles and status texts come from webview/i18n", () => {
  const problems: string[] = [];
  for (const file of sourceFiles("webview")) {
    if (file.startsWith("webview/i18n/") || file.startsWith("webview/export/")) continue;
    const text = withoutComments(fs.readFileSync(path.join(root, file), "utf8"));
    for (const match of text.matchAll(PAGE_TEXT)) {
      const line = text.slice(0, match.index).split("\n").length;
      problems.push(`${file}:${line}: ${match[0].replace(/\s+/g, " ")}`);
    }
  }
  assert.deepEqual(problems, [], `Lab page text not in webview/i18n:\n${problems.join("\n")}`);
});

test("the Lab page text pattern finds English legends, axis titles and labels", () => {
  // Each line is how a view would write an untranslated string; each must be found.
  const untranslated = [
    `label: "gradient norm per layer",`,
    `title: { display: true, text: "training step" },`,
    `axes.x!.title!.text = "layer (1 = nearest the input)";`,
    `this.readout.textContent = \`Layer 1 gets the gradient\`;`,
    `h("button", { type: "button", class: "secondary" }, "New seed")`,
    `h("label", { for: "classes" }, "the model")`,
    `figure.setAttribute("aria-description", \`Gradient at t = 0\`);`,
    `map.canvas.title = \`unit at t = 0\`;`,
    `{ ok: false, error: "typed inputs: expected at least one row" }`,
    `throw new Error("nothing computed yet");`,
    `c.fillText("first unit", plot.x - 8, plot.y);`,
  ];
  for (const line of untranslated) {
    assert.equal([...line.matchAll(PAGE_TEXT)].length, 1, `not caught: ${line}`);
  }
  // Formulas and translated text pass.
  for (const line of [
    `label: "σ(kx)",`,
    `title: { display: true, text: t("vanishing.axis.layer") },`,
    `h("label", { for: "point-x" }, "x")`,
    `h("code", {}, "json.dumps({k: v.tolist() for k, v in model.state_dict().items()})")`,
    `label: "d/dx σ(kx) = k·σ(1−σ)",`,
  ]) {
    assert.equal([...line.matchAll(PAGE_TEXT)].length, 0, `caught by mistake: ${line}`);
  }
});

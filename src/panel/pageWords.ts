// The host's half of the page's words: reads the display language's table from dist/webview/i18n
// with workspace.fs (the desktop and the browser build alike) and completes it from English, so
// the page gets one whole table in its HTML (src/shared/pageWords.ts).
import * as vscode from "vscode";
import { type Checked, type PageWords, checkMessages, translatedWords } from "../shared/pageWords";
import { log } from "../log";

/**
 * The words for `locale`, read once per extension host and kept. A read goes through the
 * workbench's file service: in code-server a round trip from the extension host through the
 * browser to the server and back, 100–180 ms measured, and the panel's HTML waits for it. The
 * tables change only with the extension, which restarts the extension host.
 */
export function pageWords(webviewRoot: vscode.Uri, locale: string): Promise<PageWords> {
  const key = `${webviewRoot.toString()} ${locale}`;
  let words = wordsRead.get(key);
  if (!words) wordsRead.set(key, (words = readPageWords(webviewRoot, locale)));
  return words;
}
const wordsRead = new Map<string, Promise<PageWords>>();

/** The words for `locale` ("ko", "ko-KR", "en-US"); English for a language with no table. */
async function readPageWords(webviewRoot: vscode.Uri, locale: string): Promise<PageWords> {
  const read = await readTable(webviewRoot, "en");
  const english = read?.ok ? checkMessages(read.value, "i18n/en.json") : read;
  if (!english?.ok) {
    // A broken install: the page shows its message keys rather than a blank panel.
    log.error(`the Lab page's words: ${english?.error ?? "i18n/en.json is missing"}`);
    return { language: "en", messages: {} };
  }
  const language = locale.toLowerCase().split("-")[0];
  if (language === "en" || !/^[a-z]{2,3}$/.test(language)) {
    return { language: "en", messages: english.value };
  }
  const translated = await readTable(webviewRoot, language);
  // No file: a display language the page is not translated into, which is not a problem.
  if (translated === undefined) return { language: "en", messages: english.value };
  if (!translated.ok) {
    log.warn(`the Lab page's words: ${translated.error}; showing English`);
    return { language: "en", messages: english.value };
  }
  const { words, problems } = translatedWords(language, english.value, translated.value);
  for (const problem of problems) log.warn(`the Lab page's words: ${problem}`);
  return words;
}

/** The parsed JSON of dist/webview/i18n/<language>.json; undefined when there is no such file. */
async function readTable(
  webviewRoot: vscode.Uri,
  language: string,
): Promise<Checked<unknown> | undefined> {
  const name = `i18n/${language}.json`;
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(webviewRoot, name));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === "FileNotFound") return undefined;
    return { ok: false, error: `${name} is unreadable (${messageOf(error)})` };
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
  } catch (error) {
    return { ok: false, error: `${name} is not JSON (${messageOf(error)})` };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

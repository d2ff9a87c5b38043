// The Lab page's words in Node's unit tests, where there is no page and no host: the real tables
// (webview/i18n/<lang>.json), completed from English as the host completes them
// (src/panel/pageWords.ts).
import * as fs from "node:fs";
import * as path from "node:path";
import { type PageWords, translatedWords } from "../../../src/shared/pageWords";
import { useWords } from "../../../webview/i18n";

const dir = path.resolve(import.meta.dirname, "../../../webview/i18n");

function table(language: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(dir, `${language}.json`), "utf8"));
}

/** The words the host would give a page whose display language is `language`. */
export function wordsFor(language: "en" | "ko"): PageWords {
  const english = table("en") as Record<string, string>;
  if (language === "en") return { language, messages: english };
  return translatedWords(language, english, table(language)).words;
}

/** From now on the page's helpers speak `language`. */
export function speak(language: "en" | "ko"): void {
  useWords(wordsFor(language));
}

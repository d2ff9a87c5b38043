// The Lab page's words in the editor's display language. The tables are data, one JSON file per
// language (./en.json holds every key; ./ko.json the same keys, test/unit/package/l10n.test.ts),
// so the page's script carries none of them: the host reads the display language's table and
// writes it into the page's HTML (src/panel/pageWords.ts, src/shared/pageWords.ts), and this module
// reads it once at start, before the first view is built, so nothing is drawn in one language and
// then redrawn. `{0}`, `{1}` in a text are filled by t().
import { PAGE_WORDS_ELEMENT_ID, type PageWords, checkPageWords } from "../../src/shared/pageWords";
// A type only: the English table is not bundled into the page.
import type en from "./en.json";

export type MessageKey = keyof typeof en;

let words: PageWords = { language: "en", messages: {} };
/** What went wrong reading the page's words, for main.ts to send to the host's log. */
const problems: string[] = [];

/** The part of a document this module reads. */
export interface WordsPage {
  getElementById(id: string): { textContent: string | null } | null;
}

// Read through globalThis: the pure helpers that use t() (typed inputs, a state_dict's errors) also
// run in Node's unit tests, where there is no page and a test chooses the words (useWords).
const page = (globalThis as { document?: WordsPage }).document;
if (page) {
  const read = wordsOfPage(page);
  useWords(read.words);
  if (read.problem) {
    problems.push(read.problem);
    console.warn(`Sigmoid Lab: ${read.problem}`);
  }
}

/** The words in `page`'s words element; with none, or a broken one, no words (every text shows
 * as its key, never a blank panel) and the reason. */
export function wordsOfPage(page: WordsPage): { words: PageWords; problem?: string } {
  const text = page.getElementById(PAGE_WORDS_ELEMENT_ID)?.textContent;
  if (text == null) return wordsMissing(`the page has no #${PAGE_WORDS_ELEMENT_ID}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return wordsMissing(`#${PAGE_WORDS_ELEMENT_ID} is not JSON (${String(error)})`);
  }
  const checked = checkPageWords(data);
  return checked.ok ? { words: checked.value } : wordsMissing(checked.error);
}

function wordsMissing(problem: string): { words: PageWords; problem: string } {
  return {
    words: { language: "en", messages: {} },
    problem: `${problem}; texts are shown as their keys`,
  };
}

/** The problems met reading the page's words (none when the host's table was whole). */
export function wordProblems(): readonly string[] {
  return problems;
}

/** Speaks `next`: the page does this once at start; Node's unit tests choose a language. */
export function useWords(next: PageWords): void {
  words = next;
}

/** The language the page speaks now: "en", "ko". */
export function currentLanguage(): string {
  return words.language;
}

/** True when the table has `key` (a key made at run time, e.g. from a control's name). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(words.messages, key);
}

/** The message for `key`, with `{0}`, `{1}`, … replaced by `args`; the key itself if the table
 * lacks it (the host completes every table from English, so only a broken page gets there). */
export function t(key: MessageKey, ...args: (string | number)[]): string {
  const text = Object.hasOwn(words.messages, key) ? words.messages[key] : key;
  return text.replace(/\{(\d+)\}/g, (whole, index: string) =>
    Number(index) < args.length ? String(args[Number(index)]) : whole,
  );
}

// The Lab page's words in the editor's display language. The host writes that language into
// <html lang> (src/panel/html.ts) and sends it again in Init; the page reads the attribute at start,
// before the first view is built, so nothing is drawn in one language and then redrawn.
import en from "./en";
import ko from "./ko";

export type MessageKey = keyof typeof en;

const TABLES: Record<string, Record<MessageKey, string>> = { en, ko };

/** "ko-KR" → the Korean table; a language with no table → English. */
export function tableFor(locale: string): Record<MessageKey, string> {
  return TABLES[locale.toLowerCase().split("-")[0]] ?? en;
}

// Read through globalThis: the pure helpers that use t() (typed inputs, a state_dict's errors) also
// run in Node's unit tests, where there is no page and the words are English.
const page = (globalThis as { document?: { documentElement: { lang: string } } }).document;
let language = languageOf(page?.documentElement.lang ?? "en");
let table = tableFor(language);

/** "ko-KR" → "ko"; a language with no table → "en". */
function languageOf(locale: string): string {
  const code = locale.toLowerCase().split("-")[0];
  return code in TABLES ? code : "en";
}

/** Switches the page's language (the Init message's locale); views built later use it. */
export function setLocale(locale: string): void {
  language = languageOf(locale);
  table = tableFor(language);
}

/** The language the page speaks now: "en", "ko". */
export function currentLanguage(): string {
  return language;
}

/** True when the tables have `key` (a key made at run time, e.g. from a control's name). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message for `key`, with `{0}`, `{1}`, … replaced by `args`. */
export function t(key: MessageKey, ...args: (string | number)[]): string {
  return table[key].replace(/\{(\d+)\}/g, (whole, index: string) =>
    Number(index) < args.length ? String(args[Number(index)]) : whole,
  );
}

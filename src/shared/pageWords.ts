// The Lab page's words as data, one language at a time. The tables are JSON (webview/i18n/<lang>.json,
// copied to dist/webview/i18n/ by esbuild.mjs); the host reads the display language's table and
// writes it into the page's HTML as a <script type="application/json">, which the browser never
// runs (the CSP stays nonce-only) and the page parses at start. So the page's script carries no
// language: an English user's page holds no Korean, a Korean user's no English.

/** The id of the <script type="application/json"> element that holds the page's words. */
export const PAGE_WORDS_ELEMENT_ID = "sigmoid-lab-words";

/** One language's table: `language` as in <html lang> ("en", "ko"), `messages` key → text. */
export interface PageWords {
  language: string;
  messages: Record<string, string>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** A table is a JSON object whose every value is a string; `what` names it in the error. */
export function checkMessages(value: unknown, what: string): Checked<Record<string, string>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, error: `${what} is not an object of texts` };
  }
  const notText = Object.entries(value)
    .filter(([, text]) => typeof text !== "string")
    .map(([key]) => key);
  if (notText.length > 0) {
    return { ok: false, error: `${what}: not a text: ${notText.slice(0, 5).join(", ")}` };
  }
  return { ok: true, value: value as Record<string, string> };
}

/** What the page found in its HTML: `{ language, messages }`, every message a string. */
export function checkPageWords(value: unknown): Checked<PageWords> {
  if (typeof value !== "object" || value === null) {
    return { ok: false, error: "the page's words are not an object" };
  }
  const { language, messages } = value as { language?: unknown; messages?: unknown };
  if (typeof language !== "string" || !/^[a-z]{2,3}$/.test(language)) {
    return { ok: false, error: `the page's words name no language (${JSON.stringify(language)})` };
  }
  const checked = checkMessages(messages, `the page's ${language} words`);
  return checked.ok ? { ok: true, value: { language, messages: checked.value } } : checked;
}

/**
 * The table for `language`: every English key, with the translation where `translated` has one
 * (a string with the same `{0}` placeholders) and the English text where it has not, so a late
 * or broken translation shows English rather than nothing. `problems` name each fallback.
 */
export function translatedWords(
  language: string,
  english: Record<string, string>,
  translated: unknown,
): { words: PageWords; problems: string[] } {
  const table = checkMessages(translated, `the ${language} table`);
  if (!table.ok) {
    return { words: { language: "en", messages: english }, problems: [table.error] };
  }
  const messages: Record<string, string> = {};
  const fallbacks: string[] = [];
  for (const [key, text] of Object.entries(english)) {
    const translation = table.value[key];
    const ok = Object.hasOwn(table.value, key) && placeholders(translation) === placeholders(text);
    messages[key] = ok ? translation : text;
    if (!ok) fallbacks.push(key);
  }
  const problems =
    fallbacks.length > 0
      ? [
          `the ${language} table lacks ${fallbacks.length} text(s), shown in English: ${fallbacks.join(", ")}`,
        ]
      : [];
  return { words: { language, messages }, problems };
}

function placeholders(text: string): string {
  return [...text.matchAll(/\{\d+\}/g)]
    .map((m) => m[0])
    .sort()
    .join();
}

/** `words` as the text of a <script type="application/json">: every `<` escaped, so no
 * `</script>` or `<!--` inside a message can end or change the element. */
export function pageWordsScriptText(words: PageWords): string {
  return JSON.stringify(words).replace(/</g, "\\u003c");
}

// webview/i18n reading its words from the page, as it does at start in the Lab panel: the host's
// <script type="application/json"> (src/panel/html.ts) taken when it is whole, and a missing or
// broken one shown as message keys — never a blank panel — with the reason for the host's log.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { PAGE_WORDS_ELEMENT_ID, pageWordsScriptText } from "../../../src/shared/pageWords";
import { t, useWords, wordsOfPage } from "../../../webview/i18n";
import { speak, wordsFor } from "./words";

/** A document whose words element holds `text` (none when undefined). */
const pageWith = (text: string | undefined) => ({
  getElementById: (id: string) =>
    id === PAGE_WORDS_ELEMENT_ID && text !== undefined ? { textContent: text } : null,
});

test("the page speaks the language of the words in its HTML", () => {
  const read = wordsOfPage(pageWith(pageWordsScriptText(wordsFor("ko"))));
  assert.equal(read.problem, undefined);
  assert.equal(read.words.language, "ko");
  useWords(read.words);
  assert.equal(t("view.softmax"), "로짓과 소프트맥스");
  assert.equal(t("export.saved", "a.png"), "저장함: a.png");
  speak("en");
});

test("no words element, or a broken one, shows keys and says why", () => {
  for (const [text, reason] of [
    [undefined, /has no #sigmoid-lab-words/],
    ["{not json", /not JSON/],
    [JSON.stringify({ language: "ko", messages: { "view.softmax": 3 } }), /not a text/],
  ] as const) {
    const read = wordsOfPage(pageWith(text));
    assert.match(read.problem ?? "", reason);
    assert.equal(read.words.language, "en");
    useWords(read.words);
    assert.equal(t("view.softmax"), "view.softmax", "a text with no table is its key");
    assert.equal(t("export.saved", "a.png"), "export.saved");
  }
  speak("en");
});

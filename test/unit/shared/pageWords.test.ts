// The Lab page's words as data (src/shared/pageWords.ts): what the host writes into the page's HTML
// and what the page accepts from it. The tables here are small hand-written ones; the real tables'
// key parity is test/unit/package/l10n.test.ts's.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import {
  checkMessages,
  checkPageWords,
  pageWordsScriptText,
  translatedWords,
} from "../../../src/shared/pageWords";

const english = { "view.softmax": "Logits & softmax", "export.saved": "Saved {0}" };

test("a whole translation is used as it is", () => {
  const korean = { "view.softmax": "로짓과 소프트맥스", "export.saved": "저장함: {0}" };
  const { words, problems } = translatedWords("ko", english, korean);
  assert.deepEqual(words, { language: "ko", messages: korean });
  assert.deepEqual(problems, []);
});

test("a missing text, a non-text and a lost placeholder show English, and are named", () => {
  const { words, problems } = translatedWords("ko", english, {
    "view.softmax": "로짓과 소프트맥스",
    "export.saved": "저장함",
  });
  assert.deepEqual(words.messages, {
    "view.softmax": "로짓과 소프트맥스",
    "export.saved": "Saved {0}",
  });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /export\.saved/);
  const partial = translatedWords("ko", english, { "view.softmax": 3 });
  assert.equal(partial.words.language, "en", "a table with a non-text is not used at all");
  assert.match(partial.problems[0], /view\.softmax/);
});

test("a table that is not an object of texts is English, with the reason", () => {
  for (const broken of [null, [], "text", { a: ["b"] }]) {
    const { words, problems } = translatedWords("ko", english, broken);
    assert.deepEqual(words, { language: "en", messages: english });
    assert.equal(problems.length, 1, JSON.stringify(broken));
  }
  assert.deepEqual(checkMessages(english, "en"), { ok: true, value: english });
});

test("the page accepts { language, messages } and refuses anything else with a reason", () => {
  assert.deepEqual(checkPageWords({ language: "ko", messages: { a: "가" } }), {
    ok: true,
    value: { language: "ko", messages: { a: "가" } },
  });
  for (const [bad, reason] of [
    [undefined, /not an object/],
    [{ messages: {} }, /no language/],
    [{ language: 'ko"><script>', messages: {} }, /no language/],
    [{ language: "ko", messages: { a: 1 } }, /not a text: a/],
    [{ language: "ko" }, /not an object of texts/],
  ] as const) {
    const checked = checkPageWords(bad);
    assert.equal(checked.ok, false, JSON.stringify(bad));
    if (!checked.ok) assert.match(checked.error, reason);
  }
});

test("the words in the HTML cannot close their <script> element, and read back the same", () => {
  const words = {
    language: "en",
    messages: {
      a: "</script><script>alert(1)</script>",
      b: "<!-- x -->",
      c: "σ'(x) ≤ 0.25 & more",
    },
  };
  const text = pageWordsScriptText(words);
  assert.ok(!text.includes("<"), text);
  assert.deepEqual(JSON.parse(text), words);
});

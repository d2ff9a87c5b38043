// A pasted state_dict's errors in Korean: the math core's real errors (from the PyTorch 1.13
// nn.LSTM(3, 5) fixture, broken one way at a time) come out with the key and the shapes kept and
// no English phrase left; in English they are the core's own words, unchanged.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { speak } from "./words";
import { shapeError } from "../../../webview/i18n/shapeErrors";
import { loadStateDict } from "../../../webview/views/recurrent/stateDict";

const fixture = path.join(import.meta.dirname, "../../fixtures/recurrent/lstm_state_dict.json");
const lstm = () => JSON.parse(readFileSync(fixture, "utf8")) as Record<string, unknown>;

/** What each broken state_dict must say: the key, and the shapes (or sizes) in the message. */
const BROKEN: [string, (dict: Record<string, unknown>) => unknown, string[]][] = [
  [
    "7 rows of weight_ih_l0",
    (d) => ({ ...d, weight_ih_l0: (d.weight_ih_l0 as []).slice(0, 7) }),
    ["weight_ih_l0", "20×3", "7×3"],
  ],
  [
    "a bias one short",
    (d) => ({ ...d, bias_hh_l0: (d.bias_hh_l0 as []).slice(1) }),
    ["bias_hh_l0", "20", "19"],
  ],
  ["no weight_hh_l0", ({ weight_hh_l0: _, ...d }) => d, ["weight_hh_l0", "nn.LSTM"]],
  [
    "a string for a number",
    (d) => ({ ...d, bias_ih_l0: ["x", ...(d.bias_ih_l0 as []).slice(1)] }),
    ["bias_ih_l0[0]"],
  ],
  [
    "ragged rows",
    (d) => ({ ...d, weight_hh_l0: [[1], ...(d.weight_hh_l0 as []).slice(1)] }),
    ["weight_hh_l0"],
  ],
  ["an array", () => [1, 2], ["stateDict"]],
];

/** Two English words in a row: an untranslated phrase. */
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,}/;

for (const [what, broken, kept] of BROKEN) {
  test(`state_dict with ${what}: the error in Korean keeps ${kept.join(", ")}`, () => {
    const text = JSON.stringify(broken(lstm()));
    speak("en");
    const english = loadStateDict("lstm", text);
    speak("ko");
    const korean = loadStateDict("lstm", text);
    speak("en");
    assert.ok(!english.ok && !korean.ok, "the broken state_dict loaded");
    for (const part of kept) {
      assert.ok(english.error.includes(part), `English "${english.error}" lacks ${part}`);
      assert.ok(korean.error.includes(part), `Korean "${korean.error}" lacks ${part}`);
    }
    assert.doesNotMatch(korean.error, ENGLISH, `Korean error still English: "${korean.error}"`);
    assert.match(korean.error, /[가-힣]/, `no Korean in "${korean.error}"`);
  });
}

test("an error the table does not know stays English, whole", () => {
  speak("ko");
  const message = "weight_ih_l0: expected something new entirely, got 3";
  assert.equal(shapeError(message), message);
  speak("en");
  assert.equal(
    shapeError("weight_ih_l0: expected 20×3 (4·hidden × input), got 7×3"),
    "weight_ih_l0: expected 20×3 (4·hidden × input), got 7×3",
  );
});

test("the panel's own limits (H ≤ 64) are worded in Korean with the sizes", () => {
  const dict = lstm();
  const hidden = 65;
  const rows = (n: number, cols: number) =>
    Array.from({ length: n }, () => new Array(cols).fill(0));
  const big = {
    ...dict,
    weight_ih_l0: rows(4 * hidden, 3),
    weight_hh_l0: rows(4 * hidden, hidden),
    bias_ih_l0: new Array(4 * hidden).fill(0),
    bias_hh_l0: new Array(4 * hidden).fill(0),
  };
  speak("ko");
  const result = loadStateDict("lstm", JSON.stringify(big));
  speak("en");
  assert.ok(!result.ok);
  assert.match(result.error, /^weight_hh_l0: .*64.*65/);
  assert.doesNotMatch(result.error, ENGLISH);
});

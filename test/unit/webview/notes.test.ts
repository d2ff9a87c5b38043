// The notes of a moved value in Korean: src/shared's real notes (clampControl, clampRecurrent,
// fitNetwork, fitSteps) come out with their numbers kept and no English phrase left; in English
// they are src/shared's own words, unchanged.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { speak } from "./words";
import { localNote } from "../../../webview/i18n/notes";
import { clampControl, fitNetwork, fitSteps } from "../../../src/shared/labState";
import { clampRecurrent } from "../../../src/shared/recurrentState";

/** Two English words in a row: an untranslated phrase. */
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,}/;

const NOTES: [string, string | undefined, string[]][] = [
  ["depth 10000", clampControl("depth", 10000).note, ["10000", "200"]],
  ["learning rate 0", clampControl("learningRate", 0).note, ["0.0001"]],
  ["temperature NaN", clampControl("temperature", NaN).note, []],
  ["epochs 2.5", clampControl("epochs", 2.5).note, ["3"]],
  ["hidden 100", clampRecurrent("hidden", 100).note, ["100", "64"]],
  ["period 2.5", clampRecurrent("period", 2.5).note, ["3"]],
  ["depth 200 × width 512", fitNetwork(200, 512, "depth").note, ["200", "512", "36"]],
  ["width 512 × depth 200", fitNetwork(200, 512, "width").note, ["200", "512", "1"]],
  ["200 steps of 200 × 36", fitSteps(200, 200, 36).note, ["200", "36"]],
];

for (const [what, note, numbers] of NOTES) {
  test(`the note for ${what} reads in Korean with its numbers`, () => {
    assert.ok(note, `src/shared gave no note for ${what}`);
    speak("en");
    assert.equal(localNote(note), note);
    speak("ko");
    const korean = localNote(note);
    speak("en");
    assert.doesNotMatch(korean, ENGLISH, `still English: "${korean}"`);
    assert.match(korean, /[가-힣]/, `no Korean in "${korean}"`);
    for (const n of numbers) assert.ok(korean.includes(n), `"${korean}" lacks ${n}`);
  });
}

test("two notes joined with '. ' are worded one by one", () => {
  const joined = [fitNetwork(200, 512, "depth").note, fitSteps(200, 200, 36).note].join(". ");
  speak("ko");
  const korean = localNote(joined);
  speak("en");
  assert.equal(korean.split(". ").length, 2);
  assert.doesNotMatch(korean, ENGLISH, korean);
});

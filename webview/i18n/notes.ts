// The notes shown when a typed value had to be moved ("depth 10000 is above 200; using 200") in
// the page's language. They are made in src/shared (clampControl, clampRecurrent, fitNetwork,
// fitSteps), which both sides use and which knows no language, in a few fixed sentences; each is
// matched here and worded again from table keys with its numbers kept. A sentence not listed stays
// as it is. test/unit/webview/notes.test.ts feeds it the real notes of src/shared.
import { currentLanguage, isMessageKey, t } from "./index";

/** A control's name as the notes write it (a LIMITS / RECURRENT_LIMITS key) → its word. */
function controlName(name: string): string {
  const key = `control.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

const SENTENCES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(\w+) must be a finite number$/, (m) => t("note.notFinite", controlName(m[1]))],
  [
    /^(\w+) (\S+) is below (\S+); using (\S+)$/,
    (m) => t("note.below", controlName(m[1]), m[2], m[3], m[4]),
  ],
  [
    /^(\w+) (\S+) is above (\S+); using (\S+)$/,
    (m) => t("note.above", controlName(m[1]), m[2], m[3], m[4]),
  ],
  [/^(\w+) must be a whole number; using (\S+)$/, (m) => t("note.whole", controlName(m[1]), m[2])],
  [
    /^(\d+) layers × (\d+) units is ([\d,]+) weights; the panel simulates up to ([\d,]+), so (width|depth) is (\d+)$/,
    (m) => t(m[5] === "width" ? "note.fitWidth" : "note.fitDepth", m[1], m[2], m[3], m[4], m[6]),
  ],
  [
    /^(\d+) training steps of (\d+) × (\d+) is more than the panel trains at once; using (\d+)$/,
    (m) => t("note.fitSteps", m[1], m[2], m[3], m[4]),
  ],
];

function sentence(text: string): string {
  for (const [pattern, word] of SENTENCES) {
    const match = pattern.exec(text);
    if (match) return word(match);
  }
  return text;
}

/** `note` in the page's language; notes joined with ". " are worded one by one. */
export function localNote(note: string): string {
  if (currentLanguage() === "en") return note;
  return note.split(". ").map(sentence).join(". ");
}

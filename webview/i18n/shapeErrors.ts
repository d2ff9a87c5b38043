// The math core's argument errors, as a user sees them after pasting a state_dict, in the page's
// language. The core writes them in English and knows nothing of the page (src/core), but in one
// grammar (src/core/shapes.ts): "<key>: expected <shape>, got <what>", where <shape> and <what> are
// shapes (20×3), numbers and a few fixed phrases. Each phrase is matched here and worded again from
// the tables ("shapeError.*": the English entry is the core's own phrase; `$1` … are what the
// pattern kept), and the key and the numbers are kept; a message these patterns do not know stays
// in English, whole, rather than half translated. test/unit/webview/shapeErrors.test.ts feeds it
// the core's real errors.
import { type MessageKey, currentLanguage, t } from "./index";

type Phrases = readonly (readonly [RegExp, MessageKey])[];

/** Phrases of the expected shape. */
const EXPECTED: Phrases = [
  [/^a nested list of shape (.+)$/, "shapeError.expected.nestedList"],
  [/^hidden size in \[(.+)\]$/, "shapeError.expected.hiddenSizeIn"],
  [/^input size in \[(.+)\]$/, "shapeError.expected.inputSizeIn"],
  [/^hidden size at most (\d+)$/, "shapeError.expected.hiddenSizeAtMost"],
  [/^an object with keys (.+)$/, "shapeError.expected.objectWithKeys"],
  [/^one key ending in "(.+)"$/, "shapeError.expected.keyEndingIn"],
  [/^a key "(.+)" \(layer 0 of (nn\.\w+)\)$/, "shapeError.expected.keyOfLayer0"],
  [/^a vector of length (\d+)( \(.+\))?$/, "shapeError.expected.vectorOfLength"],
  [/^a vector of numbers( \(.+\))?$/, "shapeError.expected.vectorOfNumbers"],
  [/^length (\d+)( \(.+\))?$/, "shapeError.expected.length"],
  [/^a (\S+)×(\S+) matrix( \(.+\))?$/, "shapeError.expected.matrix"],
  [/^(.+) \(nested rows or flat row-major\)$/, "shapeError.expected.nestedOrFlat"],
  [/^a finite number$/, "shapeError.expected.finiteNumber"],
  [/^a number$/, "shapeError.expected.number"],
  [/^JSON text of an object$/, "shapeError.expected.jsonObject"],
];

/** Phrases of what was got. */
const GOT: Phrases = [
  [/^ragged rows \(row 0 has (\d+), row (\d+) has (.+)\)$/, "shapeError.got.raggedRows"],
  [/^an array of length (\d+)$/, "shapeError.got.arrayOfLength"],
  [/^a flat array of length (\d+)$/, "shapeError.got.flatArrayOfLength"],
  [/^length (\d+)$/, "shapeError.got.length"],
  [/^keys \(none\)$/, "shapeError.got.noKeys"],
  [/^keys (.+)$/, "shapeError.got.keys"],
  [/^(\d+) \((.+)\); paste the state_dict of one module$/, "shapeError.got.severalModules"],
  [/^invalid JSON \((.+)\)$/, "shapeError.got.invalidJson"],
  [/^an array$/, "shapeError.got.array"],
  [/^number$/, "shapeError.got.number"],
  [/^string$/, "shapeError.got.string"],
  [/^object$/, "shapeError.got.object"],
  [/^boolean$/, "shapeError.got.boolean"],
];

/** Sentences that do not follow "expected …, got …". */
const WHOLE: Phrases = [
  [
    /^(\S+): LSTMs with proj_size > 0 are not supported; expected no weight_hr_l0$/,
    "shapeError.whole.projSize",
  ],
];

/** Two English words in a row: a phrase the table did not know. */
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,}/;

function rewrite(text: string, phrases: Phrases): string {
  for (const [pattern, key] of phrases) {
    if (pattern.test(text)) return text.replace(pattern, t(key));
  }
  return text;
}

/** `message` (one of the core's errors) in the page's language; English when it cannot be. */
export function shapeError(message: string): string {
  if (currentLanguage() === "en") return message;
  for (const [pattern, key] of WHOLE) {
    if (pattern.test(message)) return message.replace(pattern, t(key));
  }
  const parts = /^(\S+): expected (.+?), got (.+)$/s.exec(message);
  if (!parts) return message;
  const [, key, expected, got] = parts;
  const translated = t("shapeError", key, rewrite(expected, EXPECTED), rewrite(got, GOT));
  return ENGLISH.test(translated.replace(key, "")) ? message : translated;
}

// The math core's argument errors, as a user sees them after pasting a state_dict, in the page's
// language. The core writes them in English and knows nothing of the page (src/core), but in one
// grammar (src/core/shapes.ts): "<key>: expected <shape>, got <what>", where <shape> and <what> are
// shapes (20×3), numbers and a few fixed phrases. Those phrases are translated here and the key
// and the numbers are kept; a message this table does not know stays in English, whole, rather
// than half translated. test/unit/webview/shapeErrors.test.ts feeds it the core's real errors.
import { currentLanguage, t } from "./index";

type Phrases = readonly (readonly [RegExp, string])[];

/** Phrases of the expected shape and of what was got, in Korean; `$1` … are kept as they were. */
const KOREAN_EXPECTED: Phrases = [
  [/^a nested list of shape (.+)$/, "$1 모양의 중첩 리스트"],
  [/^hidden size in \[(.+)\]$/, "[$1] 범위의 은닉 크기"],
  [/^input size in \[(.+)\]$/, "[$1] 범위의 입력 크기"],
  [/^hidden size at most (\d+)$/, "$1 이하의 은닉 크기"],
  [/^an object with keys (.+)$/, "$1 키를 가진 객체"],
  [/^one key ending in "(.+)"$/, '"$1"(으)로 끝나는 키 하나'],
  [/^a key "(.+)" \(layer 0 of (nn\.\w+)\)$/, '"$1" 키 ($2의 0번 층)'],
  [/^a vector of length (\d+)( \(.+\))?$/, "길이 $1인 벡터$2"],
  [/^a vector of numbers( \(.+\))?$/, "수의 벡터$1"],
  [/^length (\d+)( \(.+\))?$/, "길이 $1$2"],
  [/^a (\S+)×(\S+) matrix( \(.+\))?$/, "$1×$2 행렬$3"],
  [/^(.+) \(nested rows or flat row-major\)$/, "$1 (중첩된 행 또는 행 우선 평탄 배열)"],
  [/^a finite number$/, "유한한 수"],
  [/^a number$/, "수"],
  [/^JSON text of an object$/, "객체의 JSON 텍스트"],
];

const KOREAN_GOT: Phrases = [
  [
    /^ragged rows \(row 0 has (\d+), row (\d+) has (.+)\)$/,
    "행마다 길이가 다른 행렬 (0행 $1개, $2행 $3개)",
  ],
  [/^an array of length (\d+)$/, "길이 $1인 배열"],
  [/^a flat array of length (\d+)$/, "길이 $1인 평탄 배열"],
  [/^length (\d+)$/, "길이 $1"],
  [/^keys \(none\)$/, "키 없음"],
  [/^keys (.+)$/, "키 $1"],
  [
    /^(\d+) \((.+)\); paste the state_dict of one module$/,
    "$1개 ($2); 모듈 하나의 state_dict를 붙여 넣으세요",
  ],
  [/^invalid JSON \((.+)\)$/, "잘못된 JSON ($1)"],
  [/^an array$/, "배열"],
  [/^number$/, "수"],
  [/^string$/, "문자열"],
  [/^object$/, "객체"],
  [/^boolean$/, "불리언"],
];

/** Sentences that do not follow "expected …, got …". */
const KOREAN_WHOLE: Phrases = [
  [
    /^(\S+): LSTMs with proj_size > 0 are not supported; expected no weight_hr_l0$/,
    "$1: proj_size > 0인 LSTM은 지원하지 않습니다. weight_hr_l0가 없어야 합니다",
  ],
];

const PHRASES: Record<string, { expected: Phrases; got: Phrases; whole: Phrases }> = {
  ko: { expected: KOREAN_EXPECTED, got: KOREAN_GOT, whole: KOREAN_WHOLE },
};

/** Two English words in a row: a phrase the table did not know. */
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,}/;

function rewrite(text: string, phrases: Phrases): string {
  for (const [pattern, replacement] of phrases) {
    if (pattern.test(text)) return text.replace(pattern, replacement);
  }
  return text;
}

/** `message` (one of the core's errors) in the page's language; English when it cannot be. */
export function shapeError(message: string): string {
  const phrases = PHRASES[currentLanguage()];
  if (!phrases) return message;
  for (const [pattern, replacement] of phrases.whole) {
    if (pattern.test(message)) return message.replace(pattern, replacement);
  }
  const parts = /^(\S+): expected (.+?), got (.+)$/s.exec(message);
  if (!parts) return message;
  const [, key, expected, got] = parts;
  const translated = t(
    "shapeError",
    key,
    rewrite(expected, phrases.expected),
    rewrite(got, phrases.got),
  );
  return ENGLISH.test(translated.replace(key, "")) ? message : translated;
}

import { ExpressionError } from "./expressionError";

export type TokenKind =
  | "number"
  | "name"
  | "string"
  | "operator" // + - * / ** ^ = . , ( ) [ ]
  | "other" // tolerant mode only: anything else (#, :, quotes left open, letters of other scripts…)
  | "end";

export interface Token {
  kind: TokenKind;
  /** For numbers the source text without underscores; for strings the unquoted contents. */
  text: string;
  /** 0-based offset of the first character and one past the last. */
  start: number;
  end: number;
  value?: number;
}

const OPERATORS = ["**", "+", "-", "*", "/", "^", "=", ".", ",", "(", ")", "[", "]"];

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

/** ASCII identifiers, plus σ so that the study note's `σ(2.5)` reads as the sigmoid. */
function isNameStart(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || c === "σ";
}

function isNameChar(c: string): boolean {
  return isNameStart(c) || isDigit(c);
}

/**
 * Splits `text` into tokens. Numbers follow Python: `1`, `2.`, `.5`, `1e-3`, `1_000.5`; names are
 * identifiers (dots are separate tokens so that `torch.nn.functional.sigmoid` and method calls
 * `x.sigmoid()` parse alike); strings are '…' or "…" without escapes (for dtype='float64').
 * In strict mode an unexpected character is an ExpressionError naming its column; in tolerant mode
 * (used to find an evaluable span in a line of code) it becomes an "other" token and the scan goes on.
 */
export function tokenize(text: string, tolerant = false): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === "." && i + 1 < n && isDigit(text[i + 1]))) {
      i = scanNumber(text, i, tokens, tolerant);
      continue;
    }
    if (isNameStart(c)) {
      while (i < n && isNameChar(text[i])) i++;
      tokens.push({ kind: "name", text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) {
        if (!tolerant) throw new ExpressionError("unterminated string", start + 1);
        tokens.push({ kind: "other", text: c, start, end: start + 1 });
        i++;
        continue;
      }
      tokens.push({ kind: "string", text: text.slice(i + 1, close), start, end: close + 1 });
      i = close + 1;
      continue;
    }
    const operator = OPERATORS.find((op) => text.startsWith(op, i));
    if (operator) {
      tokens.push({ kind: "operator", text: operator, start, end: i + operator.length });
      i += operator.length;
      continue;
    }
    if (!tolerant) {
      throw new ExpressionError(`unexpected character ${JSON.stringify(c)}`, start + 1);
    }
    tokens.push({ kind: "other", text: c, start, end: start + 1 });
    i++;
  }
  tokens.push({ kind: "end", text: "", start: n, end: n });
  return tokens;
}

function scanNumber(text: string, i: number, tokens: Token[], tolerant: boolean): number {
  const start = i;
  const n = text.length;
  const digits = () => {
    const from = i;
    while (
      i < n &&
      (isDigit(text[i]) ||
        (text[i] === "_" && isDigit(text[i - 1] ?? "") && isDigit(text[i + 1] ?? "")))
    )
      i++;
    return i > from;
  };
  digits();
  if (text[i] === ".") {
    i++;
    digits();
  }
  if (text[i] === "e" || text[i] === "E") {
    const mark = i;
    i++;
    if (text[i] === "+" || text[i] === "-") i++;
    if (!digits()) i = mark; // `2e` is the number 2 followed by the name e
  }
  const source = text.slice(start, i);
  const value = Number(source.replaceAll("_", ""));
  if (Number.isNaN(value)) {
    if (!tolerant)
      throw new ExpressionError(`malformed number ${JSON.stringify(source)}`, start + 1);
    tokens.push({ kind: "other", text: source, start, end: i });
    return i;
  }
  // Python has no leading-zero integers (`012`); JavaScript's Number accepts them as decimal.
  tokens.push({ kind: "number", text: source.replaceAll("_", ""), start, end: i, value });
  return i;
}

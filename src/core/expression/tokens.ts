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
    const operator = operatorAt(text, i);
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

/** Index after a run of digits with Python's single underscores between digits (`1_000`). */
function scanDigits(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (isDigit(c)) i++;
    else if (c === "_" && i > 0 && isDigit(text[i - 1]) && i + 1 < n && isDigit(text[i + 1])) i++;
    else break;
  }
  return i;
}

function scanNumber(text: string, start: number, tokens: Token[], tolerant: boolean): number {
  let i = scanDigits(text, start);
  if (text[i] === ".") i = scanDigits(text, i + 1);
  if (text[i] === "e" || text[i] === "E") {
    let j = i + 1;
    if (text[j] === "+" || text[j] === "-") j++;
    const afterExponent = scanDigits(text, j);
    if (afterExponent > j) i = afterExponent; // else `2e` is the number 2 followed by the name e
  }
  const source = text.slice(start, i);
  const cleaned = source.includes("_") ? source.replaceAll("_", "") : source;
  const value = Number(cleaned);
  if (Number.isNaN(value)) {
    if (!tolerant)
      throw new ExpressionError(`malformed number ${JSON.stringify(source)}`, start + 1);
    tokens.push({ kind: "other", text: source, start, end: i });
    return i;
  }
  tokens.push({ kind: "number", text: cleaned, start, end: i, value });
  return i;
}

/** The operator starting at text[i], if any (`**` before `*`). */
function operatorAt(text: string, i: number): string | undefined {
  const c = text[i];
  switch (c) {
    case "*":
      return text[i + 1] === "*" ? "**" : "*";
    case "+":
    case "-":
    case "/":
    case "^":
    case "=":
    case ".":
    case ",":
    case "(":
    case ")":
    case "[":
    case "]":
      return c;
    default:
      return undefined;
  }
}

// Bounded scanning of one line of source text: names, balanced brackets and call arguments.
// Every loop here stops at an explicit limit, so a 1 MB line or 10,000 nested parentheses cost at
// most the window the hover looks at (see WINDOW in recognize.ts), never the whole line.

/** A-Z, a-z, 0-9 and _: the characters of an identifier in Python, TypeScript and JavaScript. */
export function isIdentifierChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 95 // _
  );
}

const DOT = 46;
const COMMA = 44;

/**
 * The dotted name around `column` (e.g. `torch.nn.functional.sigmoid`), looking no further than
 * [min, max). Returns its start and end (exclusive), or undefined when `column` is not on a name.
 */
export function dottedNameAt(
  text: string,
  column: number,
  min: number,
  max: number,
): { start: number; end: number } | undefined {
  if (column < min || column >= max || !isIdentifierChar(text.charCodeAt(column))) return undefined;
  let start = column;
  while (start > min) {
    const code = text.charCodeAt(start - 1);
    if (
      isIdentifierChar(code) ||
      (code === DOT && start - 1 > min && isIdentifierChar(text.charCodeAt(start - 2)))
    ) {
      start--;
    } else break;
  }
  let end = column + 1;
  while (end < max) {
    const code = text.charCodeAt(end);
    if (
      isIdentifierChar(code) ||
      (code === DOT && end + 1 < max && isIdentifierChar(text.charCodeAt(end + 1)))
    ) {
      end++;
    } else break;
  }
  return { start, end };
}

/** The end (exclusive) of the segment of a dotted name that contains `column`. */
export function segmentEnd(text: string, column: number, end: number): number {
  let k = column;
  while (k < end && text.charCodeAt(k) !== DOT) k++;
  return k;
}

const PAREN_OPEN = 40; // (
const PAREN_CLOSE = 41; // )
const SQUARE_OPEN = 91; // [
const SQUARE_CLOSE = 93; // ]
const CURLY_OPEN = 123; // {
const CURLY_CLOSE = 125; // }
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;

/** The closer of an opening bracket's char code, or 0 if it is not one. */
function closerOf(code: number): number {
  return code === PAREN_OPEN
    ? PAREN_CLOSE
    : code === SQUARE_OPEN
      ? SQUARE_CLOSE
      : code === CURLY_OPEN
        ? CURLY_CLOSE
        : 0;
}

function isCloser(code: number): boolean {
  return code === PAREN_CLOSE || code === SQUARE_CLOSE || code === CURLY_CLOSE;
}

/**
 * Index of the bracket that closes the one at `open`, or -1 if it is not closed before `max` or
 * the brackets do not match. Brackets inside '…' and "…" strings are skipped. Char codes and a
 * typed stack, no one-character strings: this loop runs over the whole window.
 */
export function matchingBracket(text: string, open: number, max: number): number {
  const expected = new Uint8Array(Math.max(1, max - open));
  let depth = 0;
  let quote = 0;
  for (let k = open; k < max; k++) {
    const code = text.charCodeAt(k);
    if (quote) {
      if (code === BACKSLASH) k++;
      else if (code === quote) quote = 0;
      continue;
    }
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      quote = code;
      continue;
    }
    const closer = closerOf(code);
    if (closer) expected[depth++] = closer;
    else if (isCloser(code)) {
      if (depth === 0 || expected[--depth] !== code) return -1;
      if (depth === 0) return k;
    }
  }
  return -1;
}

export interface CallArguments {
  /** Positional arguments, trimmed, in order. */
  positional: string[];
  /** Keyword arguments (`dim=0`), by name, trimmed. */
  keywords: Map<string, string>;
  /** Index just past the closing parenthesis. */
  end: number;
}

const KEYWORD = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]*)$/;

/**
 * The arguments of the call whose `(` is at `open`, split at top-level commas; undefined when
 * the parenthesis is not closed within `max`.
 */
export function callArguments(text: string, open: number, max: number): CallArguments | undefined {
  const close = matchingBracket(text, open, max);
  if (close < 0) return undefined;
  const positional: string[] = [];
  const keywords = new Map<string, string>();
  const push = (part: string) => {
    const trimmed = part.trim();
    if (!trimmed) return;
    const keyword = KEYWORD.exec(trimmed);
    if (keyword) keywords.set(keyword[1], keyword[2].trim());
    else positional.push(trimmed);
  };
  let depth = 0;
  let quote = 0;
  let partStart = open + 1;
  for (let k = open + 1; k < close; k++) {
    const code = text.charCodeAt(k);
    if (quote) {
      if (code === BACKSLASH) k++;
      else if (code === quote) quote = 0;
      continue;
    }
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) quote = code;
    else if (closerOf(code)) depth++;
    else if (isCloser(code)) depth--;
    else if (code === COMMA && depth === 0) {
      push(text.slice(partStart, k));
      partStart = k + 1;
    }
  }
  push(text.slice(partStart, close));
  return { positional, keywords, end: close + 1 };
}

/** The index of the first non-blank character at or after `from` (at most `max`). */
export function skipSpaces(text: string, from: number, max: number): number {
  let k = from;
  while (k < max && (text[k] === " " || text[k] === "\t")) k++;
  return k;
}

import { evaluate } from "./evaluate";
import { MAX_EXPRESSION_LENGTH } from "./limits";
import { tokenize, type Token } from "./tokens";

export interface EvaluableSpan {
  /** 0-based offsets into the line: the span is line.slice(start, end). */
  start: number;
  end: number;
  text: string;
  value: number | number[];
}

/** Words that end an expression in Python or JavaScript source: `return sigmoid(2)`, `x if … else …`. */
const STATEMENT_WORDS = new Set([
  "return",
  "if",
  "else",
  "elif",
  "and",
  "or",
  "not",
  "in",
  "is",
  "for",
  "while",
  "lambda",
  "yield",
  "assert",
  "del",
  "await",
  "const",
  "let",
  "var",
]);

/**
 * For a hover: the largest expression around `column` (0-based character offset, as in VS Code's
 * Position.character) of one line of code or Markdown that evaluate() can compute, or undefined.
 *
 * Candidates are, at every bracket level enclosing the cursor, the run of tokens between separators
 * (`,`, `=`, `:`, `#`, statement words such as `return`, the brackets themselves) and every postfix
 * chain covering the cursor (`torch.sigmoid(torch.tensor(2.5))`, `x.softmax(dim=0)[1]`, a number).
 * They are tried longest first and the first that evaluates wins, so on
 * `p = 1/(1+np.exp(-3))  # prob` the cursor anywhere in `np.exp` gives the whole `1/(1+np.exp(-3))`,
 * and on `y = model(torch.sigmoid(torch.tensor(2.5)))` it gives the `torch.sigmoid(…)` call.
 * The line is scanned once and at most a few dozen candidates are evaluated, each bounded by
 * evaluate()'s own limits.
 */
export function findEvaluableSpan(line: string, column: number): EvaluableSpan | undefined {
  if (typeof line !== "string" || !Number.isInteger(column) || column < 0) return undefined;
  const tokens = tokenize(line, true);
  const last = tokens.length - 1; // the "end" token
  let cursor = tokens.findIndex((t, i) => i < last && t.start <= column && column < t.end);
  if (cursor < 0) cursor = tokens.findIndex((t, i) => i < last && t.end === column);
  if (cursor < 0) return undefined;

  const partner = matchBrackets(tokens);
  const candidates = new Map<string, [number, number]>(); // "first,last" token indices
  const add = (first: number, lastIndex: number) => {
    if (first <= cursor && cursor <= lastIndex && first <= lastIndex)
      candidates.set(`${first},${lastIndex}`, [first, lastIndex]);
  };

  // Slices between separators, at each enclosing level (the level's group is skipped as a unit).
  let levelOpen = -1;
  let levelClose = last;
  const enclosing: [number, number][] = [[-1, last]];
  for (let i = 0; i < cursor; i++) {
    if (isOpen(tokens[i]) && partner[i] > cursor) enclosing.push([i, partner[i]]);
  }
  for ([levelOpen, levelClose] of enclosing) {
    const inner = levelOpen + 1;
    let runStart = inner;
    for (let i = inner; i <= levelClose; i++) {
      if (i === levelClose || isSeparator(tokens[i])) {
        add(runStart, i - 1);
        runStart = i + 1;
        continue;
      }
      if (isOpen(tokens[i]) && partner[i] >= 0) i = partner[i];
    }
  }

  // Postfix chains starting at any token up to the cursor.
  for (let i = 0; i <= cursor; i++) {
    const end = chainEnd(tokens, partner, i);
    if (end >= 0) {
      add(i, end);
      // A leading sign belongs to the operand: `-3` in `np.exp(-3)`.
      if (i > 0 && isOperator(tokens[i - 1], "-")) add(i - 1, end);
    }
  }

  const ordered = [...candidates.values()]
    .map(([first, lastIndex]) => ({ start: tokens[first].start, end: tokens[lastIndex].end }))
    .filter((span) => span.end - span.start <= MAX_EXPRESSION_LENGTH)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const span of ordered) {
    const text = line.slice(span.start, span.end);
    const result = evaluate(text);
    if (result.ok) return { start: span.start, end: span.end, text, value: result.value };
  }
  return undefined;
}

function isOperator(token: Token, text: string): boolean {
  return token.kind === "operator" && token.text === text;
}

function isOpen(token: Token): boolean {
  return isOperator(token, "(") || isOperator(token, "[");
}

function isSeparator(token: Token): boolean {
  if (token.kind === "other" || token.kind === "end") return true;
  if (token.kind === "name") return STATEMENT_WORDS.has(token.text);
  return (
    isOperator(token, ",") ||
    isOperator(token, "=") ||
    isOperator(token, ")") ||
    isOperator(token, "]")
  );
}

/** A bracket right after a name or a closing bracket is a call's argument list or an index. */
function isCallOrIndex(tokens: Token[], open: number): boolean {
  const before = tokens[open - 1];
  if (!before) return false;
  if (before.kind === "name") return !STATEMENT_WORDS.has(before.text);
  return isOperator(before, ")") || isOperator(before, "]");
}

/** partner[i] is the index of the matching bracket, or −1 when unmatched or not a bracket. */
function matchBrackets(tokens: Token[]): number[] {
  const partner = new Array<number>(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isOpen(token)) stack.push(i);
    else if (isOperator(token, ")") || isOperator(token, "]")) {
      const want = token.text === ")" ? "(" : "[";
      const top = stack[stack.length - 1];
      if (top !== undefined && tokens[top].text === want) {
        stack.pop();
        partner[top] = i;
        partner[i] = top;
      } else {
        stack.length = 0; // a stray closer: brackets before it cannot match across it
      }
    }
  }
  return partner;
}

/** The last token of a postfix chain (name(.name)*, number or bracket group, then calls, .name, [i]). */
function chainEnd(tokens: Token[], partner: number[], start: number): number {
  const first = tokens[start];
  let i: number;
  if (first.kind === "number") return start;
  if (first.kind === "name") {
    if (STATEMENT_WORDS.has(first.text)) return -1;
    i = start;
  } else if (isOpen(first) && partner[start] > start && !isCallOrIndex(tokens, start)) {
    i = partner[start];
  } else {
    return -1;
  }
  for (;;) {
    const next = tokens[i + 1];
    if (!next) return i;
    if (isOperator(next, ".") && tokens[i + 2]?.kind === "name") {
      i += 2;
    } else if (isOpen(next) && partner[i + 1] > i + 1) {
      i = partner[i + 1];
    } else {
      return i;
    }
  }
}

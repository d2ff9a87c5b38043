// Which term is under the cursor in one line of text, and the text of its input argument.
// Looks only at a bounded window around the column, so the cost does not grow with the line.
import { isModuleName, termForName, TERMS, type Term } from "./catalog";
import {
  callArguments,
  dottedNameAt,
  matchingBracket,
  segmentEnd,
  skipSpaces,
  type CallArguments,
} from "./scan";

/** How far the hover looks around the cursor: a name before it, a call (with arguments) after. */
export const WINDOW = { before: 256, after: 2048 } as const;

export interface TermMatch {
  term: Term;
  /** The name as written (`torch.sigmoid`, `σ`), shown in the hover. */
  spelling: string;
  /** The columns to highlight, [start, end). */
  start: number;
  end: number;
  /** The source text of the term's input (`torch.tensor(2.5)`), when a call gives one. */
  input?: string;
  /** The call that takes the input, for its options (dim, beta, eps). */
  call?: CallArguments;
  /** For modules (`nn.LSTM(4, 8)`): the constructor call, for sizes and options. */
  construction?: CallArguments;
  /** The last segment of the name (`LSTMCell`), or the symbol. */
  name: string;
}

/**
 * The term at `column` of `line`, or undefined. Never throws for any string and any column.
 */
export function recognizeTerm(line: string, column: number): TermMatch | undefined {
  // column = line.length is the end of the line: a keyboard hover just after the last name.
  if (!Number.isInteger(column) || column < 0 || column > line.length) return undefined;
  const min = Math.max(0, column - WINDOW.before);
  const max = Math.min(line.length, column + WINDOW.after);
  return (
    symbolAt(line, column, max) ??
    namedTermAt(line, column, min, max) ??
    writtenSigmoidAt(line, column, min, max)
  );
}

const SIGMA = "σ";

/** `σ` (any text) or `\sigma` (TeX), with the argument of `σ(2.5)`, `σ'(x)`, `\sigma(x)`. */
function symbolAt(line: string, column: number, max: number): TermMatch | undefined {
  let start: number;
  let end: number;
  if (line[column] === SIGMA) {
    start = column;
    end = column + 1;
  } else {
    // \sigma: the cursor is on the backslash or on one of the five letters. (Not lastIndexOf:
    // that would search back to the start of a 1 MB line.)
    let at = column;
    while (at >= 0 && at > column - 6 && !line.startsWith("\\sigma", at)) at--;
    if (at < 0 || at <= column - 6) return undefined;
    start = at;
    end = at + 6;
    if (/[A-Za-z]/.test(line[end] ?? "")) return undefined; // \sigmaX is another macro
  }
  // σ² and \sigma^2 are a variance, not the sigmoid.
  const next = line[end];
  if (next === "²" || next === "^") return undefined;
  let open = end;
  if (line[open] === "'" || line[open] === "′") open++;
  if (line.startsWith("\\left", open)) open += 5;
  const match: TermMatch = {
    term: TERMS.sigmoid,
    spelling: line.slice(start, end),
    start,
    end,
    name: SIGMA,
  };
  if (line[open] === "(") {
    const call = callArguments(line, open, max);
    if (call && call.positional.length === 1) {
      match.input = call.positional[0].replace(/\\right$/, "").trim();
      match.call = call;
    }
  }
  return match;
}

/** A dotted name in code: `torch.sigmoid`, `F.softmax`, `tf.keras.layers.LSTM`, `nn.Sigmoid`. */
function namedTermAt(
  line: string,
  column: number,
  min: number,
  max: number,
): TermMatch | undefined {
  let at = column;
  if (!dottedNameAt(line, at, min, max) && column > min) at = column - 1; // just after a name
  const name = dottedNameAt(line, at, min, max);
  if (!name) return undefined;
  const segments = line.slice(name.start, name.end).split(".");
  // The name up to the segment under the cursor first (`nn.LSTM` in `nn.LSTM.forward`), then the
  // whole name (the cursor on `torch` in `torch.sigmoid`).
  const cursorEnd = segmentEnd(line, at, name.end);
  const cursorSegments = line.slice(name.start, cursorEnd).split(".");
  let term = termForName(cursorSegments);
  let end = cursorEnd;
  let written = cursorSegments;
  if (!term && cursorEnd < name.end) {
    term = termForName(segments);
    end = name.end;
    written = segments;
  }
  if (!term) return undefined;
  const last = written[written.length - 1];
  const match: TermMatch = {
    term,
    spelling: written.join("."),
    start: name.start,
    end,
    name: last,
  };
  if (end !== name.end) return match; // `nn.LSTM.forward`: no call of LSTM itself here
  let open = skipSpaces(line, end, max);
  if (line[open] !== "(") return match;
  let call = callArguments(line, open, max);
  if (!call) return match;
  if (isModuleName(last)) {
    // nn.Sigmoid()(x): the first call constructs the module, a second one applies it.
    match.construction = call;
    open = skipSpaces(line, call.end, max);
    call = line[open] === "(" ? callArguments(line, open, max) : undefined;
    if (!call) return match;
  }
  match.call = call;
  if (call.positional.length > 0) match.input = call.positional[0];
  return match;
}

/** Where a written-out sigmoid's `exp(` opens, found by the patterns below. */
const WRITTEN_SIGMOID: readonly RegExp[] = [
  // 1 / (1 + np.exp(-x)), 1.0/(1.0+math.exp(-x)), 1 / (1 + Math.exp(-x)), torch., jnp., tf.math.
  /1(?:\.0*)?\s*\/\s*\(\s*1(?:\.0*)?\s*\+\s*(?:[A-Za-z_]\w*\.){0,3}exp\s*(\()\s*[-−]/g,
  // 1 / (1 + e^(−x)), 1/(1+e^{-x})
  /1\s*\/\s*\(\s*1\s*\+\s*e\s*\^\s*([({])\s*[-−]/g,
  // \frac{1}{1+e^{-x}}
  /\\frac\s*\{\s*1\s*\}\s*\{\s*1\s*\+\s*e\s*\^\s*(\{)\s*[-−]/g,
  // 1 / (1 + e^-2.5)
  /1\s*\/\s*\(\s*1\s*\+\s*e\s*\^\s*[-−]()/g,
];

/** The closing character after the exponent's bracket, per pattern above. */
const WRITTEN_CLOSER = [")", ")", "}", ")"] as const;

/** `1 / (1 + exp(-x))` and its spellings: the sigmoid written out; the input is x. */
function writtenSigmoidAt(
  line: string,
  column: number,
  min: number,
  max: number,
): TermMatch | undefined {
  // Cheap test first: every written form contains "e^" or "exp".
  const windowText = line.slice(min, max);
  if (!windowText.includes("exp") && !windowText.includes("e^")) return undefined;
  for (let p = 0; p < WRITTEN_SIGMOID.length; p++) {
    const pattern = WRITTEN_SIGMOID[p];
    pattern.lastIndex = 0;
    for (let found = pattern.exec(windowText); found; found = pattern.exec(windowText)) {
      const start = min + found.index;
      if (start > column) break;
      const afterMinus = min + found.index + found[0].length;
      let inputEnd: number;
      let close: number;
      if (found[1] === "") {
        // e^-2.5): the exponent runs to the closing parenthesis.
        inputEnd = windowText.indexOf(")", afterMinus - min) + min;
        if (inputEnd < min) continue;
        close = inputEnd;
      } else {
        const open = min + found.index + found[0].lastIndexOf(found[1]);
        inputEnd = matchingBracket(line, open, max);
        if (inputEnd < 0) continue;
        const after = skipSpaces(line, inputEnd + 1, max);
        if (line[after] !== WRITTEN_CLOSER[p]) continue;
        close = after;
      }
      const end = close + 1;
      if (column >= end) continue;
      const input = line.slice(afterMinus, inputEnd).trim();
      return {
        term: TERMS.sigmoid,
        spelling: line.slice(start, end),
        start,
        end,
        name: "1 / (1 + exp(−x))",
        ...(input ? { input } : {}),
      };
    }
  }
  return undefined;
}

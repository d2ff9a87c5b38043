// The hover's Markdown: formula image, name, computed values, derivative, the fact that matters,
// links into the Lab. Pure: the image arrives as a ready data URI, the links as command URIs.
import type { Term, TermText } from "./catalog";
import type { Computed } from "./compute";
import { formatInput, formatNumber, formatVector } from "./format";
import { commandUri, type LabLink } from "./intent";

export interface HoverContent {
  term: Term;
  /** The name as written in the code, shown beside the title. */
  spelling: string;
  computed?: Computed;
  links: LabLink[];
}

export interface RenderOptions {
  /** The term's words (from media/formulas/terms.json). */
  text: TermText;
  digits: number;
  /** `data:image/svg+xml;base64,…` of the formula, coloured for the theme; omitted if not loaded. */
  imageUri?: string;
}

/** Longest name shown as written; a written-out `1 / (1 + exp(-x))` with a long x is cut. */
const MAX_SPELLING = 48;

export function renderHover(content: HoverContent, options: RenderOptions): string {
  const { term } = content;
  const { text } = options;
  const parts: string[] = [];
  if (options.imageUri) parts.push(`![${escapeAlt(text.formula)}](${options.imageUri})`);
  parts.push(`**${text.title}** ${codeSpan(shorten(content.spelling))} — ${prose(text.summary)}`);
  const values = content.computed
    ? renderComputed(term, content.computed, options.digits)
    : undefined;
  if (values) parts.push(values);
  parts.push(`*Derivative:* ${prose(text.derivative)}`);
  parts.push(prose(text.fact));
  if (content.links.length > 0) {
    parts.push(
      content.links.map((link) => `[${link.label}](${commandUri(link.intent)})`).join(" · "),
    );
  }
  return parts.join("\n\n");
}

function renderComputed(term: Term, computed: Computed, digits: number): string {
  const f = term.symbol;
  switch (computed.kind) {
    case "scalar": {
      const x = formatInput(computed.x);
      return `${codeSpan(`${f}(${x}) = ${formatNumber(computed.value, digits)}`)} · ${codeSpan(
        `${derivativeSymbol(f)}(${x}) = ${formatNumber(computed.derivative, digits)}`,
      )}`;
    }
    case "elementwise":
      return codeSpan(
        `${f}(${inputVector(computed.input)}) = ${formatVector(computed.values, digits)}`,
      );
    case "distribution":
      return codeSpan(
        `${f}(${inputVector(computed.logits)}) = ${formatVector(computed.values, digits)}`,
      );
    case "parameters": {
      const { gateRows, inputSize, hiddenSize, layers, directions, bias } = computed;
      const stack =
        layers * directions > 1
          ? ` over ${layers} layer${layers > 1 ? "s" : ""}${directions > 1 ? " × 2 directions" : ""}`
          : "";
      const biases = bias ? `, 2 biases of ${gateRows}` : "";
      return `**${computed.total.toLocaleString("en-US")} parameters**${stack}: ${codeSpan(
        `weight_ih ${gateRows}×${inputSize}`,
      )}, ${codeSpan(`weight_hh ${gateRows}×${hiddenSize}`)}${biases} (layer 0)`;
    }
  }
}

/** σ' for one-symbol names, d/dx f otherwise (`d/dx log σ`). */
function derivativeSymbol(symbol: string): string {
  return symbol.includes(" ") ? `d/dx ${symbol}` : `${symbol}'`;
}

/** Short inputs written out ([1, 2, 3]); long ones as x, since the values follow anyway. */
function inputVector(values: readonly number[]): string {
  return values.length <= 4 ? `[${values.map(formatInput).join(", ")}]` : "x";
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length <= MAX_SPELLING ? oneLine : `${oneLine.slice(0, MAX_SPELLING - 1)}…`;
}

/** A code span that survives any content: backticks cannot occur in names, but be sure. */
function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Catalog prose uses ** for bold only; an underscore (z_y) must stay literal. */
function prose(text: string): string {
  return text.replace(/_/g, "\\_");
}

/** Alt text is read as Markdown too: brackets would end it, _ and * would start emphasis. */
function escapeAlt(text: string): string {
  return text.replace(/[\\[\]_*]/g, (ch) => `\\${ch}`);
}

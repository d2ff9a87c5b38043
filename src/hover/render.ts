// The hover's Markdown: formula image, name, computed values, links into the Lab, derivative, the
// fact that matters. Pure: the image arrives as a ready data URI, the links as command URIs.
import type { HoverLabels, HoverWords, Term } from "./catalog";
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
  /** What the hover says (media/formulas/terms.json or a translation of it). */
  words: HoverWords;
  digits: number;
  /** `data:image/svg+xml;base64,…` of the formula, coloured for the theme; omitted if not loaded. */
  imageUri?: string;
}

/** Longest name shown as written; a written-out `1 / (1 + exp(-x))` with a long x is cut. */
const MAX_SPELLING = 48;

export function renderHover(content: HoverContent, options: RenderOptions): string {
  const { term } = content;
  const { labels } = options.words;
  const text = options.words.terms[term.id];
  const parts: string[] = [];
  if (options.imageUri) parts.push(`![${escapeAlt(text.formula)}](${options.imageUri})`);
  parts.push(`**${text.title}** ${codeSpan(shorten(content.spelling))} — ${prose(text.summary)}`);
  const values = content.computed
    ? renderComputed(term, content.computed, options.digits, labels)
    : undefined;
  if (values) parts.push(values);
  // Links before the prose: a hover near the top of the editor is short, and the prose scrolls.
  if (content.links.length > 0) {
    parts.push(
      content.links
        .map((link) => `[${labels[link.label]}](${commandUri(link.intent)})`)
        .join(" · "),
    );
  }
  parts.push(`*${labels.derivative}:* ${prose(text.derivative)}`);
  parts.push(prose(text.fact));
  return parts.join("\n\n");
}

function renderComputed(
  term: Term,
  computed: Computed,
  digits: number,
  labels: HoverLabels,
): string {
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
    case "loss": {
      const value = codeSpan(`${f} = ${formatNumber(computed.value, digits)}`);
      if (computed.softmaxFirst === undefined) return value;
      const wrong = codeSpan(formatNumber(computed.softmaxFirst, digits));
      return `${value} · ${labels.softmaxFirst}: ${wrong}`;
    }
    case "parameters": {
      const { gateRows, inputSize, hiddenSize, layers, directions, bias } = computed;
      const total = fill(labels.parameters, { n: computed.total.toLocaleString("en-US") });
      const stack =
        layers * directions > 1 ? ` (${fill(labels.stack, { layers, directions })})` : "";
      // Shapes of layer 0 under their state_dict names, as PyTorch prints them.
      const shapes = [
        `${codeSpan("weight_ih_l0")} ${gateRows}×${inputSize}`,
        `${codeSpan("weight_hh_l0")} ${gateRows}×${hiddenSize}`,
        ...(bias ? [`${codeSpan("bias_ih_l0")}, ${codeSpan("bias_hh_l0")} ${gateRows}`] : []),
      ];
      return `**${total}**${stack} · ${shapes.join(" · ")}`;
    }
  }
}

/** "{n} parameters" with n filled in. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
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

// Where "Open in Sigmoid Lab" goes from a hover: the view that teaches the term, with the input
// of the call under the cursor (x = 2.5, those logits, that cell kind). The links run only our own
// command, `sigmoidLab.open`, which sanitises the intent again before the panel sees it.
import { LIMITS, type CellId, type LabIntent } from "../shared/labState";
import type { TermId } from "./catalog";
import type { Computed } from "./compute";

export const OPEN_COMMAND = "sigmoidLab.open";

export interface LabLink {
  /** Which label of HoverLabels the link shows. */
  label: "open" | "compareDepth";
  intent: LabIntent;
}

const ACTIVATION_VIEW: ReadonlySet<TermId> = new Set([
  "sigmoid",
  "logSigmoid",
  "logit",
  "tanh",
  "relu",
  "softplus",
]);
const SOFTMAX_VIEW: ReadonlySet<TermId> = new Set([
  "softmax",
  "logSoftmax",
  "crossEntropy",
  "nllLoss",
  "binaryCrossEntropy",
  "binaryCrossEntropyWithLogits",
]);
const CELLS: Partial<Record<TermId, CellId>> = { lstm: "lstm", gru: "gru", rnn: "rnn" };
/** The Logits & softmax view edits 1 to 32 logits (sanitizeIntent enforces the same). */
const MAX_LOGITS = 32;

function probe(x: number): number | undefined {
  return Number.isFinite(x) && x >= LIMITS.x.min && x <= LIMITS.x.max ? x : undefined;
}

/** The probe x that shows this computation on the σ curve: x itself, or logit(p) for logit. */
function probeFor(id: TermId, computed: Computed | undefined): number | undefined {
  if (computed?.kind !== "scalar") return undefined;
  return probe(id === "logit" ? computed.value : computed.x);
}

export function labLinks(id: TermId, computed: Computed | undefined): LabLink[] {
  if (ACTIVATION_VIEW.has(id)) {
    const x = probeFor(id, computed);
    const links: LabLink[] = [
      {
        label: "open",
        intent: x === undefined ? { view: "activations" } : { view: "activations", x },
      },
    ];
    if (id === "sigmoid" || id === "tanh" || id === "relu") {
      links.push({
        label: "compareDepth",
        intent: { view: "vanishing", activation: id },
      });
    }
    return links;
  }
  if (SOFTMAX_VIEW.has(id)) {
    const candidate =
      computed?.kind === "distribution" || computed?.kind === "loss" ? computed.logits : undefined;
    const logits =
      candidate && candidate.length <= MAX_LOGITS && candidate.every(Number.isFinite)
        ? candidate
        : undefined;
    return [
      {
        label: "open",
        intent: logits ? { view: "softmax", logits } : { view: "softmax" },
      },
    ];
  }
  const cell = CELLS[id];
  if (cell) return [{ label: "open", intent: { view: "recurrent", cell } }];
  return [];
}

/** A `command:` URI that runs sigmoidLab.open with the intent as its single argument. */
export function commandUri(intent: LabIntent): string {
  return `command:${OPEN_COMMAND}?${encodeURIComponent(JSON.stringify([intent]))}`;
}

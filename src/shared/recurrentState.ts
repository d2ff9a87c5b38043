// The LSTM & GRU view's part of the Lab state: which cell, its sizes, the input sequence, the
// weights and the step-through cursor. Sanitised like the rest of LabState: a saved state from an
// older version, or one edited by hand, never reaches the view unchecked.
import type { CellId } from "./labState";
import { isRecord } from "./guards";

export const RECURRENT_CELLS: readonly CellId[] = ["lstm", "gru", "rnn"];

/** Input sequences that tell the seed's story, or the user's own numbers (one row per step). */
export const INPUT_PRESETS = ["first", "pulse", "sine", "random", "typed"] as const;
export type InputPresetId = (typeof INPUT_PRESETS)[number];

/**
 * Weights: seeded random (PyTorch's default init), hand-set presets that hold a gate clearly open
 * or closed, or a pasted nn.LSTM / nn.GRU state_dict.
 */
export const WEIGHT_PRESETS = [
  "random",
  "remember",
  "forget",
  "inputClosed",
  "outputClosed",
  "stateDict",
] as const;
export type WeightPresetId = (typeof WEIGHT_PRESETS)[number];

/** A pasted or loaded state_dict: what it holds, and its JSON when small enough to be saved. */
export interface LoadedWeights {
  kind: CellId;
  hidden: number;
  inputSize: number;
  /** File name, or "pasted". */
  name: string;
  /** Length of the JSON text, to say how big it was. */
  chars: number;
  /** Set when the weights were loaded; ties the saved entry to the copy the page keeps in memory. */
  stamp: number;
  /** The JSON itself, only when it is at most MAX_SAVED_STATE_DICT_CHARS long. */
  json?: string;
}

export interface RecurrentState {
  cell: CellId;
  /** Hidden size H, 1–64. */
  hidden: number;
  /** Input size I, 1–16. */
  inputSize: number;
  /** Sequence length T, 1–500 (typed inputs have as many steps as rows). */
  steps: number;
  input: InputPresetId;
  /** Steps between pulses, and the sine's period. */
  period: number;
  /** Typed inputs: one row per step, I numbers per row. */
  typed: string;
  weights: WeightPresetId;
  seed: number;
  loaded?: LoadedWeights;
  /** The step-through cursor t (0-based) and the unit whose equations are shown. */
  cursor: number;
  unit: number;
}

export const RECURRENT_LIMITS = {
  hidden: { min: 1, max: 64 },
  inputSize: { min: 1, max: 16 },
  steps: { min: 1, max: 500 },
  period: { min: 2, max: 100 },
  seed: { min: 0, max: 2147483647 },
} as const;
export type RecurrentControl = keyof typeof RECURRENT_LIMITS;

/**
 * A pasted state_dict is kept in the saved state only up to this many characters (an LSTM of
 * about H = 16, I = 16 in JSON): the page saves its state after every change, and a 400 KB string
 * written at every step of a slider would cost more than the redraw. Bigger ones stay in memory
 * until the panel reloads, and the view says so.
 */
export const MAX_SAVED_STATE_DICT_CHARS = 64 * 1024;
/** Typed inputs: 500 rows of 16 numbers fit comfortably. */
export const MAX_TYPED_CHARS = 64 * 1024;

export function defaultRecurrentState(): RecurrentState {
  return {
    cell: "lstm",
    hidden: 16,
    inputSize: 1,
    steps: 100,
    input: "first",
    period: 10,
    typed: "1\n0\n0\n0\n0\n1\n0\n0\n0\n0",
    weights: "remember",
    seed: 1,
    cursor: 0,
    unit: 0,
  };
}

/** A whole number forced into a control's range, with the note to show when it moved. */
export function clampRecurrent(
  name: RecurrentControl,
  value: number,
): { value: number; note?: string } {
  const { min, max } = RECURRENT_LIMITS[name];
  if (!Number.isFinite(value)) return { value: min, note: `${name} must be a finite number` };
  if (value < min) return { value: min, note: `${name} ${value} is below ${min}; using ${min}` };
  if (value > max) return { value: max, note: `${name} ${value} is above ${max}; using ${max}` };
  if (!Number.isInteger(value)) {
    const whole = Math.min(max, Math.max(min, Math.round(value)));
    return { value: whole, note: `${name} must be a whole number; using ${whole}` };
  }
  return { value };
}

function oneOf<T extends string>(ids: readonly T[], value: unknown, fallback: T): T {
  return (ids as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

function whole(value: unknown, fallback: number, name: RecurrentControl): number {
  return typeof value === "number" ? clampRecurrent(name, value).value : fallback;
}

function sanitizeLoaded(value: unknown): LoadedWeights | undefined {
  if (!isRecord(value)) return undefined;
  const kind = oneOf(RECURRENT_CELLS, value.kind, "lstm");
  if (kind !== value.kind) return undefined;
  const inRange = (v: unknown, name: "hidden" | "inputSize") =>
    typeof v === "number" &&
    Number.isInteger(v) &&
    v >= RECURRENT_LIMITS[name].min &&
    v <= RECURRENT_LIMITS[name].max;
  if (!inRange(value.hidden, "hidden") || !inRange(value.inputSize, "inputSize")) return undefined;
  const json =
    typeof value.json === "string" && value.json.length <= MAX_SAVED_STATE_DICT_CHARS
      ? value.json
      : undefined;
  return {
    kind,
    hidden: value.hidden as number,
    inputSize: value.inputSize as number,
    name: typeof value.name === "string" ? value.name.slice(0, 100) : "pasted",
    chars: typeof value.chars === "number" && value.chars >= 0 ? value.chars : (json?.length ?? 0),
    stamp: typeof value.stamp === "number" && Number.isFinite(value.stamp) ? value.stamp : 0,
    ...(json === undefined ? {} : { json }),
  };
}

/** Any value (a restored state, an edited one) as a valid RecurrentState; the rest are defaults. */
export function sanitizeRecurrent(input: unknown): RecurrentState {
  const d = defaultRecurrentState();
  const v = isRecord(input) ? input : {};
  const loaded = sanitizeLoaded(v.loaded);
  let weights = oneOf(WEIGHT_PRESETS, v.weights, d.weights);
  if (weights === "stateDict" && !loaded) weights = "random";
  const steps = whole(v.steps, d.steps, "steps");
  const hidden = whole(v.hidden, d.hidden, "hidden");
  const cursor =
    typeof v.cursor === "number" && Number.isInteger(v.cursor) && v.cursor >= 0 ? v.cursor : 0;
  const unit = typeof v.unit === "number" && Number.isInteger(v.unit) && v.unit >= 0 ? v.unit : 0;
  return {
    cell: oneOf(RECURRENT_CELLS, v.cell, d.cell),
    hidden,
    inputSize: whole(v.inputSize, d.inputSize, "inputSize"),
    steps,
    input: oneOf(INPUT_PRESETS, v.input, d.input),
    period: whole(v.period, d.period, "period"),
    typed: typeof v.typed === "string" ? v.typed.slice(0, MAX_TYPED_CHARS) : d.typed,
    weights,
    seed: whole(v.seed, d.seed, "seed"),
    ...(loaded ? { loaded } : {}),
    // The cursor and unit are kept inside the sequence and the layer by the view, which knows
    // how many steps typed inputs have; here they only have to be non-negative whole numbers.
    cursor: Math.min(cursor, RECURRENT_LIMITS.steps.max - 1),
    unit: Math.min(unit, RECURRENT_LIMITS.hidden.max - 1),
  };
}

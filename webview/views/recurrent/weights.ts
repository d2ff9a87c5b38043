// The weights of the LSTM & GRU view, in PyTorch's layout (gate blocks stacked by rows: LSTM
// i, f, g, o; GRU r, z, n). Seeded random weights follow PyTorch's default init, U(−1/√H, 1/√H)
// for every parameter; the hand-set presets start from them and pin the input-0 column of W_ih
// and the bias of a few gate blocks so that a gate is clearly open (σ(5) ≈ 0.993) or closed
// (σ(−5) ≈ 0.0067) — the seed's "forget gate near 1 keeps the cell state" made visible.
import { createRng } from "../../../src/core";
import type { CellId } from "../../../src/shared/labState";
import type { WeightPresetId } from "../../../src/shared/recurrentState";
import { t } from "../../i18n";

export type HandSetPreset = Exclude<WeightPresetId, "random" | "stateDict">;

/** Flat row-major parameters, ready for lstm()/gru()/rnn() and the prepared cells. */
export interface CellWeights {
  kind: CellId;
  hidden: number;
  inputSize: number;
  weightIh: Float64Array;
  weightHh: Float64Array;
  biasIh: Float64Array;
  biasHh: Float64Array;
}

export const GATE_COUNT: Record<CellId, number> = { lstm: 4, gru: 3, rnn: 1 };
/** Each kind's own stream: seed·8 + 0 (LSTM), + 1 (GRU), + 2 (RNN); inputs use seed·8 + 7. */
export const KIND_STREAM: Record<CellId, number> = { lstm: 0, gru: 1, rnn: 2 };

export function weightsSeed(seed: number, kind: CellId): number {
  return seed * 8 + KIND_STREAM[kind];
}

/** A preset's label in the page's language; webview/i18n tells each preset's story. */
export function weightLabel(preset: WeightPresetId): string {
  return t(`recurrent.weights.${preset}`);
}

/**
 * Draws W_ih, W_hh, b_ih, b_hh in that order, row by row, each U(−k, k) with k = 1/√H — the order
 * the exported script draws them in with the same generator.
 */
export function randomWeights(
  kind: CellId,
  hidden: number,
  inputSize: number,
  seed: number,
): CellWeights {
  const rows = GATE_COUNT[kind] * hidden;
  const rng = createRng(weightsSeed(seed, kind));
  const k = 1 / Math.sqrt(hidden);
  const draw = (n: number) => {
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) out[j] = (2 * rng.next() - 1) * k;
    return out;
  };
  return {
    kind,
    hidden,
    inputSize,
    weightIh: draw(rows * inputSize),
    weightHh: draw(rows * hidden),
    biasIh: draw(rows),
    biasHh: draw(rows),
  };
}

/** A pinned gate block: the weight from input 0 into every unit of the block, and its bias. */
export interface Pin {
  block: number;
  fromInput0: number;
  bias: number;
}

/** The pins of every hand-set preset, per kind; see weightLabel for the story of each. */
export const PRESET_PINS: Record<HandSetPreset, Record<CellId, Pin[]>> = {
  remember: {
    // i opens only on the pulse, f stays open (keep C), the candidate writes +tanh(3), o open.
    lstm: [
      { block: 0, fromInput0: 10, bias: -5 },
      { block: 1, fromInput0: 0, bias: 5 },
      { block: 2, fromInput0: 3, bias: 0 },
      { block: 3, fromInput0: 0, bias: 5 },
    ],
    // z = σ(5 − 10·x): writes on the pulse (z ≈ 0), keeps h in silence (z ≈ 1); r open.
    gru: [
      { block: 0, fromInput0: 0, bias: 5 },
      { block: 1, fromInput0: -10, bias: 5 },
      { block: 2, fromInput0: 3, bias: 0 },
    ],
    rnn: [{ block: 0, fromInput0: 3, bias: 0 }],
  },
  forget: {
    lstm: [
      { block: 0, fromInput0: 10, bias: -5 },
      { block: 1, fromInput0: 0, bias: -5 },
      { block: 2, fromInput0: 3, bias: 0 },
      { block: 3, fromInput0: 0, bias: 5 },
    ],
    gru: [
      { block: 0, fromInput0: 0, bias: 5 },
      { block: 1, fromInput0: 0, bias: -5 },
      { block: 2, fromInput0: 3, bias: 0 },
    ],
    rnn: [{ block: 0, fromInput0: 3, bias: 0 }],
  },
  inputClosed: {
    lstm: [
      { block: 0, fromInput0: 0, bias: -5 },
      { block: 1, fromInput0: 0, bias: 5 },
      { block: 2, fromInput0: 3, bias: 0 },
      { block: 3, fromInput0: 0, bias: 5 },
    ],
    gru: [
      { block: 0, fromInput0: 0, bias: 5 },
      { block: 1, fromInput0: 0, bias: 5 },
      { block: 2, fromInput0: 3, bias: 0 },
    ],
    rnn: [{ block: 0, fromInput0: 3, bias: 0 }],
  },
  outputClosed: {
    lstm: [
      { block: 0, fromInput0: 10, bias: -5 },
      { block: 1, fromInput0: 0, bias: 5 },
      { block: 2, fromInput0: 3, bias: 0 },
      { block: 3, fromInput0: 0, bias: -5 },
    ],
    gru: [
      { block: 0, fromInput0: 0, bias: -5 },
      { block: 1, fromInput0: -10, bias: 5 },
      { block: 2, fromInput0: 3, bias: 0 },
    ],
    rnn: [{ block: 0, fromInput0: 3, bias: 0 }],
  },
};

/**
 * The recurrent weights W_hh of a pinned block are shrunk to a tenth: the gate then follows its
 * bias and the input (clearly open or closed), and the units still differ a little.
 */
export const PINNED_RECURRENT_SCALE = 0.1;

/**
 * A hand-set preset: the seeded random weights with, for every pinned block, W_ih[:, 0] set to
 * fromInput0, b_ih set to bias and b_hh to 0 (so the gate's whole bias is the pinned number), and
 * that block's rows of W_hh scaled by PINNED_RECURRENT_SCALE (not the RNN's: it has no gate).
 */
export function presetWeights(
  preset: HandSetPreset,
  kind: CellId,
  hidden: number,
  inputSize: number,
  seed: number,
): CellWeights {
  const w = randomWeights(kind, hidden, inputSize, seed);
  for (const pin of PRESET_PINS[preset][kind]) {
    for (let unit = 0; unit < hidden; unit++) {
      const row = pin.block * hidden + unit;
      w.weightIh[row * inputSize] = pin.fromInput0;
      w.biasIh[row] = pin.bias;
      w.biasHh[row] = 0;
      if (kind === "rnn") continue; // the plain RNN keeps PyTorch's init: a fair contrast
      for (let j = 0; j < hidden; j++) w.weightHh[row * hidden + j] *= PINNED_RECURRENT_SCALE;
    }
  }
  return w;
}

/** The weights of one kind for a preset other than a pasted state_dict. */
export function weightsFor(
  preset: Exclude<WeightPresetId, "stateDict">,
  kind: CellId,
  hidden: number,
  inputSize: number,
  seed: number,
): CellWeights {
  return preset === "random"
    ? randomWeights(kind, hidden, inputSize, seed)
    : presetWeights(preset, kind, hidden, inputSize, seed);
}

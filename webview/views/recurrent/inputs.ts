// The input sequences of the LSTM & GRU view, as T rows of I numbers (flat, row-major). The
// presets tell the seed's story: "remember the first input" is one pulse at t = 0 and then
// silence, so whatever the last hidden state knows about it had to be carried through every step.
import { createRng } from "../../../src/core";
import type { InputPresetId, RecurrentState } from "../../../src/shared/recurrentState";
import { RECURRENT_LIMITS } from "../../../src/shared/recurrentState";
import { t } from "../../i18n";

export interface InputSequence {
  /** T·I numbers, row t at [t·I, (t + 1)·I). */
  values: Float64Array;
  steps: number;
  inputSize: number;
}

export type TypedInputs = { ok: true; sequence: InputSequence } | { ok: false; error: string };

/** A preset's label in the page's language. */
export function inputLabel(preset: InputPresetId): string {
  return t(`recurrent.inputs.${preset}`);
}

/**
 * The random inputs' own stream: seed·8 + 7, beside the weights' streams seed·8 + 0…2 (see
 * weights.ts), so that changing the cell or the weights never changes the inputs.
 */
export function inputSeed(seed: number): number {
  return seed * 8 + 7;
}

/**
 * A preset's sequence. The pulse and the sine drive input 0; the other inputs get the same signal
 * shifted by one step each, so a layer with several inputs still sees a clear pattern.
 */
export function presetInputs(
  preset: Exclude<InputPresetId, "typed">,
  steps: number,
  inputSize: number,
  period: number,
  seed: number,
): InputSequence {
  const values = new Float64Array(steps * inputSize);
  if (preset === "random") {
    const rng = createRng(inputSeed(seed));
    for (let k = 0; k < values.length; k++) values[k] = rng.normal();
    return { values, steps, inputSize };
  }
  for (let t = 0; t < steps; t++) {
    for (let j = 0; j < inputSize; j++) {
      const s = t - j;
      values[t * inputSize + j] =
        preset === "first"
          ? Number(s === 0)
          : preset === "pulse"
            ? Number(s >= 0 && s % period === 0)
            : Math.sin((2 * Math.PI * s) / period);
    }
  }
  return { values, steps, inputSize };
}

/**
 * Parses typed inputs: one row per time step, numbers separated by spaces, commas, semicolons or
 * tabs; blank lines and lines starting with # are skipped. Every row must have inputSize numbers.
 */
export function parseTypedInputs(text: string, inputSize: number): TypedInputs {
  const rows: number[][] = [];
  const lines = text.split(/\r?\n/);
  for (let line = 0; line < lines.length; line++) {
    const trimmed = lines[line].trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const cells = trimmed.split(/[\s,;]+/).filter((c) => c !== "");
    const row = cells.map(Number);
    const bad = cells.findIndex((c, k) => !Number.isFinite(row[k]) || c.trim() === "");
    if (bad >= 0) {
      return {
        ok: false,
        error: t("recurrent.typedError.notNumber", line + 1, cells[bad].slice(0, 20)),
      };
    }
    if (row.length !== inputSize) {
      return {
        ok: false,
        error: t(
          inputSize === 1 ? "recurrent.typedError.countOne" : "recurrent.typedError.count",
          line + 1,
          inputSize,
          row.length,
        ),
      };
    }
    rows.push(row);
    if (rows.length > RECURRENT_LIMITS.steps.max) {
      return {
        ok: false,
        error: t("recurrent.typedError.tooMany", RECURRENT_LIMITS.steps.max),
      };
    }
  }
  if (rows.length === 0) {
    return { ok: false, error: t("recurrent.typedError.empty") };
  }
  const values = new Float64Array(rows.length * inputSize);
  rows.forEach((row, t) => values.set(row, t * inputSize));
  return { ok: true, sequence: { values, steps: rows.length, inputSize } };
}

/** The sequence a state asks for; typed inputs that do not parse give the error and no sequence. */
export function inputsOf(
  r: Pick<RecurrentState, "input" | "steps" | "inputSize" | "period" | "seed" | "typed">,
  inputSize: number,
): TypedInputs {
  if (r.input === "typed") return parseTypedInputs(r.typed, inputSize);
  return { ok: true, sequence: presetInputs(r.input, r.steps, inputSize, r.period, r.seed) };
}

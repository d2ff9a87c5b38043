// Each cell's forward pass and gradient through time, kept by what they depend on, so that a
// control recomputes only what it changes: a forget-bias preset changes the LSTM's and the GRU's
// weights but not the plain RNN's, so the RNN's gradient is reused; switching back to a cell shown
// before costs nothing (one whose gradient came from the worker costs its forward pass, once). The
// forward pass (trace) serves both the heatmaps and the backward pass, and the work can be done a
// pass at a time (advance) so that a long computation is cut into tasks.
import type { RecurrentTrace } from "../../../src/core";
import { gradientOfTrace } from "../../../src/core";
import type { CellId } from "../../../src/shared/labState";
import type { WeightPresetId } from "../../../src/shared/recurrentState";
import type { InputSequence } from "./inputs";
import { type CellRun, runOfTrace, traceOf } from "./simulation";
import { type CellWeights, PRESET_PINS } from "./weights";

interface Entry {
  trace?: RecurrentTrace;
  run?: CellRun;
  gradient?: Float64Array;
}

/**
 * What a preset's weights of one kind are made of, beyond the seed and the sizes: presets that pin
 * a kind's gates the same way (every hand-set preset leaves the RNN as it is) get the same key.
 */
export function presetWeightsKey(
  preset: Exclude<WeightPresetId, "stateDict">,
  kind: CellId,
): string {
  return preset === "random" ? "random" : JSON.stringify(PRESET_PINS[preset][kind]);
}

export class CellResults {
  readonly #entries = new Map<string, Entry>();
  readonly #capacity: number;

  /** capacity: how many cells' results are kept (a T = 500, H = 64 LSTM's trace is ~1.5 MB). */
  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  #entry(key: string): Entry {
    let entry = this.#entries.get(key);
    if (entry) {
      // Most recently used last: the oldest is the first one dropped.
      this.#entries.delete(key);
    } else {
      entry = {};
      if (this.#entries.size >= this.#capacity) {
        this.#entries.delete(this.#entries.keys().next().value!);
      }
    }
    this.#entries.set(key, entry);
    return entry;
  }

  /** The heatmaps' series of `weights.kind` on `inputs`: the forward pass, made once per key. */
  run(key: string, weights: CellWeights, inputs: InputSequence): CellRun {
    const entry = this.#entry(key);
    entry.trace ??= traceOf(weights, inputs);
    entry.run ??= runOfTrace(entry.trace);
    return entry.run;
  }

  /** Marks these keys' results as the most recently used (those of the setting on screen). */
  touch(keys: string[]): void {
    for (const key of keys) {
      const entry = this.#entries.get(key);
      if (!entry) continue;
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
  }

  gradient(key: string): Float64Array | undefined {
    return this.#entries.get(key)?.gradient;
  }

  /** Passes still to make for the gradient: 2 (forward and backward), 1 (backward) or 0. */
  passesLeft(key: string): number {
    const entry = this.#entries.get(key);
    return entry?.gradient ? 0 : entry?.trace ? 1 : 2;
  }

  /** One pass towards the gradient: the forward pass if it is missing, else the backward one. */
  advance(key: string, weights: CellWeights, inputs: InputSequence): void {
    const entry = this.#entry(key);
    if (entry.gradient) return;
    if (!entry.trace) entry.trace = traceOf(weights, inputs);
    else entry.gradient = gradientOfTrace(entry.trace);
  }

  /**
   * A gradient made elsewhere (the gradient worker), kept like one made here; its forward pass is
   * made here if that cell's heatmaps are asked for.
   */
  put(key: string, gradient: Float64Array): void {
    this.#entry(key).gradient ??= gradient;
  }

  /** The gradient through time, computed now if it is not there yet. */
  completeGradient(key: string, weights: CellWeights, inputs: InputSequence): Float64Array {
    while (this.passesLeft(key) > 0) this.advance(key, weights, inputs);
    return this.#entries.get(key)!.gradient!;
  }
}

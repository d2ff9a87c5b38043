// A user's own nn.LSTM / nn.GRU / nn.RNN layer-0 weights, pasted or loaded as the JSON of its
// state_dict ({k: v.tolist() for k, v in model.state_dict().items()}). The math core validates the
// shapes and names the key and the shape expected; this file adds the panel's own limits
// (H ≤ 64, I ≤ 16) and, when the shapes fit another cell, says which one.
import { fromStateDict } from "../../../src/core";
import type { CellId } from "../../../src/shared/labState";
import { RECURRENT_LIMITS } from "../../../src/shared/recurrentState";
import { t } from "../../i18n";
import { shapeError } from "../../i18n/shapeErrors";
import type { CellWeights } from "./weights";

/** Larger texts are refused before parsing: an LSTM with H = 64, I = 16 is about 0.5 MB of JSON. */
export const MAX_STATE_DICT_CHARS = 4 * 1024 * 1024;

export type LoadedStateDict = { ok: true; weights: CellWeights } | { ok: false; error: string };

const MODULE: Record<CellId, string> = { lstm: "nn.LSTM", gru: "nn.GRU", rnn: "nn.RNN" };
const ROWS: Record<number, CellId> = { 4: "lstm", 3: "gru", 1: "rnn" };

/** The cell whose layout weight_hh_l0 has (rows = 4H, 3H or H for H columns), if any. */
function kindOfShape(dict: unknown): CellId | undefined {
  if (typeof dict !== "object" || dict === null) return undefined;
  for (const [name, value] of Object.entries(dict)) {
    if (name !== "weight_hh_l0" && !name.endsWith(".weight_hh_l0")) continue;
    if (!Array.isArray(value) || !Array.isArray(value[0]) || value[0].length === 0) return;
    const ratio = value.length / value[0].length;
    return ROWS[ratio];
  }
  return undefined;
}

/** Parses and validates `text` as layer 0 of a `kind` cell. Nothing is kept when it fails. */
export function loadStateDict(kind: CellId, text: string): LoadedStateDict {
  if (text.length > MAX_STATE_DICT_CHARS) {
    return {
      ok: false,
      error: t(
        "recurrent.stateDictError.tooLong",
        MAX_STATE_DICT_CHARS / 1024 / 1024,
        (text.length / 1024 / 1024).toFixed(1),
      ),
    };
  }
  let dict: unknown;
  try {
    dict = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: t("recurrent.stateDictError.invalidJson", (error as Error).message),
    };
  }
  let params: ReturnType<typeof fromStateDict>;
  try {
    params = fromStateDict(kind, dict);
  } catch (error) {
    const other = kindOfShape(dict);
    const hint =
      other && other !== kind
        ? t("recurrent.stateDictError.otherCell", MODULE[other], other.toUpperCase())
        : "";
    return { ok: false, error: shapeError((error as Error).message) + hint };
  }
  const { hiddenSize: hidden, inputSize } = params;
  if (hidden > RECURRENT_LIMITS.hidden.max) {
    return {
      ok: false,
      error: t("recurrent.stateDictError.hidden", RECURRENT_LIMITS.hidden.max, hidden),
    };
  }
  if (inputSize > RECURRENT_LIMITS.inputSize.max) {
    return {
      ok: false,
      error: t("recurrent.stateDictError.inputSize", RECURRENT_LIMITS.inputSize.max, inputSize),
    };
  }
  const rows = params.weightHh.length / hidden;
  // A state_dict without biases (bias=False) counts them as zeros, as PyTorch does.
  const vector = (v: unknown) => (v instanceof Float64Array ? v : new Float64Array(rows));
  return {
    ok: true,
    weights: {
      kind,
      hidden,
      inputSize,
      weightIh: vector(params.weightIh),
      weightHh: vector(params.weightHh),
      biasIh: vector(params.biasIh),
      biasHh: vector(params.biasHh),
    },
  };
}

// Loads layer 0 of a PyTorch nn.LSTM / nn.GRU / nn.RNN state_dict pasted as JSON, e.g. from
//   json.dumps({k: v.tolist() for k, v in model.state_dict().items()})
// Keys may carry a module prefix ("encoder.lstm.weight_ih_l0"); other layers and the reverse
// direction are ignored. Errors name the key and the shape PyTorch would have given it.
import { isArrayLike, isNested, readChoice, readMatrix, readVector } from "../shapes";
import {
  RecurrentKind,
  RnnNonlinearity,
  RnnParams,
  gateCount,
  gateRows,
  maxHiddenSize,
  maxInputSize,
} from "./params";

const kinds: readonly RecurrentKind[] = ["rnn", "lstm", "gru"];
const parameterKeys = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"] as const;

function shapeOf(value: unknown): string {
  if (!isArrayLike(value)) return typeof value;
  if (isNested(value)) return `${value.length}×${(value[0] as ArrayLike<unknown>).length}`;
  return `${value.length}`;
}

/**
 * Returns params for lstm()/gru()/rnn() with flat Float64Array weights (validated, finite).
 * `json` is the parsed object or its JSON text. For "rnn", `options.nonlinearity` says what the
 * module was built with (a state_dict does not record it); default "tanh".
 */
export function fromStateDict(
  kind: RecurrentKind,
  json: unknown,
  options: { nonlinearity?: RnnNonlinearity } = {},
): RnnParams & { hiddenSize: number; inputSize: number } {
  readChoice("kind", kind, kinds);
  let dict = json;
  if (typeof json === "string") {
    try {
      dict = JSON.parse(json);
    } catch (error) {
      throw new TypeError(
        `stateDict: expected JSON text of an object, got invalid JSON (${(error as Error).message})`,
        { cause: error },
      );
    }
  }
  if (typeof dict !== "object" || dict === null || Array.isArray(dict)) {
    throw new TypeError(
      `stateDict: expected an object with keys ${parameterKeys.join(", ")}, got ${Array.isArray(dict) ? "an array" : dict === null ? "null" : typeof dict}`,
    );
  }
  const entries = Object.entries(dict as Record<string, unknown>);
  const find = (key: string): [string, unknown] | undefined => {
    const matches = entries.filter(([name]) => name === key || name.endsWith(`.${key}`));
    if (matches.length > 1) {
      throw new RangeError(
        `${key}: expected one key ending in "${key}", got ${matches.length} (${matches.map(([n]) => n).join(", ")}); paste the state_dict of one module`,
      );
    }
    return matches[0];
  };
  const projection = find("weight_hr_l0");
  if (projection) {
    throw new RangeError(
      `${projection[0]}: LSTMs with proj_size > 0 are not supported; expected no weight_hr_l0`,
    );
  }
  const g = gateCount[kind];
  const rowsText = gateRows[kind];
  const hh = find("weight_hh_l0");
  const ih = find("weight_ih_l0");
  if (!hh || !ih) {
    const missing = !ih ? "weight_ih_l0" : "weight_hh_l0";
    throw new TypeError(
      `${missing}: expected a key "${missing}" (layer 0 of nn.${kind.toUpperCase()}), got keys ${entries.map(([n]) => n).join(", ") || "(none)"}`,
    );
  }
  const [hhName, hhValue] = hh;
  if (!isArrayLike(hhValue) || !isNested(hhValue)) {
    throw new TypeError(
      `${hhName}: expected a nested list of shape (${rowsText})×hidden, got ${shapeOf(hhValue)}`,
    );
  }
  const hidden = (hhValue[0] as ArrayLike<unknown>).length;
  if (hidden < 1 || hidden > maxHiddenSize) {
    throw new RangeError(`${hhName}: expected hidden size in [1, ${maxHiddenSize}], got ${hidden}`);
  }
  const weightHh = readMatrix(
    hhName,
    hhValue,
    g * hidden,
    hidden,
    `${rowsText} × hidden`,
    true,
  ).data;
  const [ihName, ihValue] = ih;
  if (!isArrayLike(ihValue) || !isNested(ihValue)) {
    throw new TypeError(
      `${ihName}: expected a nested list of shape ${g * hidden}×input (${rowsText} × input), got ${shapeOf(ihValue)}`,
    );
  }
  const input = (ihValue[0] as ArrayLike<unknown>).length;
  if (input < 1 || input > maxInputSize) {
    throw new RangeError(`${ihName}: expected input size in [1, ${maxInputSize}], got ${input}`);
  }
  const weightIh = readMatrix(ihName, ihValue, g * hidden, input, `${rowsText} × input`, true).data;
  const bias = (key: string): Float64Array | undefined => {
    const found = find(key);
    return found ? readVector(found[0], found[1], g * hidden, rowsText, true) : undefined;
  };
  const params: RnnParams & { hiddenSize: number; inputSize: number } = {
    weightIh,
    weightHh,
    biasIh: bias("bias_ih_l0"),
    biasHh: bias("bias_hh_l0"),
    hiddenSize: hidden,
    inputSize: input,
  };
  if (kind === "rnn") {
    params.nonlinearity = readChoice("options.nonlinearity", options.nonlinearity ?? "tanh", [
      "tanh",
      "relu",
    ] as const);
  }
  return params;
}

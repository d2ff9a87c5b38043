// The numbers a hover shows, computed by the math core from the literal arguments of a call:
// `torch.sigmoid(torch.tensor(2.5))` → σ(2.5) and σ'(2.5); `F.softmax(torch.tensor([1.0, 2.0,
// 3.0]), dim=0)` → the probabilities; `nn.LSTM(4, 8)` → its parameter count. Nothing is computed
// when an argument is not a literal or an option would change the function (softplus's beta).
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  logit,
  logSigmoid,
  logSoftmax,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  softmax,
  nllLoss,
  softmaxThenCrossEntropy,
  softplus,
  tanhDerivative,
} from "../core";
import type { TermId } from "./catalog";
import type { TermMatch } from "./recognize";
import type { CallArguments } from "./scan";

/** The core's expression evaluator: literals and the tensor constructors people write. */
export type Evaluate = (
  text: string,
) => { ok: true; value: number | ArrayLike<number> } | { ok: false; error: unknown };

export type Computed =
  /** f(x) and f'(x) of an elementwise function at one point. */
  | { kind: "scalar"; x: number; value: number; derivative: number }
  /** f applied to every entry of a vector. */
  | { kind: "elementwise"; input: number[]; values: number[] }
  /** softmax or log-softmax of a vector of logits. */
  | { kind: "distribution"; logits: number[]; values: number[] }
  /**
   * A loss of one sample (PyTorch's unbatched form: 1-D logits and a class index, or a scalar
   * and its target); for cross-entropy also the value with a softmax wrongly applied first.
   */
  | { kind: "loss"; value: number; softmaxFirst?: number; logits?: number[] }
  /** The learnable parameters of nn.LSTM / nn.GRU / nn.RNN (or a cell) of the given sizes. */
  | {
      kind: "parameters";
      total: number;
      gateRows: number;
      inputSize: number;
      hiddenSize: number;
      layers: number;
      directions: number;
      bias: boolean;
    };

/** At most this many entries are computed for a hover (the rest is "… n more" anyway). */
const MAX_ENTRIES = 1024;

interface Elementwise {
  f: (x: number) => number;
  derivative: (x: number) => number;
}

const ELEMENTWISE: Partial<Record<TermId, Elementwise>> = {
  sigmoid: { f: sigmoid, derivative: sigmoidDerivative },
  // d/dx log σ(x) = 1 − σ(x) = σ(−x), which keeps precision where σ(x) ≈ 1.
  logSigmoid: { f: logSigmoid, derivative: (x) => sigmoid(-x) },
  logit: { f: logit, derivative: (p) => 1 / (p * (1 - p)) },
  tanh: { f: Math.tanh, derivative: tanhDerivative },
  relu: { f: relu, derivative: reluDerivative },
  // softplus'(x) = σ(x).
  softplus: { f: softplus, derivative: sigmoid },
};

/** Keyword arguments that do not change the numbers (in-place, output buffer, op name, dtype). */
const HARMLESS_KEYWORDS = new Set(["inplace", "out", "name", "dtype", "_stacklevel"]);
/** For a 1-D input, the only axes there are. */
const VECTOR_AXES = new Set(["0", "-1", "None"]);

export function computeValues(match: TermMatch, evaluate: Evaluate): Computed | undefined {
  const id = match.term.id;
  if (match.term.computation === "recurrentShape") return recurrentParameters(match);
  if (match.input === undefined) return undefined;
  const elementwise = ELEMENTWISE[id];
  if (elementwise) {
    if (!onlyInput(match.call) || !harmlessConstruction(match.construction, id)) return undefined;
    const input = literal(match.input, evaluate);
    if (input === undefined) return undefined;
    if (typeof input === "number") {
      return {
        kind: "scalar",
        x: input,
        value: elementwise.f(input),
        derivative: elementwise.derivative(input),
      };
    }
    return { kind: "elementwise", input, values: input.map(elementwise.f) };
  }
  if (LOSSES.has(id)) return lossValue(match, evaluate);
  if (id === "softmax" || id === "logSoftmax") {
    if (!vectorOptions(match.call, 1) || !vectorOptions(match.construction, 0)) return undefined;
    const logits = literal(match.input, evaluate);
    if (logits === undefined || typeof logits === "number" || logits.length === 0) return undefined;
    const values = id === "softmax" ? softmax(logits) : logSoftmax(logits);
    return { kind: "distribution", logits, values: Array.from(values) };
  }
  return undefined;
}

/** A number or a finite-length list of numbers, or undefined when the text is not a literal. */
function literal(text: string, evaluate: Evaluate): number | number[] | undefined {
  let result: ReturnType<Evaluate>;
  try {
    result = evaluate(text);
  } catch {
    return undefined; // the evaluator's contract is not to throw; a hover never does either way
  }
  if (!result.ok) return undefined;
  const value = result.value;
  if (typeof value === "number") return value;
  if (value.length > MAX_ENTRIES) return undefined;
  const list: number[] = [];
  for (let k = 0; k < value.length; k++) {
    if (typeof value[k] !== "number") return undefined; // nested lists: not a 1-D input
    list.push(value[k]);
  }
  return list;
}

/** The call passes the input and nothing that changes f (no call at all: `1 / (1 + exp(-3))`). */
function onlyInput(call: CallArguments | undefined): boolean {
  if (!call) return true;
  if (call.positional.length !== 1) return false;
  for (const name of call.keywords.keys()) if (!HARMLESS_KEYWORDS.has(name)) return false;
  return true;
}

/** nn.ReLU(inplace=True), nn.Sigmoid(): fine; nn.Softplus(beta=2) changes the function. */
function harmlessConstruction(construction: CallArguments | undefined, id: TermId): boolean {
  if (!construction) return true;
  for (const name of construction.keywords.keys()) if (!HARMLESS_KEYWORDS.has(name)) return false;
  // nn.ReLU(True) is inplace; any other positional option (Softplus(2) is beta) changes f.
  return construction.positional.every(
    (arg) => id === "relu" && (arg === "True" || arg === "False"),
  );
}

/** softmax(x, dim) with dim 0 or −1 (the same axis of a vector); nothing else that matters. */
function vectorOptions(call: CallArguments | undefined, inputs: number): boolean {
  if (!call) return true;
  if (call.positional.length > inputs + 1) return false;
  if (call.positional.length === inputs + 1 && !VECTOR_AXES.has(call.positional[inputs]))
    return false;
  for (const [name, value] of call.keywords) {
    if (name === "dim" || name === "axis") {
      if (!VECTOR_AXES.has(value)) return false;
    } else if (!HARMLESS_KEYWORDS.has(name)) return false;
  }
  return true;
}

/** PyTorch's names whose call is (input, target): the functional form and the module's call. */
const LOSSES: ReadonlySet<TermId> = new Set([
  "crossEntropy",
  "nllLoss",
  "binaryCrossEntropy",
  "binaryCrossEntropyWithLogits",
]);
const TORCH_LOSS_NAMES = new Set([
  "CrossEntropyLoss",
  "cross_entropy",
  "NLLLoss",
  "nll_loss",
  "BCELoss",
  "binary_cross_entropy",
  "BCEWithLogitsLoss",
  "binary_cross_entropy_with_logits",
]);
/** Options that do not change the loss of one sample (any reduction of one value is that value). */
const LOSS_NEUTRAL = new Set(["reduction", "size_average", "reduce"]);

/**
 * loss(input, target) of one sample from literals: F.cross_entropy(torch.tensor([2.0, 0.5,
 * -1.0]), torch.tensor(0)), nn.BCEWithLogitsLoss()(torch.tensor(2.5), torch.tensor(0.0)).
 * Class weights, label smoothing, ignore_index and pos_weight change the value: nothing then.
 */
function lossValue(match: TermMatch, evaluate: Evaluate): Computed | undefined {
  const call = match.call;
  if (!call || !TORCH_LOSS_NAMES.has(match.name)) return undefined;
  for (const options of [call, match.construction]) {
    if (!options) continue;
    for (const name of options.keywords.keys()) {
      if (!LOSS_NEUTRAL.has(name) && name !== "input" && name !== "target") return undefined;
    }
  }
  if (match.construction && match.construction.positional.length > 0) return undefined;
  if (call.positional.length > 2) return undefined;
  const inputText = call.positional[0] ?? call.keywords.get("input");
  const targetText = call.positional[1] ?? call.keywords.get("target");
  if (inputText === undefined || targetText === undefined) return undefined;
  const input = literal(inputText, evaluate);
  const target = literal(targetText, evaluate);
  if (input === undefined || target === undefined) return undefined;
  try {
    switch (match.term.id) {
      case "crossEntropy":
      case "nllLoss": {
        // Unbatched: input of C scores, a class index as a 0-d tensor.
        if (typeof input === "number" || typeof target !== "number") return undefined;
        if (match.term.id === "nllLoss") {
          return { kind: "loss", value: nllLoss([input], [target]) };
        }
        return {
          kind: "loss",
          value: crossEntropy([input], [target]),
          softmaxFirst: softmaxThenCrossEntropy([input], [target]),
          logits: input,
        };
      }
      case "binaryCrossEntropy":
      case "binaryCrossEntropyWithLogits": {
        const inputs = typeof input === "number" ? [input] : input;
        const targets = typeof target === "number" ? [target] : target;
        if (inputs.length !== 1 || targets.length !== 1) return undefined;
        const f =
          match.term.id === "binaryCrossEntropy"
            ? binaryCrossEntropy
            : binaryCrossEntropyWithLogits;
        return { kind: "loss", value: f(inputs, targets) };
      }
      default:
        return undefined;
    }
  } catch {
    // The core rejects a class index out of range or a probability outside [0, 1]: no number.
    return undefined;
  }
}

/** Row blocks of the stacked weights, in PyTorch's layout: LSTM i,f,g,o; GRU r,z,n; RNN one. */
const GATE_BLOCKS: Partial<Record<TermId, number>> = { lstm: 4, gru: 3, rnn: 1 };
/** PyTorch's class names; Keras (`LSTM(units)`) and tfjs take other arguments. */
const TORCH_RECURRENT = new Set(["LSTM", "LSTMCell", "GRU", "GRUCell", "RNN", "RNNCell"]);
/** Options that do not change the parameter count. */
const SHAPE_NEUTRAL = new Set(["batch_first", "dropout", "nonlinearity", "device", "dtype"]);

function size(text: string | undefined, max = 1_000_000): number | undefined {
  if (text === undefined || !/^\d{1,7}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= max ? n : undefined;
}

/**
 * The parameter count of nn.LSTM(input_size, hidden_size, num_layers, bias, bidirectional):
 * per layer and direction, G·H·(I + H) weights and 2·G·H biases, with G gate blocks and the input
 * of layer l > 0 being the previous layer's output (H, or 2H when bidirectional).
 */
function recurrentParameters(match: TermMatch): Computed | undefined {
  const args = match.construction;
  const gates = GATE_BLOCKS[match.term.id];
  if (!args || !gates || !TORCH_RECURRENT.has(match.name)) return undefined;
  const isCell = match.name.endsWith("Cell");
  // (input_size, hidden_size, num_layers) or, for a cell, (input_size, hidden_size, bias).
  if (args.positional.length > 3) return undefined;
  const keyword = (name: string) => args.keywords.get(name);
  const inputSize = size(args.positional[0] ?? keyword("input_size"));
  const hiddenSize = size(args.positional[1] ?? keyword("hidden_size"));
  if (inputSize === undefined || hiddenSize === undefined) return undefined;
  let layers = 1;
  let biasText = keyword("bias");
  if (isCell) biasText = args.positional[2] ?? biasText;
  else {
    const layersText = args.positional[2] ?? keyword("num_layers");
    if (layersText !== undefined) {
      const parsed = size(layersText, 1000);
      if (parsed === undefined) return undefined;
      layers = parsed;
    }
  }
  if (biasText !== undefined && biasText !== "True" && biasText !== "False") return undefined;
  const bias = biasText !== "False";
  const bidirectional = keyword("bidirectional");
  if (isCell && bidirectional !== undefined) return undefined;
  if (bidirectional !== undefined && bidirectional !== "True" && bidirectional !== "False")
    return undefined;
  const directions = bidirectional === "True" ? 2 : 1;
  for (const name of args.keywords.keys()) {
    if (name === "proj_size" && args.keywords.get(name) !== "0") return undefined;
    if (
      !["input_size", "hidden_size", "num_layers", "bias", "bidirectional", "proj_size"].includes(
        name,
      ) &&
      !SHAPE_NEUTRAL.has(name)
    ) {
      return undefined;
    }
  }
  const gateRows = gates * hiddenSize;
  let total = 0;
  for (let layer = 0; layer < layers; layer++) {
    const layerInput = layer === 0 ? inputSize : hiddenSize * directions;
    total += directions * (gateRows * (layerInput + hiddenSize) + (bias ? 2 * gateRows : 0));
  }
  return { kind: "parameters", total, gateRows, inputSize, hiddenSize, layers, directions, bias };
}

// The terms a hover explains and the names people write for them in PyTorch, TensorFlow/Keras,
// JAX, NumPy/SciPy and tfjs. Pure data: no vscode, so recognition is testable in plain Node. What
// a hover says about each term (title, derivative, the fact that matters) is in
// media/formulas/terms.json, next to its formula image.

/** Basename of a prebuilt image in media/formulas/ (rendered by src/hover/renderFormulas.mjs). */
export type FormulaId =
  | "sigmoid"
  | "logSigmoid"
  | "logit"
  | "tanh"
  | "relu"
  | "softplus"
  | "softmax"
  | "logSoftmax"
  | "crossEntropy"
  | "nllLoss"
  | "binaryCrossEntropy"
  | "binaryCrossEntropyWithLogits"
  | "lstm"
  | "gru"
  | "rnn";

export type TermId = FormulaId;

/** What the hover can compute from literal arguments, and how. */
export type Computation =
  | "elementwise" // a scalar or a vector in, f(x) and f'(x) out
  | "vector" // a vector of logits in, a vector out (softmax, log_softmax)
  | "recurrentShape" // nn.LSTM(input_size, hidden_size, num_layers): the parameter count
  | "none";

/** What the bundle keeps of a term; its words live in media/formulas/terms.json (TermText). */
export interface Term {
  id: TermId;
  computation: Computation;
  /** The symbol in computed values, e.g. "σ" gives `σ(2.5) = 0.924142`. */
  symbol: string;
}

/**
 * The words of a hover, one entry per term in media/formulas/terms.json. They are read lazily at
 * the first hover (like the formula images), so they add nothing to the extension bundle, and a
 * translation is one more JSON file.
 */
export interface TermText {
  /** Heading of the hover. */
  title: string;
  /** One line: what it does. */
  summary: string;
  /** The image's alt text: the formula in plain text (read aloud, shown if the image fails). */
  formula: string;
  /** The derivative, in words and symbols. */
  derivative: string;
  /** The fact that matters when you use it (may use **bold**). */
  fact: string;
}

export type TermTexts = Readonly<Record<TermId, TermText>>;

/** The words around the terms' own: labels of the hover's parts and links. */
export interface HoverLabels {
  derivative: string;
  /** The link that opens the Lab at the term's view. */
  open: string;
  /** The link to the Vanishing gradients view. */
  compareDepth: string;
  /** "{n} parameters". */
  parameters: string;
  /** "{layers} layers × {directions} directions". */
  stack: string;
  /** Beside a cross-entropy value: the value with a softmax applied before the loss. */
  softmaxFirst: string;
}

/** media/formulas/terms.json (English) or terms.<locale>.json: everything a hover says. */
export interface HoverWords {
  labels: HoverLabels;
  terms: TermTexts;
}

const term = (id: TermId, computation: Computation, symbol: string): Term => ({
  id,
  computation,
  symbol,
});

export const TERMS: Readonly<Record<TermId, Term>> = {
  sigmoid: term("sigmoid", "elementwise", "σ"),
  logSigmoid: term("logSigmoid", "elementwise", "log σ"),
  logit: term("logit", "elementwise", "logit"),
  tanh: term("tanh", "elementwise", "tanh"),
  relu: term("relu", "elementwise", "ReLU"),
  softplus: term("softplus", "elementwise", "softplus"),
  softmax: term("softmax", "vector", "softmax"),
  logSoftmax: term("logSoftmax", "vector", "log softmax"),
  crossEntropy: term("crossEntropy", "none", "CE"),
  nllLoss: term("nllLoss", "none", "NLL"),
  binaryCrossEntropy: term("binaryCrossEntropy", "none", "BCE"),
  binaryCrossEntropyWithLogits: term("binaryCrossEntropyWithLogits", "none", "BCE"),
  lstm: term("lstm", "recurrentShape", "LSTM"),
  gru: term("gru", "recurrentShape", "GRU"),
  rnn: term("rnn", "recurrentShape", "RNN"),
};

/**
 * Spellings, as dotted suffixes of the name written in code. A one-segment spelling matches that
 * name with any qualifier (`torch.sigmoid`, `F.sigmoid`, `x.sigmoid`, `sigmoid`); a longer one
 * only with those segments (lowercase `layers.lstm` is tfjs, a bare `lstm` is just a variable).
 */
const SPELLINGS: Readonly<Record<TermId, readonly string[]>> = {
  sigmoid: ["sigmoid", "Sigmoid", "expit", "sigmoid_"],
  logSigmoid: ["logsigmoid", "LogSigmoid", "log_sigmoid", "logSigmoid"],
  logit: ["logit", "logit_"],
  tanh: ["tanh", "Tanh", "tanh_"],
  relu: ["relu", "ReLU", "relu_"],
  softplus: ["softplus", "Softplus"],
  softmax: ["softmax", "Softmax"],
  logSoftmax: ["log_softmax", "LogSoftmax", "logSoftmax"],
  crossEntropy: [
    "CrossEntropyLoss",
    "cross_entropy",
    "softmax_cross_entropy_with_logits",
    "sparse_softmax_cross_entropy_with_logits",
    "losses.softmaxCrossEntropy",
  ],
  nllLoss: ["NLLLoss", "nll_loss"],
  binaryCrossEntropy: ["BCELoss", "binary_cross_entropy"],
  binaryCrossEntropyWithLogits: [
    "BCEWithLogitsLoss",
    "binary_cross_entropy_with_logits",
    "sigmoid_cross_entropy_with_logits",
    "losses.sigmoidCrossEntropy",
  ],
  lstm: ["LSTM", "LSTMCell", "layers.lstm", "layers.lstmCell", "basicLSTMCell"],
  gru: ["GRU", "GRUCell", "layers.gru", "layers.gruCell"],
  rnn: ["RNN", "RNNCell", "SimpleRNN", "SimpleRNNCell", "layers.simpleRNN"],
};

interface Spelling {
  /** Segments before the last one, e.g. ["layers"] for `layers.lstm`. */
  qualifier: readonly string[];
  term: TermId;
}

/** Last segment → spellings ending in it (a plain object lookup per hover, no scanning). */
const BY_LAST_SEGMENT: ReadonlyMap<string, readonly Spelling[]> = (() => {
  const index = new Map<string, Spelling[]>();
  for (const [term, spellings] of Object.entries(SPELLINGS) as [TermId, readonly string[]][]) {
    for (const spelling of spellings) {
      const segments = spelling.split(".");
      const last = segments.pop()!;
      const list = index.get(last) ?? [];
      list.push({ qualifier: segments, term });
      index.set(last, list);
    }
  }
  return index;
})();

/**
 * The term a dotted name stands for, or undefined. `segments` is the name split at dots, e.g.
 * ["torch", "nn", "functional", "sigmoid"].
 */
export function termForName(segments: readonly string[]): Term | undefined {
  const last = segments[segments.length - 1];
  const candidates = last === undefined ? undefined : BY_LAST_SEGMENT.get(last);
  if (!candidates) return undefined;
  for (const { qualifier, term } of candidates) {
    if (qualifier.length >= segments.length) continue;
    const offset = segments.length - 1 - qualifier.length;
    if (qualifier.every((segment, k) => segments[offset + k] === segment)) return TERMS[term];
  }
  return undefined;
}

/**
 * True for names that construct a module (`nn.Sigmoid`, `nn.LSTM`, `tf.keras.layers.GRU`): their
 * first call takes options, the input comes in a second call, `nn.Sigmoid()(x)`.
 */
export function isModuleName(lastSegment: string): boolean {
  const first = lastSegment.charCodeAt(0);
  return first >= 65 && first <= 90; // an initial capital: PyTorch and Keras classes
}

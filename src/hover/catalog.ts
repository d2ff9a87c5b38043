// The terms a hover explains: what each is, its derivative, the one fact that matters, and the
// names people write for it in PyTorch, TensorFlow/Keras, JAX, NumPy/SciPy and tfjs.
// Pure data: no vscode, so recognition and rendering are testable in plain Node.

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

export interface Term {
  id: TermId;
  /** Heading of the hover. */
  title: string;
  /** One line: what it does. */
  summary: string;
  /** The image's alt text: the formula in plain text (read aloud, shown if the image fails). */
  formulaText: string;
  /** The derivative, in words and symbols. */
  derivative: string;
  /** The fact that matters when you use it. */
  fact: string;
  computation: Computation;
  /** The symbol in computed values, e.g. "σ" gives `σ(2.5) = 0.924142`. */
  symbol: string;
}

const SIGMOID_FACT =
  "σ′ is at most 0.25, at x = 0, and near 0 for |x| > 5: backpropagation through n sigmoid " +
  "layers multiplies the gradient by at most 0.25ⁿ·‖W‖ⁿ (0.25¹⁰ ≈ 9.5·10⁻⁷), so the early layers " +
  "of a deep sigmoid network barely learn — the vanishing gradient.";

export const TERMS: Readonly<Record<TermId, Term>> = {
  sigmoid: {
    id: "sigmoid",
    title: "Sigmoid (logistic function)",
    summary: "Squashes any real number into (0, 1): a probability for one class.",
    formulaText: "σ(x) = 1 / (1 + e^(−x)); σ′(x) = σ(x)(1 − σ(x)) ≤ 1/4",
    derivative: "σ′(x) = σ(x)·(1 − σ(x)), written from the output itself.",
    fact: SIGMOID_FACT,
    computation: "elementwise",
    symbol: "σ",
  },
  logSigmoid: {
    id: "logSigmoid",
    title: "Log-sigmoid",
    summary: "log σ(x) = −softplus(−x), computed without forming σ(x) (no log 0 for x ≪ 0).",
    formulaText: "log σ(x) = −softplus(−x); d/dx log σ(x) = 1 − σ(x)",
    derivative: "d/dx log σ(x) = 1 − σ(x) = σ(−x).",
    fact: "The stable half of binary cross-entropy with logits: use it instead of log(sigmoid(x)).",
    computation: "elementwise",
    symbol: "log σ",
  },
  logit: {
    id: "logit",
    title: "Logit (inverse sigmoid)",
    summary: "Maps a probability p in (0, 1) back to a real number: σ(logit(p)) = p.",
    formulaText: "logit(p) = ln(p / (1 − p)) = σ⁻¹(p); logit′(p) = 1 / (p(1 − p))",
    derivative: "logit′(p) = 1 / (p·(1 − p)), at least 4 (at p = 0.5).",
    fact: "A model's raw outputs are called logits because σ (binary) or softmax (multinomial) turns them into probabilities; logit(0) = −∞ and logit(1) = +∞.",
    computation: "elementwise",
    symbol: "logit",
  },
  tanh: {
    id: "tanh",
    title: "Hyperbolic tangent",
    summary: "Squashes into (−1, 1), centred at 0: tanh(x) = 2σ(2x) − 1.",
    formulaText:
      "tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) = 2σ(2x) − 1; tanh′(x) = 1 − tanh²(x) ≤ 1",
    derivative: "tanh′(x) = 1 − tanh²(x), at most 1 (at x = 0).",
    fact: "Zero-centred with a 4× larger peak gradient than σ, so it vanishes more slowly — but it still saturates for |x| > 3. LSTM and GRU use it for the candidate and the output.",
    computation: "elementwise",
    symbol: "tanh",
  },
  relu: {
    id: "relu",
    title: "ReLU (rectified linear unit)",
    summary: "max(0, x): passes positive inputs unchanged, zeroes the rest.",
    formulaText: "ReLU(x) = max(0, x); ReLU′(x) = 1 if x > 0, else 0",
    derivative: "ReLU′(x) = 1 for x > 0 and 0 otherwise (PyTorch uses 0 at x = 0).",
    fact: "Its gradient is exactly 1 wherever the unit is active, so depth does not shrink it the way 0.25ⁿ does for σ; units stuck at x < 0 get no gradient (“dying ReLU”).",
    computation: "elementwise",
    symbol: "ReLU",
  },
  softplus: {
    id: "softplus",
    title: "Softplus",
    summary: "A smooth ReLU: ln(1 + eˣ), always positive.",
    formulaText: "softplus(x) = ln(1 + e^x); softplus′(x) = σ(x)",
    derivative: "softplus′(x) = σ(x): the sigmoid is the derivative of softplus.",
    fact: "−softplus(−x) = log σ(x), which is how losses on logits stay finite for large |x|.",
    computation: "elementwise",
    symbol: "softplus",
  },
  softmax: {
    id: "softmax",
    title: "Softmax",
    summary:
      "Turns a vector of logits into class probabilities that sum to 1 (multinomial logistic regression).",
    formulaText: "softmax(z)_i = e^(z_i) / Σ_j e^(z_j); ∂softmax_i/∂z_k = s_i(δ_ik − s_k)",
    derivative: "∂sᵢ/∂z_k = sᵢ·(δᵢₖ − s_k); with two classes softmax is σ of the logit difference.",
    fact: "Do not apply it before nn.CrossEntropyLoss: that loss is LogSoftmax + NLLLoss and takes raw logits — softmax first squashes the loss and shrinks its gradient.",
    computation: "vector",
    symbol: "softmax",
  },
  logSoftmax: {
    id: "logSoftmax",
    title: "Log-softmax",
    summary: "log softmax(z) = z − log Σ e^z, computed stably with the log-sum-exp trick.",
    formulaText: "log softmax(z)_i = z_i − log Σ_j e^(z_j)",
    derivative: "∂/∂z_k log softmax(z)ᵢ = δᵢₖ − softmax(z)_k.",
    fact: "LogSoftmax followed by NLLLoss is exactly CrossEntropyLoss on the raw logits.",
    computation: "vector",
    symbol: "log softmax",
  },
  crossEntropy: {
    id: "crossEntropy",
    title: "Cross-entropy loss (on logits)",
    summary: "−log of the softmax probability of the target class.",
    formulaText:
      "ℓ(z, y) = −log softmax(z)_y = −z_y + log Σ_j e^(z_j); ∂ℓ/∂z_k = softmax(z)_k − [k = y]",
    derivative: "∂ℓ/∂z_k = softmax(z)_k − [k = y]: probability minus one-hot target.",
    fact: "PyTorch's CrossEntropyLoss is LogSoftmax followed by NLLLoss, so it must get raw logits. Passing softmax outputs applies softmax twice: the loss never reaches 0 and the gradient shrinks.",
    computation: "none",
    symbol: "CE",
  },
  nllLoss: {
    id: "nllLoss",
    title: "Negative log-likelihood loss",
    summary: "Picks −a_y from log-probabilities a; it does not take the log itself.",
    formulaText: "ℓ(a, y) = −a_y with a = log softmax(z); ∂ℓ/∂a_k = −[k = y]",
    derivative: "∂ℓ/∂a_k = −1 for the target class, 0 for the others.",
    fact: "Expects log-probabilities (the output of LogSoftmax), not probabilities and not logits; LogSoftmax + NLLLoss = CrossEntropyLoss.",
    computation: "none",
    symbol: "NLL",
  },
  binaryCrossEntropy: {
    id: "binaryCrossEntropy",
    title: "Binary cross-entropy (on probabilities)",
    summary: "The loss of binary logistic regression, given p = σ(z).",
    formulaText: "ℓ(p, y) = −[y log p + (1 − y) log(1 − p)]; ∂ℓ/∂p = (p − y) / (p(1 − p))",
    derivative: "∂ℓ/∂p = (p − y) / (p·(1 − p)); through σ this becomes σ(z) − y.",
    fact: "Expects probabilities after a sigmoid; PyTorch clamps log at −100, so saturated sigmoids lose precision. Prefer BCEWithLogitsLoss on raw logits.",
    computation: "none",
    symbol: "BCE",
  },
  binaryCrossEntropyWithLogits: {
    id: "binaryCrossEntropyWithLogits",
    title: "Binary cross-entropy with logits",
    summary: "Sigmoid and binary cross-entropy in one stable step, on raw logits.",
    formulaText: "ℓ(z, y) = −[y log σ(z) + (1 − y) log(1 − σ(z))]; ∂ℓ/∂z = σ(z) − y",
    derivative: "∂ℓ/∂z = σ(z) − y: no 0.25 factor from σ′, the sigmoid's derivative cancels.",
    fact: "Takes raw logits (no sigmoid before it) and uses log σ(z) = −softplus(−z), so it stays finite where BCELoss(sigmoid(z)) saturates.",
    computation: "none",
    symbol: "BCE",
  },
  lstm: {
    id: "lstm",
    title: "LSTM (long short-term memory)",
    summary:
      "A recurrent cell whose sigmoid gates decide what the cell state keeps, adds and shows.",
    formulaText:
      "i = σ(W_ii x + W_hi h + b_i), f = σ(W_if x + W_hf h + b_f), g = tanh(W_ig x + W_hg h + b_g), o = σ(W_io x + W_ho h + b_o); c_t = f ⊙ c_(t−1) + i ⊙ g; h_t = o ⊙ tanh(c_t)",
    derivative:
      "∂c_t/∂c_(t−1) = f_t (elementwise): a forget gate near 1 carries the gradient across many steps.",
    fact: "Gates (PyTorch row order i, f, g, o): **forget** f decides how much of the old cell state to keep, **input** i how much of the candidate g to write, **output** o how much of tanh(c) to expose as h. The additive cell update fixes the long-term dependency problem of plain RNNs.",
    computation: "recurrentShape",
    symbol: "LSTM",
  },
  gru: {
    id: "gru",
    title: "GRU (gated recurrent unit)",
    summary: "A recurrent cell with two sigmoid gates and no separate cell state.",
    formulaText:
      "r = σ(W_ir x + W_hr h + b_r), z = σ(W_iz x + W_hz h + b_z), n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)); h_t = (1 − z) ⊙ n + z ⊙ h_(t−1)",
    derivative:
      "∂h_t/∂h_(t−1) includes the term z_t: an update gate near 1 copies the state, and its gradient, forward.",
    fact: "Gates (PyTorch row order r, z, n): **reset** r decides how much of the previous state the candidate n sees, **update** z how much of the old state to keep instead of n. Fewer parameters than an LSTM (3 blocks instead of 4).",
    computation: "recurrentShape",
    symbol: "GRU",
  },
  rnn: {
    id: "rnn",
    title: "Plain (Elman) RNN",
    summary: "h_t = tanh(W_ih x_t + W_hh h_(t−1) + b): no gates.",
    formulaText:
      "h_t = tanh(W_ih x_t + b_ih + W_hh h_(t−1) + b_hh); ∂h_T/∂h_t = Π_k diag(1 − h_k²) W_hh",
    derivative: "∂h_T/∂h_t is a product of T − t factors diag(1 − h²)·W_hh.",
    fact: "That product shrinks (or explodes) geometrically with the distance T − t, so a plain RNN cannot learn long-term dependencies; LSTM and GRU gates replace it with an additive path.",
    computation: "recurrentShape",
    symbol: "RNN",
  },
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

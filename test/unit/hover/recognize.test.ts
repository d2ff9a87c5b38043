// Which term a hover finds at a column, and the input text it reads from the call. Expected terms
// are the spellings of issue 5 (PyTorch, TensorFlow/Keras, JAX, SciPy, tfjs, Markdown math).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { recognizeTerm, type TermMatch } from "../../../src/hover/recognize";
import type { TermId } from "../../../src/hover/catalog";

/** The match with the cursor on the first occurrence of `at` (+ offset) in `line`. */
function at(line: string, needle: string, offset = 0): TermMatch | undefined {
  const column = line.indexOf(needle);
  assert.ok(column >= 0, `"${needle}" is not in "${line}"`);
  return recognizeTerm(line, column + offset);
}

function termAt(line: string, needle: string, offset = 0): TermId | undefined {
  return at(line, needle, offset)?.term.id;
}

describe("recognizeTerm: the sigmoid family, by every spelling", () => {
  const lines: [string, string][] = [
    ["y = sigmoid(x)", "sigmoid"],
    ["y = torch.sigmoid(x)", "sigmoid"],
    ["y = torch.nn.functional.sigmoid(x)", "sigmoid"],
    ["y = F.sigmoid(x)", "sigmoid"],
    ["self.act = nn.Sigmoid()", "Sigmoid"],
    ["self.act = torch.nn.Sigmoid()", "Sigmoid"],
    ["p = torch.special.expit(z)", "expit"],
    ["from scipy.special import expit", "expit"],
    ["p = tf.math.sigmoid(z)", "sigmoid"],
    ["p = tf.nn.sigmoid(z)", "sigmoid"],
    ["layer = Dense(1, activation=tf.keras.activations.sigmoid)", "sigmoid"],
    ["p = jax.nn.sigmoid(z)", "sigmoid"],
    ["const p = tf.sigmoid(z);", "sigmoid"],
    ["x.sigmoid_()", "sigmoid_"],
  ];
  for (const [line, name] of lines) {
    it(`finds the sigmoid in ${line}`, () => {
      assert.equal(termAt(line, name, 1), "sigmoid");
    });
  }

  it("finds the term with the cursor on any segment of the name", () => {
    const line = "y = torch.nn.functional.sigmoid(x)";
    for (const part of ["torch", "nn", "functional", "sigmoid"]) {
      assert.equal(termAt(line, part), "sigmoid", `cursor on ${part}`);
    }
    const match = at(line, "torch");
    assert.equal(match?.spelling, "torch.nn.functional.sigmoid");
    assert.deepEqual([match?.start, match?.end], [4, 31]);
  });

  it("finds the sigmoid written out, with math., np., torch., Math. and no prefix", () => {
    for (const line of [
      "return 1 / (1 + math.exp(-x))",
      "return 1.0 / (1.0 + np.exp(-x))",
      "y = 1/(1+torch.exp(-z))",
      "const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));",
      "return 1 / (1 + exp(-x))",
    ]) {
      const match = at(line, "exp", 0);
      assert.equal(match?.term.id, "sigmoid", line);
      assert.ok(match && ["x", "z"].includes(match.input ?? ""), `${line}: input ${match?.input}`);
      assert.equal(termAt(line, "1 /".slice(0, 1)), "sigmoid", `${line}: cursor on the leading 1`);
    }
  });

  it("finds the written-out sigmoid in Markdown and TeX", () => {
    assert.equal(at("σ(x) = 1 / (1 + e^(−x)) maps", "e^", 0)?.input, "x");
    assert.equal(at("$\\frac{1}{1+e^{-x}}$", "frac")?.input, "x");
    assert.equal(at("# σ(2.5) = 1 / (1 + e^-2.5) ≈ 0.924142", "e^-")?.input, "2.5");
    assert.equal(at("y = 1 / (1 + np.exp(-(a + b)))", "np")?.input, "(a + b)");
  });

  it("finds σ and \\sigma, with the argument of σ(2.5), and not σ² or \\sigma^2", () => {
    assert.equal(at("σ(2.5) ≈ 0.924142", "σ")?.input, "2.5");
    assert.equal(at("Its derivative is σ'(x) = σ(x)(1 − σ(x))", "σ'")?.term.id, "sigmoid");
    assert.equal(at("$\\sigma(2.5)$", "sigma")?.input, "2.5");
    assert.equal(at("$\\sigma\\left(2.5\\right)$", "\\sigma")?.input, "2.5");
    assert.equal(termAt("variance σ² of the noise", "σ"), undefined);
    assert.equal(termAt("$\\sigma^2$", "sigma"), undefined);
    assert.equal(termAt("noise sigma = 0.1", "sigma"), undefined);
    assert.equal(termAt("$\\sigmab$", "sigma"), undefined);
  });
});

describe("recognizeTerm: the other terms", () => {
  const cases: [string, string, TermId][] = [
    ["torch.logit(p)", "logit", "logit"],
    ["np.tanh(x)", "tanh", "tanh"],
    ["Math.tanh(cellState)", "tanh", "tanh"],
    ["nn.Tanh()", "Tanh", "tanh"],
    ["F.relu(x)", "relu", "relu"],
    ["nn.ReLU(inplace=True)", "ReLU", "relu"],
    ["F.softplus(x)", "softplus", "softplus"],
    ["F.logsigmoid(x)", "logsigmoid", "logSigmoid"],
    ["torch.softmax(logits, dim=1)", "softmax", "softmax"],
    ["F.log_softmax(logits, dim=1)", "log_softmax", "logSoftmax"],
    ["nn.Softmax(dim=1)", "Softmax", "softmax"],
    ["nn.LogSoftmax(dim=1)", "LogSoftmax", "logSoftmax"],
    ["tf.logSoftmax(logits)", "logSoftmax", "logSoftmax"],
    ["criterion = nn.CrossEntropyLoss()", "CrossEntropyLoss", "crossEntropy"],
    ["loss = F.cross_entropy(logits, y)", "cross_entropy", "crossEntropy"],
    ["tf.nn.softmax_cross_entropy_with_logits(labels, logits)", "softmax_cross", "crossEntropy"],
    ["nn.NLLLoss()", "NLLLoss", "nllLoss"],
    ["nn.BCELoss()", "BCELoss", "binaryCrossEntropy"],
    ["nn.BCEWithLogitsLoss(pos_weight=w)", "BCEWithLogitsLoss", "binaryCrossEntropyWithLogits"],
    ["F.binary_cross_entropy_with_logits(z, y)", "binary_cross", "binaryCrossEntropyWithLogits"],
    ["self.rnn = nn.LSTM(4, 8)", "LSTM", "lstm"],
    ["cell = nn.LSTMCell(4, 8)", "LSTMCell", "lstm"],
    ["nn.GRU(10, 20, 2)", "GRU", "gru"],
    ["nn.GRUCell(3, 6)", "GRUCell", "gru"],
    ["nn.RNN(3, 5)", "RNN", "rnn"],
    ["tf.keras.layers.LSTM(32, return_sequences=True)", "LSTM", "lstm"],
    ["tf.keras.layers.GRU(32)", "GRU", "gru"],
    ["layers.SimpleRNN(16)", "SimpleRNN", "rnn"],
    ["const cell = tf.layers.lstm({ units: 8 });", "lstm", "lstm"],
  ];
  for (const [line, needle, term] of cases) {
    it(`${line} → ${term}`, () => assert.equal(termAt(line, needle, 1), term));
  }

  it("does not take a bare lowercase lstm, or a name that only contains a term", () => {
    assert.equal(termAt("lstm = build()", "lstm"), undefined);
    assert.equal(termAt("export function lstmStep(x) {}", "lstmStep"), undefined);
    assert.equal(termAt("my_sigmoid_table = {}", "sigmoid"), undefined);
    assert.equal(termAt("x = torch.tensor(2.5)", "tensor"), undefined);
  });

  it("takes the segment under the cursor first: LSTM in nn.LSTM.forward", () => {
    const match = at("nn.LSTM.forward(x)", "LSTM");
    assert.equal(match?.term.id, "lstm");
    assert.equal(match?.spelling, "nn.LSTM");
    assert.equal(match?.input, undefined, "forward's argument is not the LSTM's constructor input");
  });
});

describe("recognizeTerm: inputs and options read from the call", () => {
  it("reads the first positional argument and the keywords", () => {
    const match = at("F.softmax(torch.tensor([1.0, 2.0, 3.0]), dim=0)", "softmax");
    assert.equal(match?.input, "torch.tensor([1.0, 2.0, 3.0])");
    assert.equal(match?.call?.keywords.get("dim"), "0");
  });

  it("reads a module's input from the second call: nn.Sigmoid()(x), nn.Softmax(dim=0)(z)", () => {
    const sigmoid = at("nn.Sigmoid()(torch.tensor(2.5))", "Sigmoid");
    assert.equal(sigmoid?.input, "torch.tensor(2.5)");
    assert.equal(sigmoid?.construction?.positional.length, 0);
    const softmax = at("nn.Softmax(dim=0)(torch.tensor([1.0, 2.0]))", "Softmax");
    assert.equal(softmax?.input, "torch.tensor([1.0, 2.0])");
    assert.equal(softmax?.construction?.keywords.get("dim"), "0");
    assert.equal(at("nn.LSTM(4, 8)", "LSTM")?.input, undefined);
    assert.deepEqual(at("nn.LSTM(4, 8)", "LSTM")?.construction?.positional, ["4", "8"]);
  });

  it("skips brackets and commas inside strings", () => {
    const match = at('f.sigmoid(x, name="a, (b")', "sigmoid");
    assert.equal(match?.input, "x");
    assert.equal(match?.call?.keywords.get("name"), '"a, (b"');
  });

  it("accepts the cursor just after the name (keyboard hover at the end of a word)", () => {
    const line = "torch.sigmoid";
    assert.equal(recognizeTerm(line, line.length)?.term.id, "sigmoid");
    assert.equal(recognizeTerm("F.relu(x) ", 6)?.term.id, "relu", "on the parenthesis after relu");
  });
});

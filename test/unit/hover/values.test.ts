// The numbers a hover shows, end to end (line → term → core → Markdown), checked against
// PyTorch 1.13 in float64 (test/fixtures/hover/torch.json, from generate.py beside it) and against
// the core's own functions.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { evaluate, sigmoid, sigmoidDerivative, softmax } from "../../../src/core";
import { describeHover } from "../../../src/hover/describe";
import { renderHover } from "../../../src/hover/render";
import type { Computed } from "../../../src/hover/compute";
import type { HoverWords } from "../../../src/hover/catalog";

const words = JSON.parse(
  readFileSync(new URL("../../../media/formulas/terms.json", import.meta.url), "utf8"),
) as HoverWords;

/** The hover's Markdown for a model, with the shipped English words. */
function render(
  model: NonNullable<ReturnType<typeof describeHover>>,
  digits = 6,
  imageUri?: string,
) {
  return renderHover(model, {
    words,
    digits,
    ...(imageUri ? { imageUri } : {}),
  });
}

interface TorchCase {
  line: string;
  at: string;
  value?: number;
  derivative?: number;
  values?: number[];
  loss?: number;
  softmaxFirst?: number;
  parameters?: number;
}

const fixture = JSON.parse(
  readFileSync(new URL("../../fixtures/hover/torch.json", import.meta.url), "utf8"),
) as { torch: string; cases: TorchCase[] };

function hoverModel(line: string, needle: string, offset = 1) {
  const column = line.indexOf(needle);
  assert.ok(column >= 0, `"${needle}" is not in "${line}"`);
  return describeHover(line, column + offset, evaluate);
}

function computedAt(line: string, needle: string): Computed | undefined {
  return hoverModel(line, needle)?.computed;
}

/** Relative error bound: the core is within a few ulp of the true value (DESIGN.md). */
function close(actual: number, expected: number, label: string, rtol = 1e-14): void {
  const error = Math.abs(actual - expected);
  assert.ok(error <= rtol * Math.abs(expected), `${label}: ${actual} vs PyTorch ${expected}`);
}

describe(`hover values against PyTorch ${fixture.torch} (float64)`, () => {
  for (const c of fixture.cases) {
    it(c.line, () => {
      const computed = computedAt(c.line, c.at);
      assert.ok(computed, `no value computed for ${c.line}`);
      if (c.value !== undefined) {
        assert.equal(computed.kind, "scalar");
        if (computed.kind !== "scalar") return;
        close(computed.value, c.value, "value");
        close(computed.derivative, c.derivative!, "derivative", 1e-12);
      } else if (c.values !== undefined) {
        assert.ok(computed.kind === "distribution" || computed.kind === "elementwise");
        if (computed.kind !== "distribution" && computed.kind !== "elementwise") return;
        c.values.forEach((v, k) => close(computed.values[k], v, `values[${k}]`));
      } else if (c.loss !== undefined) {
        assert.equal(computed.kind, "loss");
        if (computed.kind !== "loss") return;
        close(computed.value, c.loss, "loss");
        if (c.softmaxFirst !== undefined)
          close(computed.softmaxFirst!, c.softmaxFirst, "softmax first");
      } else {
        assert.equal(computed.kind, "parameters");
        if (computed.kind === "parameters") assert.equal(computed.total, c.parameters);
      }
    });
  }
});

describe("the hovers of issue 5, as text", () => {
  it("torch.sigmoid(torch.tensor(2.5)) → σ = 0.924142, σ' = 0.070104 and a link to x = 2.5", () => {
    const model = hoverModel("p = torch.sigmoid(torch.tensor(2.5))", "sigmoid");
    assert.ok(model);
    const markdown = render(model, 6, "data:image/svg+xml;base64,AA==");
    assert.ok(markdown.includes("`σ(2.5) = 0.924142` · `σ'(2.5) = 0.070104`"), markdown);
    assert.ok(
      markdown.startsWith(
        "![σ(x) = 1 / (1 + e^(−x)); σ′(x) = σ(x)(1 − σ(x)) ≤ 1/4](data:image/svg+xml;base64,AA==)",
      ),
    );
    const intent = encodeURIComponent(JSON.stringify([{ view: "activations", x: 2.5 }]));
    assert.ok(
      markdown.includes(`[Open in Sigmoid Lab](command:sigmoidLab.open?${intent})`),
      markdown,
    );
    assert.equal(sigmoid(2.5).toFixed(6), "0.924142", "closed form check of the expected text");
    assert.equal(sigmoidDerivative(2.5).toFixed(6), "0.070104");
  });

  it("F.softmax(torch.tensor([1.0, 2.0, 3.0]), dim=0) → [0.090031, 0.244728, 0.665241] and the logits link", () => {
    const model = hoverModel("F.softmax(torch.tensor([1.0, 2.0, 3.0]), dim=0)", "softmax");
    assert.ok(model);
    const markdown = render(model);
    assert.ok(markdown.includes("`softmax([1, 2, 3]) = [0.090031, 0.244728, 0.665241]`"), markdown);
    const intent = encodeURIComponent(JSON.stringify([{ view: "softmax", logits: [1, 2, 3] }]));
    assert.ok(markdown.includes(`command:sigmoidLab.open?${intent}`), markdown);
    assert.deepEqual(
      Array.from(softmax([1, 2, 3]), (v) => v.toFixed(6)),
      ["0.090031", "0.244728", "0.665241"],
    );
  });

  it("nn.LSTM / nn.GRU / nn.RNN link to the recurrent view with their cell kind", () => {
    for (const [line, cell] of [
      ["nn.LSTM(4, 8)", "lstm"],
      ["tf.keras.layers.GRU(32)", "gru"],
      ["nn.RNN(3, 5)", "rnn"],
    ] as const) {
      const markdown = render(hoverModel(line, line.split("(")[0].split(".").pop()!)!);
      const intent = encodeURIComponent(JSON.stringify([{ view: "recurrent", cell }]));
      assert.ok(markdown.includes(`command:sigmoidLab.open?${intent}`), `${line}:\n${markdown}`);
    }
    const lstm = render(hoverModel("nn.LSTM(4, 8)", "LSTM")!);
    assert.ok(lstm.includes("**448 parameters**"), lstm);
    assert.ok(
      lstm.includes("**forget**") && lstm.includes("**input**") && lstm.includes("**output**"),
    );
  });

  it("F.cross_entropy on literal logits: the loss, the softmax-first value, the logits link", () => {
    const line = "F.cross_entropy(torch.tensor([2.0, 0.5, -1.0]), torch.tensor(0))";
    const markdown = render(hoverModel(line, "cross_entropy")!);
    // PyTorch 1.13: 0.24131129665715703 and, softmax first, 0.7017175390062181 (torch.json).
    assert.ok(
      markdown.includes("`CE = 0.241311` · softmax applied first (the mistake): `0.701718`"),
      markdown,
    );
    const intent = encodeURIComponent(JSON.stringify([{ view: "softmax", logits: [2, 0.5, -1] }]));
    assert.ok(markdown.includes(`command:sigmoidLab.open?${intent}`), markdown);
    assert.equal(
      computedAt("F.cross_entropy(torch.tensor([2.0, 0.5]), torch.tensor(5))", "cross"),
      undefined,
    );
    assert.equal(
      computedAt(
        "F.cross_entropy(torch.tensor([2.0, 0.5]), torch.tensor(0), label_smoothing=0.1)",
        "cross",
      ),
      undefined,
    );
  });

  it("CrossEntropyLoss says why it takes raw logits", () => {
    const markdown = render(hoverModel("criterion = nn.CrossEntropyLoss()", "Cross")!);
    assert.ok(markdown.includes("LogSoftmax followed by NLLLoss"), markdown);
    assert.ok(markdown.includes("raw logits"));
  });

  it("respects the digits setting", () => {
    const model = hoverModel("torch.sigmoid(torch.tensor(2.5))", "sigmoid")!;
    assert.ok(render(model, 3).includes("`σ(2.5) = 0.924`"));
    assert.ok(render(model, 10).includes("`σ(2.5) = 0.9241418200`"));
  });

  it("computes nothing when the input is not a literal or an option changes the function", () => {
    assert.equal(computedAt("torch.sigmoid(x)", "sigmoid"), undefined);
    assert.equal(computedAt("F.softplus(torch.tensor(1.0), beta=2)", "softplus"), undefined);
    assert.equal(computedAt("nn.Softplus(2)(torch.tensor(1.0))", "Softplus"), undefined);
    assert.equal(computedAt("torch.logit(torch.tensor(0.3), eps=1e-6)", "logit"), undefined);
    assert.equal(computedAt("F.softmax(torch.tensor([1.0, 2.0]), dim=1)", "softmax"), undefined);
    assert.equal(computedAt("tf.keras.layers.LSTM(32)", "LSTM"), undefined);
    assert.equal(computedAt("nn.LSTM(4, 8, proj_size=2)", "LSTM"), undefined);
    const relu = computedAt("nn.ReLU(inplace=True)(torch.tensor(2.0))", "ReLU");
    assert.equal(relu?.kind, "scalar", "inplace does not change the value");
  });

  it("probes the Lab only inside its x range (−50…50); logit probes at x = logit(p)", () => {
    const far = hoverModel("torch.sigmoid(torch.tensor(80.0))", "sigmoid")!;
    assert.deepEqual(far.links[0].intent, { view: "activations" });
    const logit = hoverModel("torch.logit(torch.tensor(0.5))", "logit")!;
    assert.deepEqual(logit.links[0].intent, { view: "activations", x: 0 });
  });
});

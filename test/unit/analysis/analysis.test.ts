// Findings' shape and positions, the depth-attenuation lenses, notebooks, and robustness.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { analyzeProgram, analyzePython, labCommandUri } from "../../../src/analysis";
import { cellOf, combineCells } from "../../../src/analysis/notebook";
import { useNodeWasm } from "./nodeWasm";

useNodeWasm();

test("a finding has a code, a one-line message, 0-based positions and a Lab intent", async () => {
  const source =
    "import torch.nn.functional as F\nloss = F.cross_entropy(F.softmax(z, dim=1), y)\n";
  const [finding] = await analyzePython(source);
  assert.equal(finding.code, "SL001");
  assert.deepEqual(
    [finding.line, finding.column, finding.endLine, finding.endColumn],
    [1, 23, 1, 42], // `F.softmax(z, dim=1)` on the second line
  );
  assert.doesNotMatch(finding.message, /\n/);
  assert.deepEqual(finding.lab, { view: "softmax" });
  assert.equal(finding.related?.line, 1);
});

test("columns count UTF-16 code units, as VS Code positions do", async () => {
  const source =
    'import torch\nnote = "σ한😀"; p = torch.softmax(z, 1); torch.nn.functional.cross_entropy(p, y)\n';
  const [finding] = await analyzePython(source);
  assert.equal(finding.column, source.split("\n")[1].indexOf("torch.softmax"));
});

test("the CodeLens counts sigmoid layers and bounds the gradient by 0.25^n", async () => {
  const source = [
    "import torch.nn as nn",
    "net = nn.Sequential(",
    "    nn.Linear(32, 64), nn.Sigmoid(),",
    "    nn.Linear(64, 64), nn.Sigmoid(),",
    "    nn.Linear(64, 64), nn.Sigmoid(),",
    "    nn.Linear(64, 64), nn.Sigmoid(),",
    "    nn.Linear(64, 10),",
    ")",
  ].join("\n");
  const { lenses, findings } = await analyzeProgram(source);
  assert.equal(lenses.length, 1);
  // 0.25^4 = 0.00390625, written with two significant digits.
  assert.equal(lenses[0].title, "4 sigmoid layers — gradient to the first layer ≤ 0.25^4 = 0.0039");
  assert.deepEqual(lenses[0].intent, {
    view: "vanishing",
    depth: 4,
    activation: "sigmoid",
    width: 64,
  });
  assert.equal(lenses[0].anchor.line, 1);
  assert.deepEqual(
    findings.map((f) => f.code),
    ["SL005"],
  );
});

test("a Module subclass gets a lens when its forward applies sigmoid or tanh", async () => {
  const source = [
    "import torch, torch.nn as nn",
    "class Net(nn.Module):",
    "    def __init__(self):",
    "        super().__init__()",
    "        self.a = nn.Linear(8, 8)",
    "        self.b = nn.Linear(8, 2)",
    "    def forward(self, x):",
    "        return self.b(torch.tanh(torch.sigmoid(self.a(x))))",
  ].join("\n");
  const { lenses } = await analyzeProgram(source);
  assert.equal(lenses.length, 1);
  assert.equal(
    lenses[0].title,
    "1 sigmoid layer + 1 tanh — gradient to the first layer ≤ 0.25^1 = 0.25",
  );
  assert.equal(lenses[0].anchor.line, 1);
  assert.deepEqual(lenses[0].intent, {
    view: "vanishing",
    depth: 2,
    activation: "sigmoid",
    width: 8,
  });
});

test("no lens for networks without sigmoid or tanh", async () => {
  const { lenses } = await analyzeProgram(
    "import torch.nn as nn\nnet = nn.Sequential(nn.Linear(3, 3), nn.ReLU())\n",
  );
  assert.equal(lenses.length, 0);
});

test("the Lab link is a command URI with the intent as its JSON argument", () => {
  const uri = labCommandUri({ view: "vanishing", depth: 4, width: 64, activation: "sigmoid" });
  assert.ok(uri.startsWith("command:sigmoidLab.open?"));
  assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice("command:sigmoidLab.open?".length))), [
    { view: "vanishing", depth: 4, width: 64, activation: "sigmoid" },
  ]);
});

test("notebook cells are one program: a model from one cell reaches the loss in another", async () => {
  const cells = [
    "%matplotlib inline\nimport torch\nimport torch.nn as nn",
    "model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))",
    "!pip list\ncriterion = nn.CrossEntropyLoss()\nloss = criterion(model(x), y)",
  ];
  const combined = combineCells(cells);
  const [finding] = await analyzePython(combined.source);
  assert.equal(finding.code, "SL001");
  assert.deepEqual(cellOf(combined, finding.line), { cell: 1, line: 0 });
  assert.deepEqual(cellOf(combined, 0), { cell: 0, line: 0 });
  assert.deepEqual(cellOf(combined, 5), { cell: 2, line: 1 });
});

test("broken, empty and non-PyTorch sources give no findings and do not throw", async () => {
  for (const source of [
    "",
    "def f(:\n  return softmax(",
    "x = 1\n" + "(".repeat(500),
    "print('hi')\n",
  ]) {
    assert.deepEqual(await analyzePython(source), []);
  }
});

test("recursion in the analysed code terminates", async () => {
  const source = [
    "import torch.nn.functional as F",
    "def f(x): return g(x)",
    "def g(x): return f(F.softmax(x, 1))",
    "F.cross_entropy(f(z), y)",
  ].join("\n");
  assert.ok(Array.isArray(await analyzePython(source)));
});

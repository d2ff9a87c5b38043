// Every quick fix, applied to its snippet, gives code the analysis no longer flags for that rule.
// Expected texts are written by hand from the mechanical fix each rule promises (issue 7).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { analyzePython, type Finding } from "../../../src/analysis";
import { CORPUS, loadCorpus } from "./corpusCheck";
import { applyEdits } from "./edits";
import { useNodeWasm } from "./nodeWasm";

useNodeWasm();

async function only(source: string, code: string): Promise<Finding> {
  const findings = (await analyzePython(source)).filter((f) => f.code === code);
  assert.equal(findings.length, 1, `expected one ${code}, got ${findings.length}`);
  return findings[0];
}

async function fixed(source: string, code: string): Promise<string> {
  const finding = await only(source, code);
  assert.ok(finding.fix, `${code} has no fix`);
  return applyEdits(source, finding.fix.edits);
}

test("SL001 fix drops F.softmax and keeps its input", async () => {
  const source =
    "import torch.nn.functional as F\nloss = F.cross_entropy(F.softmax(z, dim=1), y)\n";
  assert.equal(
    await fixed(source, "SL001"),
    "import torch.nn.functional as F\nloss = F.cross_entropy(z, y)\n",
  );
});

test("SL001 fix on a method softmax keeps the receiver", async () => {
  const source =
    "import torch.nn.functional as F\np = (a + b).softmax(-1)\nF.cross_entropy(p, y)\n";
  assert.equal(
    await fixed(source, "SL001"),
    "import torch.nn.functional as F\np = (a + b)\nF.cross_entropy(p, y)\n",
  );
});

test("SL001 fix parenthesises an input that is not a primary expression", async () => {
  const source =
    "import torch\nimport torch.nn as nn\nnn.CrossEntropyLoss()(torch.softmax(a + b, 1).squeeze(), y)\n";
  assert.equal(
    await fixed(source, "SL001"),
    "import torch\nimport torch.nn as nn\nnn.CrossEntropyLoss()((a + b).squeeze(), y)\n",
  );
});

test("SL001 fix removes nn.Softmax from the end of nn.Sequential", async () => {
  const source = readFileSync(path.join(CORPUS, "positive/p04_sequential_softmax_last.py"), "utf8");
  const after = await fixed(source, "SL001");
  assert.match(after, /nn\.Linear\(128, 10\),[^\n]*\n\)/);
  assert.doesNotMatch(after, /Softmax/);
});

test("SL002 fix respells softmax as log_softmax, and nn.Softmax as nn.LogSoftmax", async () => {
  const functional = "import torch.nn.functional as F\nF.nll_loss(F.softmax(z, dim=1), y)\n";
  assert.equal(
    await fixed(functional, "SL002"),
    "import torch.nn.functional as F\nF.nll_loss(F.log_softmax(z, dim=1), y)\n",
  );
  const layer =
    "import torch.nn as nn\nm = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))\nnn.NLLLoss()(m(x), y)\n";
  assert.equal(
    await fixed(layer, "SL002"),
    "import torch.nn as nn\nm = nn.Sequential(nn.Linear(4, 3), nn.LogSoftmax(dim=1))\nnn.NLLLoss()(m(x), y)\n",
  );
});

test("SL003 fix drops the sigmoid attribute call in forward", async () => {
  const source = readFileSync(path.join(CORPUS, "positive/p28_sigmoid_attribute.py"), "utf8");
  const after = await fixed(source, "SL003");
  assert.match(after, /return self\.linear\(x\) {2}#/);
});

test("SL004 fix switches nn.BCELoss to nn.BCEWithLogitsLoss, and the functional form likewise", async () => {
  const source = "import torch.nn as nn\nm = nn.Linear(3, 1)\nc = nn.BCELoss()\nc(m(x), y)\n";
  assert.equal(
    await fixed(source, "SL004"),
    "import torch.nn as nn\nm = nn.Linear(3, 1)\nc = nn.BCEWithLogitsLoss()\nc(m(x), y)\n",
  );
  const functional =
    "import torch.nn.functional as F\nimport torch.nn as nn\nm = nn.Linear(3, 1)\nF.binary_cross_entropy(m(x), y)\n";
  assert.match(
    await fixed(functional, "SL004"),
    /F\.binary_cross_entropy_with_logits\(m\(x\), y\)/,
  );
});

test("SL004 offers no fix where BCELoss was imported by its bare name", async () => {
  const source = "from torch.nn import BCELoss, Linear\nm = Linear(3, 1)\nBCELoss()(m(x), y)\n";
  const finding = await only(source, "SL004");
  assert.equal(finding.fix, undefined);
});

test("applying every fix in the corpus removes that finding and adds no new one", async () => {
  for (const snippet of loadCorpus().filter((s) => s.group === "positive")) {
    const before = await analyzePython(snippet.source);
    for (const finding of before) {
      if (!finding.fix) continue;
      const after = await analyzePython(applyEdits(snippet.source, finding.fix.edits));
      const codes = after.map((f) => f.code);
      assert.ok(
        after.filter((f) => f.code === finding.code).length <
          before.filter((f) => f.code === finding.code).length,
        `${snippet.file}: ${finding.code} still reported after its fix`,
      );
      for (const code of codes) {
        assert.ok(
          before.some((f) => f.code === code),
          `${snippet.file}: the ${finding.code} fix introduced ${code}`,
        );
      }
    }
  }
});

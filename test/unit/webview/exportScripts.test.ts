// The exported PyTorch scripts reproduce the panel's numbers: each script is run with
// /usr/bin/python3 and PyTorch 1.13 (float64) and its printed numbers compared with the math core's,
// which is what the panel draws. Skipped where python3 or torch is missing.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  crossEntropy,
  simulateVanishingGradient,
  softmaxThenCrossEntropy,
  trainDeepNetwork,
  trainLogisticRegression,
} from "../../../src/core";
import { defaultLabState } from "../../../src/shared/labState";
import { softmaxScript } from "../../../webview/export/softmaxScript";
import { vanishingScript } from "../../../webview/export/vanishingScript";
import { MeanOfLogs, sampleSeed } from "../../../webview/views/vanishingSamples";

const hasTorch = spawnSync("/usr/bin/python3", ["-c", "import torch"]).status === 0;
const folder = mkdtempSync(path.join(tmpdir(), "sigmoid-lab-scripts-"));

function run(name: string, script: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, script);
  return execFileSync("/usr/bin/python3", [file], { encoding: "utf8" });
}

function close(actual: number, expected: number, what: string): void {
  const tolerance = 1e-6 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`);
}

test("vanishing gradients: per-layer norms (mean over samples)", { skip: !hasTorch }, () => {
  const v = { ...defaultLabState().vanishing, depth: 6, width: 8, samples: 3 };
  const lines = run("gradients.py", vanishingScript(v, 4)).trim().split("\n").slice(1);
  const mean = new MeanOfLogs(v.depth);
  for (let s = 0; s < v.samples; s++) {
    mean.add(
      simulateVanishingGradient({ ...v, seed: sampleSeed(v.seed, s), samples: 1 })
        .log10GradientNorms,
    );
  }
  const panel = mean.mean();
  assert.equal(lines.length, v.depth);
  lines.forEach((line, l) =>
    close(Number(line.trim().split(/\s+/)[1]), panel[l], `layer ${l + 1}`),
  );
});

test("vanishing gradients: training losses and update sizes", { skip: !hasTorch }, () => {
  const v = {
    ...defaultLabState().vanishing,
    depth: 5,
    width: 6,
    steps: 3,
    mode: "training" as const,
  };
  const lines = run("training.py", vanishingScript(v, 4)).trim().split("\n").slice(1);
  const panel = trainDeepNetwork({ ...v, batchSize: 4 });
  assert.equal(lines.length, v.steps);
  lines.forEach((line, s) => {
    const [, loss, ...relative] = line.trim().split(/\s+/).map(Number);
    close(loss, panel.losses[s], `loss at step ${s + 1}`);
    // printed with 3 significant digits
    relative.forEach((r, l) =>
      assert.ok(
        Math.abs(r - panel.relativeUpdates[s][l]) <= 0.006 * r,
        `step ${s + 1} layer ${l + 1}`,
      ),
    );
  });
});

test(
  "logits & softmax: cross-entropy, the softmax-first mistake, logistic regression",
  {
    skip: !hasTorch,
  },
  () => {
    const s = defaultLabState().softmax;
    const out = run("softmax.py", softmaxScript(s));
    const number = (pattern: RegExp) => Number(out.match(pattern)![1]);
    close(number(/CrossEntropyLoss\(z\) = ([\d.e-]+)/), crossEntropy([s.logits], [s.target]), "CE");
    close(
      number(/CrossEntropyLoss\(softmax\(z\)\) = ([\d.e-]+)/),
      softmaxThenCrossEntropy([s.logits], [s.target]),
      "softmax then CE",
    );
    const points = s.points.filter((p) => p.label < 2);
    const model = trainLogisticRegression({
      kind: "binary",
      points: points.map((p) => [p.x, p.y]),
      labels: points.map((p) => p.label),
      epochs: s.epochs,
      learningRate: s.learningRate,
    });
    close(number(/final loss: ([\d.e-]+)/), model.finalLoss, "logistic regression final loss");
  },
);

// Cross-entropy (mean over rows, class-index targets) over 1,000 rows of 10 and of 1,000 classes:
// crossEntropy against a hand-written loop of the same maths and against tfjs-cpu's
// tf.losses.softmaxCrossEntropy (one-hot labels, tensors made once outside the timed call, float32).
// Both loops get the same Float64Array rows and Int32Array targets.
// Interleaved rounds, median of per-round ratios. Run: node --import tsx test/bench/losses.bench.ts
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { crossEntropy } from "../../src/core";
import { createRng } from "../../src/core/random";
import {
  BenchCase,
  RatioRow,
  measureInterleaved,
  medianRatio,
  printEnvironment,
  printRatioTable,
} from "./interleave";

/** −log softmax(x)[t] per row with the max subtracted, averaged: the same maths by hand. */
function handCrossEntropy(logits: Float64Array[], target: Int32Array, classes: number): number {
  let total = 0;
  for (let n = 0; n < logits.length; n++) {
    const row = logits[n];
    let max = -Infinity;
    for (let j = 0; j < classes; j++) if (row[j] > max) max = row[j];
    let sum = 0;
    for (let j = 0; j < classes; j++) sum += Math.exp(row[j] - max);
    total += max + Math.log(sum) - row[target[n]];
  }
  return total / logits.length;
}

async function main(): Promise<void> {
  await tf.setBackend("cpu");
  printEnvironment();
  const cases: BenchCase[] = [];
  const rows: Array<() => RatioRow> = [];
  const count = 1000;
  for (const classes of [10, 1000]) {
    const rng = createRng(classes);
    const logits = Array.from({ length: count }, () =>
      Float64Array.from({ length: classes }, () => rng.normal() * 3),
    );
    const target = Int32Array.from({ length: count }, () => Math.floor(rng.next() * classes));
    const core = crossEntropy(logits, target);
    const hand = handCrossEntropy(logits, target, classes);
    if (Math.abs(core - hand) > 1e-12 * core) throw new Error(`core ${core} vs hand ${hand}`);
    const flat = new Float32Array(count * classes);
    logits.forEach((row, n) => flat.set(row, n * classes));
    const logitsTf = tf.tensor2d(flat, [count, classes]);
    const labelsTf = tf.oneHot(tf.tensor1d(target, "int32"), classes);
    cases.push(
      { name: `core C=${classes}`, run: () => crossEntropy(logits, target) },
      { name: `hand C=${classes}`, run: () => handCrossEntropy(logits, target, classes) },
      {
        name: `tfjs C=${classes}`,
        run: () => {
          const loss = tf.tidy(() => tf.losses.softmaxCrossEntropy(labelsTf, logitsTf));
          const value = loss.dataSync()[0];
          loss.dispose();
          return value;
        },
      },
    );
    rows.push(
      () => {
        const ratio = medianRatio(samples, `core C=${classes}`, `hand C=${classes}`);
        return {
          name: `crossEntropy 1000×${classes}: core / hand loop`,
          ratio,
          budget: "≤ 1.2",
          ok: ratio <= 1.2,
        };
      },
      () => {
        const ratio = medianRatio(samples, `tfjs C=${classes}`, `core C=${classes}`);
        return {
          name: `crossEntropy 1000×${classes}: tfjs-cpu / core`,
          ratio,
          budget: "> 1 (core faster)",
          ok: ratio > 1,
        };
      },
    );
  }
  const samples = measureInterleaved(cases, { rounds: 31, warmupRounds: 3, minMs: 25 });
  printRatioTable(
    "Cross-entropy: median of per-round ratios",
    rows.map((make) => make()),
  );
  console.log("\nmedian ns per call:");
  for (const [name, values] of samples)
    console.log(`  ${name}: ${Math.round([...values].sort((a, b) => a - b)[values.length >> 1])}`);
}

void main();

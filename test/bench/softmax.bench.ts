// softmax over 1,000 rows of 10 and of 1,000 logits (6·N(0, 1), seeded): the core's softmaxInto
// row by row against a hand-written loop of the same maths (max, exp of the shifted logits, one
// reciprocal of the sum) and against tfjs-core + tfjs-backend-cpu's tf.softmax on a [1000, C]
// float32 tensor made once (dataSync included, result disposed). Both JS loops write into the
// same preallocated Float64Array rows.
// Interleaved rounds, median of per-round ratios. Run: node --import tsx test/bench/softmax.bench.ts
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { softmaxInto } from "../../src/core";
import {
  type BenchCase,
  type RatioRow,
  measureInterleaved,
  medianRatio,
  printEnvironment,
  printRatioTable,
} from "./interleave";

const ROWS = 1000;

function logitRows(rows: number, classes: number, seed: number): Float64Array[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  return Array.from({ length: rows }, () =>
    Float64Array.from(
      { length: classes },
      () => 6 * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()),
    ),
  );
}

function handSoftmaxRows(logits: Float64Array[], out: Float64Array[]): Float64Array[] {
  for (let r = 0; r < logits.length; r++) {
    const row = logits[r];
    const target = out[r];
    const n = row.length;
    let max = -Infinity;
    for (let j = 0; j < n; j++) if (row[j] > max) max = row[j];
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const e = Math.exp(row[j] - max);
      target[j] = e;
      sum += e;
    }
    const inverse = 1 / sum;
    for (let j = 0; j < n; j++) target[j] *= inverse;
  }
  return out;
}

function coreSoftmaxRows(logits: Float64Array[], out: Float64Array[]): Float64Array[] {
  for (let r = 0; r < logits.length; r++) softmaxInto(logits[r], out[r]);
  return out;
}

async function main(): Promise<void> {
  await tf.setBackend("cpu");
  printEnvironment();
  const cases: BenchCase[] = [];
  const sizes = [10, 1000];
  for (const classes of sizes) {
    const logits = logitRows(ROWS, classes, classes);
    const out = logits.map((row) => new Float64Array(row.length));
    const check = logits.map((row) => new Float64Array(row.length));
    coreSoftmaxRows(logits, out);
    handSoftmaxRows(logits, check);
    out.forEach((row, r) =>
      row.forEach((p, j) => {
        if (Math.abs(p - check[r][j]) > 1e-15) throw new Error(`core ${p} vs hand ${check[r][j]}`);
      }),
    );
    const flat = new Float32Array(ROWS * classes);
    logits.forEach((row, r) => flat.set(row, r * classes));
    const logitsTf = tf.tensor2d(flat, [ROWS, classes]);
    cases.push(
      { name: `core C=${classes}`, run: () => coreSoftmaxRows(logits, out) },
      { name: `hand C=${classes}`, run: () => handSoftmaxRows(logits, out) },
      {
        name: `tfjs C=${classes}`,
        run: () => {
          const p = tf.softmax(logitsTf);
          const data = p.dataSync();
          p.dispose();
          return data[0];
        },
      },
    );
  }
  const samples = measureInterleaved(cases, { rounds: 15, warmupRounds: 3, minMs: 40 });
  const rows: RatioRow[] = [];
  for (const classes of sizes) {
    const toHand = medianRatio(samples, `core C=${classes}`, `hand C=${classes}`);
    const toTf = medianRatio(samples, `core C=${classes}`, `tfjs C=${classes}`);
    rows.push(
      {
        name: `core / hand loop, ${ROWS}×${classes}`,
        ratio: toHand,
        budget: "≤ 1.2",
        ok: toHand <= 1.2,
      },
      { name: `core / tfjs-cpu, ${ROWS}×${classes}`, ratio: toTf, budget: "< 1", ok: toTf < 1 },
    );
  }
  printRatioTable(`softmax over ${ROWS} rows (median of per-round ratios)`, rows);
  const usPerCall = (name: string) => {
    const s = [...samples.get(name)!].sort((a, b) => a - b);
    return (s[s.length >> 1] / 1000).toFixed(0);
  };
  console.log(
    `\nµs per ${ROWS} rows (median): ${cases.map((c) => `${c.name} ${usPerCall(c.name)}`).join(", ")}`,
  );
  const met = rows.every((row) => row.ok);
  console.log(
    `\nsoftmax budgets (≤ 1.2× the hand loop, faster than tfjs-cpu): ${met ? "MET" : "NOT MET"}`,
  );
}

void main();

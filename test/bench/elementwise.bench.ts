// Elementwise sigmoid, logSigmoid and softplus over 10^6 float64 values: the core's array kernels
// (sigmoidInto, logSigmoidInto, softplusInto) against a hand-written loop (for logSigmoid and softplus
// the exp + log1p formula the core used before its table, src/core/scalars/softplusTable.ts),
// against a loop of Math.exp alone (the floor the budget is set against: one exp per element)
// and against tfjs-core + tfjs-backend-cpu (tf.sigmoid / tf.logSigmoid / tf.softplus on a float32
// tensor made once, dataSync included, result disposed). Inputs: 10^6 draws of 6·N(0, 1), a
// seeded LCG, so both branches of every kernel are taken unpredictably.
// Interleaved rounds, median of per-round ratios. Run: node --import tsx test/bench/elementwise.bench.ts
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { logSigmoidInto, sigmoidInto, softplusInto } from "../../src/core";
import {
  type BenchCase,
  type RatioRow,
  measureInterleaved,
  medianRatio,
  printEnvironment,
  printRatioTable,
} from "./interleave";

const N = 1_000_000;

function normalDraws(count: number, scale: number): Float64Array {
  let state = 0x2545f491;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = scale * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  }
  return out;
}

function handSigmoid(x: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0) {
      out[i] = 1 / (1 + Math.exp(-v));
    } else {
      const e = Math.exp(v);
      out[i] = e - (e * e) / (1 + e);
    }
  }
  return out;
}

function handLogSigmoid(x: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = v < 0 ? v - Math.log1p(Math.exp(v)) : -Math.log1p(Math.exp(-v));
  }
  return out;
}

function handSoftplus(x: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
  }
  return out;
}

function expFloor(x: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]);
  return out;
}

/** Two libm calls per element, as logSigmoid and softplus need: their own floor (for information). */
function expLog1pFloor(x: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) out[i] = Math.log1p(Math.exp(x[i]));
  return out;
}

async function main(): Promise<void> {
  await tf.setBackend("cpu");
  printEnvironment();
  const x = normalDraws(N, 6);
  const out = new Float64Array(N);
  const xTf = tf.tensor1d(Float32Array.from(x));
  const tfCase = (name: string, op: (t: tf.Tensor) => tf.Tensor): BenchCase => ({
    name,
    run: () => {
      const y = op(xTf);
      const data = y.dataSync();
      y.dispose();
      return data[0];
    },
  });
  const cases: BenchCase[] = [
    { name: "exp floor", run: () => expFloor(x, out) },
    { name: "exp+log1p floor", run: () => expLog1pFloor(x, out) },
    { name: "core sigmoid", run: () => sigmoidInto(x, out) },
    { name: "hand sigmoid", run: () => handSigmoid(x, out) },
    tfCase("tfjs sigmoid", (t) => tf.sigmoid(t)),
    { name: "core logSigmoid", run: () => logSigmoidInto(x, out) },
    { name: "hand logSigmoid", run: () => handLogSigmoid(x, out) },
    tfCase("tfjs logSigmoid", (t) => tf.logSigmoid(t)),
    { name: "core softplus", run: () => softplusInto(x, out) },
    { name: "hand softplus", run: () => handSoftplus(x, out) },
    tfCase("tfjs softplus", (t) => tf.softplus(t)),
  ];
  const samples = measureInterleaved(cases, { rounds: 15, warmupRounds: 3, minMs: 40 });
  const rows: RatioRow[] = [];
  for (const kernel of ["sigmoid", "logSigmoid", "softplus"]) {
    const toFloor = medianRatio(samples, `core ${kernel}`, "exp floor");
    const toHand = medianRatio(samples, `core ${kernel}`, `hand ${kernel}`);
    const toTf = medianRatio(samples, `core ${kernel}`, `tfjs ${kernel}`);
    rows.push(
      {
        name: `core ${kernel} / Math.exp floor`,
        ratio: toFloor,
        budget: "≤ 1.6",
        ok: toFloor <= 1.6,
      },
      { name: `core ${kernel} / hand loop`, ratio: toHand, budget: "(info)", ok: true },
      ...(kernel === "sigmoid"
        ? []
        : [
            {
              name: `core ${kernel} / Math.exp+Math.log1p floor`,
              ratio: medianRatio(samples, `core ${kernel}`, "exp+log1p floor"),
              budget: "(info)",
              ok: true,
            },
          ]),
      { name: `core ${kernel} / tfjs-cpu`, ratio: toTf, budget: "< 1", ok: toTf < 1 },
    );
  }
  const nsPerElement = (name: string) => {
    const s = [...samples.get(name)!].sort((a, b) => a - b);
    return (s[s.length >> 1] / N).toFixed(2);
  };
  printRatioTable(
    `Elementwise kernels over ${N.toLocaleString("en")} float64 values (median of per-round ratios)`,
    rows,
  );
  console.log(
    `\nns per element (median): ${cases.map((c) => `${c.name} ${nsPerElement(c.name)}`).join(", ")}`,
  );
  const met = rows.every((row) => row.ok);
  console.log(
    `\nelementwise budgets (≤ 1.6× the Math.exp floor, faster than tfjs-cpu): ${met ? "MET" : "NOT MET"}`,
  );
  xTf.dispose();
}

void main();

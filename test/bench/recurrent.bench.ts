// One LSTM step and one GRU step (batch 1, I = 32, H = 32 and 128): the core (a prepared cell's
// step, and for information the whole lstm()/gru() call for T = 1) against a
// hand-written loop of the same maths and against @tensorflow/tfjs-backend-cpu; and gradient
// through time over T = 100 against the forward pass over T = 100. Interleaved rounds, median of
// per-round ratios (test/bench/interleave.ts). Run: node --import tsx test/bench/recurrent.bench.ts
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { createGruCell, createLstmCell, gradientThroughTime, gru, lstm, rnn } from "../../src/core";
import { createRng } from "../../src/core/random";
import {
  BenchCase,
  RatioRow,
  measureInterleaved,
  medianRatio,
  printEnvironment,
  printRatioTable,
} from "./interleave";

const input = 32;

function randomArray(length: number, scale: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length }, () => rng.normal() * scale);
}

function cellParams(gates: number, hidden: number, seed: number) {
  const scale = 1 / Math.sqrt(hidden);
  return {
    weightIh: randomArray(gates * hidden * input, scale, seed),
    weightHh: randomArray(gates * hidden * hidden, scale, seed + 1),
    biasIh: randomArray(gates * hidden, scale, seed + 2),
    biasHh: randomArray(gates * hidden, scale, seed + 3),
  };
}

// The same maths as the core, written the way one would by hand: flat arrays, buffers reused,
// sizes as parameters (as in any general loop; a module constant would let the JIT specialise).
function handLstmStep(
  input: number,
  p: ReturnType<typeof cellParams>,
  hidden: number,
  x: Float64Array,
  h: Float64Array,
  c: Float64Array,
  pre: Float64Array,
  hOut: Float64Array,
  cOut: Float64Array,
): void {
  for (let k = 0; k < 4 * hidden; k++) {
    let s = p.biasIh[k] + p.biasHh[k];
    for (let j = 0; j < input; j++) s += p.weightIh[k * input + j] * x[j];
    for (let j = 0; j < hidden; j++) s += p.weightHh[k * hidden + j] * h[j];
    pre[k] = s;
  }
  for (let k = 0; k < hidden; k++) {
    const i = 1 / (1 + Math.exp(-pre[k]));
    const f = 1 / (1 + Math.exp(-pre[hidden + k]));
    const g = Math.tanh(pre[2 * hidden + k]);
    const o = 1 / (1 + Math.exp(-pre[3 * hidden + k]));
    cOut[k] = f * c[k] + i * g;
    hOut[k] = o * Math.tanh(cOut[k]);
  }
}

function handGruStep(
  input: number,
  p: ReturnType<typeof cellParams>,
  hidden: number,
  x: Float64Array,
  h: Float64Array,
  fromInput: Float64Array,
  fromHidden: Float64Array,
  hOut: Float64Array,
): void {
  for (let k = 0; k < 3 * hidden; k++) {
    let a = p.biasIh[k];
    for (let j = 0; j < input; j++) a += p.weightIh[k * input + j] * x[j];
    let b = p.biasHh[k];
    for (let j = 0; j < hidden; j++) b += p.weightHh[k * hidden + j] * h[j];
    fromInput[k] = a;
    fromHidden[k] = b;
  }
  for (let k = 0; k < hidden; k++) {
    const r = 1 / (1 + Math.exp(-(fromInput[k] + fromHidden[k])));
    const z = 1 / (1 + Math.exp(-(fromInput[hidden + k] + fromHidden[hidden + k])));
    const n = Math.tanh(fromInput[2 * hidden + k] + r * fromHidden[2 * hidden + k]);
    hOut[k] = (1 - z) * n + z * h[k];
  }
}

/** tfjs layouts: basicLSTMCell wants kernel (I+H)×4H with gates i, j(=g), f, o. */
function tfLstm(p: ReturnType<typeof cellParams>, hidden: number) {
  const kernel = new Float32Array((input + hidden) * 4 * hidden);
  const bias = new Float32Array(4 * hidden);
  const tfGate = [0, 2, 1, 3]; // PyTorch i,f,g,o → tfjs i,j,f,o
  for (let gate = 0; gate < 4; gate++) {
    for (let k = 0; k < hidden; k++) {
      const row = gate * hidden + k;
      const col = tfGate[gate] * hidden + k;
      for (let j = 0; j < input; j++) kernel[j * 4 * hidden + col] = p.weightIh[row * input + j];
      for (let j = 0; j < hidden; j++)
        kernel[(input + j) * 4 * hidden + col] = p.weightHh[row * hidden + j];
      bias[col] = p.biasIh[row] + p.biasHh[row];
    }
  }
  return {
    kernel: tf.tensor2d(kernel, [input + hidden, 4 * hidden]),
    bias: tf.tensor1d(bias),
    forgetBias: tf.scalar(0),
  };
}

function tfGru(p: ReturnType<typeof cellParams>, hidden: number) {
  const transpose = (w: Float64Array, rows: number, cols: number) =>
    tf.transpose(tf.tensor2d(Float32Array.from(w), [rows, cols]));
  return {
    wi: transpose(p.weightIh, 3 * hidden, input),
    wh: transpose(p.weightHh, 3 * hidden, hidden),
    bi: tf.tensor1d(Float32Array.from(p.biasIh)),
    bh: tf.tensor1d(Float32Array.from(p.biasHh)),
  };
}

async function main(): Promise<void> {
  await tf.setBackend("cpu");
  printEnvironment();
  const cases: BenchCase[] = [];
  const rows: Array<() => RatioRow> = [];
  const x = randomArray(input, 1, 99);
  const xTf = tf.tensor2d(Float32Array.from(x), [1, input]);

  for (const hidden of [32, 128]) {
    const h = randomArray(hidden, 0.5, 7);
    const c = randomArray(hidden, 0.5, 8);
    const hTf = tf.tensor2d(Float32Array.from(h), [1, hidden]);
    const cTf = tf.tensor2d(Float32Array.from(c), [1, hidden]);

    const lstmParams = cellParams(4, hidden, 1);
    const pre = new Float64Array(4 * hidden);
    const hOut = new Float64Array(hidden);
    const cOut = new Float64Array(hidden);
    const tfL = tfLstm(lstmParams, hidden);
    const lstmCell = createLstmCell(lstmParams);
    const lstmInto = {
      h: new Float64Array(hidden),
      c: new Float64Array(hidden),
      gates: new Float64Array(4 * hidden),
    };
    cases.push(
      { name: `lstm core H=${hidden}`, run: () => lstmCell.step(x, h, c, lstmInto).h },
      { name: `lstm() T=1 H=${hidden}`, run: () => lstm(lstmParams, [x], { h, c }).h },
      {
        name: `lstm hand H=${hidden}`,
        run: () => (handLstmStep(input, lstmParams, hidden, x, h, c, pre, hOut, cOut), hOut),
      },
      {
        name: `lstm tfjs H=${hidden}`,
        run: () => {
          const out = tf.tidy(
            () => tf.basicLSTMCell(tfL.forgetBias, tfL.kernel, tfL.bias, xTf, cTf, hTf)[1],
          );
          const values = out.dataSync();
          out.dispose();
          return values;
        },
      },
    );

    const gruParams = cellParams(3, hidden, 2);
    const fromInput = new Float64Array(3 * hidden);
    const fromHidden = new Float64Array(3 * hidden);
    const tfG = tfGru(gruParams, hidden);
    const gruCell = createGruCell(gruParams);
    const gruInto = { h: new Float64Array(hidden), gates: new Float64Array(3 * hidden) };
    cases.push(
      { name: `gru core H=${hidden}`, run: () => gruCell.step(x, h, gruInto).h },
      { name: `gru() T=1 H=${hidden}`, run: () => gru(gruParams, [x], h).h },
      {
        name: `gru hand H=${hidden}`,
        run: () => (handGruStep(input, gruParams, hidden, x, h, fromInput, fromHidden, hOut), hOut),
      },
      {
        name: `gru tfjs H=${hidden}`,
        run: () => {
          const out = tf.tidy(() => {
            const gi = tf.add(tf.matMul(xTf, tfG.wi), tfG.bi);
            const gh = tf.add(tf.matMul(hTf, tfG.wh), tfG.bh);
            const [ir, iz, inn] = tf.split(gi, 3, 1);
            const [hr, hz, hn] = tf.split(gh, 3, 1);
            const r = tf.sigmoid(tf.add(ir, hr));
            const z = tf.sigmoid(tf.add(iz, hz));
            const n = tf.tanh(tf.add(inn, tf.mul(r, hn)));
            return tf.add(tf.mul(tf.sub(hTf, n), z), n);
          });
          const values = out.dataSync();
          out.dispose();
          return values;
        },
      },
    );
    for (const kind of ["lstm", "gru"]) {
      rows.push(
        () => ({
          name: `${kind} step H=${hidden}: core cell.step / hand loop`,
          ratio: medianRatio(samples, `${kind} core H=${hidden}`, `${kind} hand H=${hidden}`),
          budget: "≤ 1.2",
          ok: false,
        }),
        () => ({
          name: `${kind} step H=${hidden}: ${kind}(params, [x]) call / hand loop`,
          ratio: medianRatio(samples, `${kind}() T=1 H=${hidden}`, `${kind} hand H=${hidden}`),
          budget: "(info)",
          ok: false,
        }),
        () => ({
          name: `${kind} step H=${hidden}: tfjs-cpu / core cell.step`,
          ratio: medianRatio(samples, `${kind} tfjs H=${hidden}`, `${kind} core H=${hidden}`),
          budget: hidden === 32 ? "≥ 5" : "(info)",
          ok: false,
        }),
      );
    }
  }

  const hidden = 32;
  const steps = 100;
  const sequence = Array.from({ length: steps }, (_, t) => randomArray(input, 1, 1000 + t));
  const lstmParams = cellParams(4, hidden, 11);
  const gruParams = cellParams(3, hidden, 12);
  const rnnParams = cellParams(1, hidden, 13);
  cases.push(
    { name: "lstm forward T=100", run: () => lstm(lstmParams, sequence).h },
    {
      name: "lstm gradientThroughTime T=100",
      run: () => gradientThroughTime("lstm", lstmParams, sequence),
    },
    { name: "gru forward T=100", run: () => gru(gruParams, sequence).h },
    {
      name: "gru gradientThroughTime T=100",
      run: () => gradientThroughTime("gru", gruParams, sequence),
    },
    { name: "rnn forward T=100", run: () => rnn(rnnParams, sequence).h },
    {
      name: "rnn gradientThroughTime T=100",
      run: () => gradientThroughTime("rnn", rnnParams, sequence),
    },
  );
  for (const kind of ["lstm", "gru", "rnn"]) {
    rows.push(() => ({
      name: `${kind} gradientThroughTime / forward, H=32 I=32 T=100`,
      ratio: medianRatio(samples, `${kind} gradientThroughTime T=100`, `${kind} forward T=100`),
      budget: "≤ 3",
      ok: false,
    }));
  }

  const samples = measureInterleaved(cases, { rounds: 31, warmupRounds: 3, minMs: 25 });
  const table = rows.map((make) => {
    const row = make();
    const [op, limit] = row.budget.split(" ");
    row.ok =
      op === "≤" ? row.ratio <= Number(limit) : op === "≥" ? row.ratio >= Number(limit) : true;
    return row;
  });
  printRatioTable("Recurrent cells (batch 1, I = 32): median of per-round ratios", table);
  console.log("\nmedian ns per call:");
  for (const [name, values] of samples)
    console.log(`  ${name}: ${Math.round([...values].sort((a, b) => a - b)[values.length >> 1])}`);
}

void main();

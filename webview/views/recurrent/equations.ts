// The step-through: the seed's equations for one unit at step t with the current numbers filled
// in, e.g. f_t = σ(W_f·[h_{t−1}, x_t] + b_f) = σ(4.98) = 0.9932. The gates' values come from the
// core's forward pass; the pre-activation inside σ(…) is the same sum written out for one unit
// (W_ih row · x_t + b_ih + W_hh row · h_{t−1} + b_hh, PyTorch's order of the terms).
import type { InputSequence } from "./inputs";
import { type CellRun, valueAt } from "./simulation";
import type { CellWeights } from "./weights";

export interface EquationLine {
  /** The left-hand side: f_t, C_t, … */
  symbol: string;
  /** The equation in the seed's notation. */
  formula: string;
  /** The same with this step's numbers. */
  filled: string;
  value: number;
}

export type Format = (value: number) => string;

/** Row `row` of W_ih · x_t + b_ih, and of W_hh · h_{t−1} + b_hh. */
function preActivation(
  w: CellWeights,
  row: number,
  x: Float64Array,
  xAt: number,
  hPrev: Float64Array | undefined,
  hAt: number,
): { fromInput: number; fromHidden: number } {
  let fromInput = w.biasIh[row];
  for (let j = 0; j < w.inputSize; j++) fromInput += w.weightIh[row * w.inputSize + j] * x[xAt + j];
  let fromHidden = w.biasHh[row];
  if (hPrev) {
    for (let j = 0; j < w.hidden; j++)
      fromHidden += w.weightHh[row * w.hidden + j] * hPrev[hAt + j];
  }
  return { fromInput, fromHidden };
}

export function stepEquations(
  w: CellWeights,
  inputs: InputSequence,
  run: CellRun,
  t: number,
  unit: number,
  f: Format,
): EquationLine[] {
  const H = w.hidden;
  const of = (id: string, step = t) =>
    valueAt(
      run.series.find((s) => s.id === id)!,
      step,
      unit,
    );
  // h_t is kept row after row (offset 0, a row of H): h_{t−1} is read from it directly.
  const hidden = run.series.find((s) => s.id === "hidden")!.values;
  const hPrevAt = (t - 1) * H;
  const hPrev = t > 0 ? hidden : undefined;
  const x = inputs.values;
  const xAt = t * inputs.inputSize;
  const pre = (block: number) => {
    const p = preActivation(w, block * H + unit, x, xAt, hPrev, hPrevAt);
    return { ...p, sum: p.fromInput + p.fromHidden };
  };
  const prev = t > 0 ? "h_{t−1}" : "h_{−1} = 0";
  if (run.kind === "lstm") {
    const [i, fg, g, o, c] = ["input", "forget", "candidate", "output", "cell"].map((id) => of(id));
    const cPrev = t > 0 ? of("cell", t - 1) : 0;
    const gate = (symbol: string, name: string, block: number, value: number, fn = "σ") => ({
      symbol,
      formula: `${symbol} = ${fn}(W_${name}·[${prev}, x_t] + b_${name})`,
      filled: `${fn}(${f(pre(block).sum)})`,
      value,
    });
    return [
      gate("f_t", "f", 1, fg),
      gate("i_t", "i", 0, i),
      gate("C̃_t", "C", 2, g, "tanh"),
      {
        symbol: "C_t",
        formula: "C_t = f_t·C_{t−1} + i_t·C̃_t",
        filled: `${f(fg)}·${f(cPrev)} + ${f(i)}·${f(g)}`,
        value: c,
      },
      gate("o_t", "o", 3, o),
      {
        symbol: "h_t",
        formula: "h_t = o_t·tanh(C_t)",
        filled: `${f(o)}·tanh(${f(c)})`,
        value: of("hidden"),
      },
    ];
  }
  if (run.kind === "gru") {
    const [r, z, n] = ["reset", "update", "candidate"].map((id) => of(id));
    const hBefore = t > 0 ? of("hidden", t - 1) : 0;
    const candidate = pre(2);
    return [
      {
        symbol: "r_t",
        formula: `r_t = σ(W_r·[${prev}, x_t] + b_r)`,
        filled: `σ(${f(pre(0).sum)})`,
        value: r,
      },
      {
        symbol: "z_t",
        formula: `z_t = σ(W_z·[${prev}, x_t] + b_z)`,
        filled: `σ(${f(pre(1).sum)})`,
        value: z,
      },
      {
        symbol: "ñ_t",
        formula: "ñ_t = tanh(W_in·x_t + b_in + r_t·(W_hn·h_{t−1} + b_hn))",
        filled: `tanh(${f(candidate.fromInput)} + ${f(r)}·${f(candidate.fromHidden)})`,
        value: n,
      },
      {
        symbol: "h_t",
        formula: "h_t = (1 − z_t)·ñ_t + z_t·h_{t−1}",
        filled: `(1 − ${f(z)})·${f(n)} + ${f(z)}·${f(hBefore)}`,
        value: of("hidden"),
      },
    ];
  }
  return [
    {
      symbol: "h_t",
      formula: `h_t = tanh(W_ih·x_t + b_ih + W_hh·${prev} + b_hh)`,
      filled: `tanh(${f(pre(0).sum)})`,
      value: of("hidden"),
    },
  ];
}

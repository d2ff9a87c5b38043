// The CSV behind the LSTM & GRU view: one row per time step with the inputs, every gate of every
// unit of the chosen cell, and the three cells' gradient through time on the same input.
import type { CellId } from "../../../src/shared/labState";
import type { InputSequence } from "./inputs";
import { type CellRun, valueAt } from "./simulation";

export function recurrentCsv(
  inputs: InputSequence,
  run: CellRun,
  gradients: { kind: CellId; values: Float64Array }[],
): { headers: string[]; rows: number[][] } {
  const H = run.hidden;
  const I = inputs.inputSize;
  const headers = ["t"];
  for (let j = 0; j < I; j++) headers.push(`x_${j + 1}`);
  for (const series of run.series) {
    for (let u = 0; u < H; u++) headers.push(`${run.kind}_${series.id}_${u + 1}`);
  }
  for (const { kind } of gradients) headers.push(`grad_through_time_${kind}`);
  const rows: number[][] = [];
  for (let t = 0; t < inputs.steps; t++) {
    const row = [t];
    for (let j = 0; j < I; j++) row.push(inputs.values[t * I + j]);
    for (const series of run.series) {
      for (let u = 0; u < H; u++) row.push(valueAt(series, t, u));
    }
    for (const { values } of gradients) row.push(values[t]);
    rows.push(row);
  }
  return { headers, rows };
}

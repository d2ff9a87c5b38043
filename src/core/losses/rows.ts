// Logits arrive as N×C rows; the loss kernels read them in place (no copy) after one validation
// pass, because copying 1,000×1,000 logits would cost as much as the loss itself.
import { isArrayLike, isNested } from "../shapes";

export function readRows(name: string, value: unknown, hint: string): ArrayLike<number>[] {
  if (!isArrayLike(value) || value.length === 0) {
    throw new TypeError(
      `${name}: expected ${hint}, got ${isArrayLike(value) ? "an empty array" : typeof value}`,
    );
  }
  // A single vector is one row (PyTorch's unbatched input of shape C).
  const rows = (
    isNested(value) ? (Array.isArray(value) ? value : Array.from(value)) : [value]
  ) as ArrayLike<unknown>[];
  const classes = rows[0].length;
  if (classes === 0) throw new RangeError(`${name}: expected ${hint}, got rows of length 0`);
  for (let n = 0; n < rows.length; n++) {
    const row = rows[n];
    if (ArrayBuffer.isView(row) && row.length === classes) continue; // numbers by construction
    if (!isArrayLike(row)) {
      throw new TypeError(`${name}[${n}]: expected a row of ${classes} numbers, got ${typeof row}`);
    }
    if (row.length !== classes) {
      throw new RangeError(
        `${name}: expected ${hint} with every row of length ${classes}, got row ${n} of length ${row.length}`,
      );
    }
    if (!ArrayBuffer.isView(row)) {
      for (let j = 0; j < classes; j++) {
        if (typeof row[j] !== "number") {
          throw new TypeError(`${name}[${n}][${j}]: expected a number, got ${typeof row[j]}`);
        }
      }
    }
  }
  return rows as ArrayLike<number>[];
}

/** Targets: one class index per row, or a bare number for a single (unbatched) row. */
export function targetList(value: unknown): unknown {
  return typeof value === "number" ? [value] : value;
}

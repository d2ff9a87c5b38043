// Argument validation shared by the core's public functions. Every failure is a RangeError or a
// TypeError whose message starts with the argument's name and says which shape was expected, e.g.
// "weight_ih_l0: expected 64×3 (4·hidden × input), got 64×2", because that message is what a user
// of the panel sees after pasting a state_dict.
//
// Accepted forms (documented once, here):
// - a vector is a `number[]` or any typed array;
// - a matrix is either nested rows (`number[][]`, or an array of typed arrays) or one flat,
//   row-major array (`number[]` or typed array of length rows·cols). A flat matrix needs its
//   column count from elsewhere (the caller knows it from another argument).
// Internally the core works on flat row-major Float64Array.

export type NumericVector = ArrayLike<number>;
export type NumericMatrix = ArrayLike<ArrayLike<number>> | ArrayLike<number>;

export interface FlatMatrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

export function formatShape(rows: number, cols?: number): string {
  return cols === undefined ? `${rows}` : `${rows}×${cols}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

function withHint(expected: string, hint?: string): string {
  return hint ? `${expected} (${hint})` : expected;
}

export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return (
    Array.isArray(value) ||
    ArrayBuffer.isView(value) ||
    (typeof value === "object" &&
      value !== null &&
      typeof (value as { length?: unknown }).length === "number")
  );
}

/** True when `value` is nested rows rather than one flat array of numbers. */
export function isNested(value: ArrayLike<unknown>): boolean {
  return value.length > 0 && isArrayLike(value[0]);
}

/**
 * A vector of finite-or-not numbers copied into a Float64Array. `length` undefined accepts any
 * length (at least `minLength`). Non-numbers are a TypeError; NaN is let through unless
 * `requireFinite`.
 */
export function readVector(
  name: string,
  value: unknown,
  length?: number,
  hint?: string,
  requireFinite = false,
): Float64Array {
  if (!isArrayLike(value) || isNested(value as ArrayLike<unknown>)) {
    const expected = length === undefined ? "a vector of numbers" : `a vector of length ${length}`;
    throw new TypeError(`${name}: expected ${withHint(expected, hint)}, got ${describe(value)}`);
  }
  const source = value as ArrayLike<unknown>;
  if (length !== undefined && source.length !== length) {
    throw new RangeError(
      `${name}: expected ${withHint(`length ${length}`, hint)}, got length ${source.length}`,
    );
  }
  const out = new Float64Array(source.length);
  for (let k = 0; k < source.length; k++) {
    const v = source[k];
    if (typeof v !== "number") {
      throw new TypeError(`${name}[${k}]: expected a number, got ${describe(v)}`);
    }
    if (requireFinite && !Number.isFinite(v)) {
      throw new RangeError(`${name}[${k}]: expected a finite number, got ${v}`);
    }
    out[k] = v;
  }
  return out;
}

/**
 * A matrix as flat row-major Float64Array. `rows`/`cols` undefined are inferred (a flat input
 * needs `cols`, or `rows`). A Float64Array of the right length is used as is, without a copy, so
 * that hot paths (one recurrent step) do not pay for copying their weights on every call.
 */
export function readMatrix(
  name: string,
  value: unknown,
  rows: number | undefined,
  cols: number | undefined,
  hint?: string,
  requireFinite = false,
): FlatMatrix {
  const expectedText = (): string =>
    withHint(
      rows !== undefined && cols !== undefined
        ? formatShape(rows, cols)
        : `a ${rows ?? "rows"}×${cols ?? "cols"} matrix`,
      hint,
    );
  if (!isArrayLike(value)) {
    throw new TypeError(`${name}: expected ${expectedText()}, got ${describe(value)}`);
  }
  const source = value as ArrayLike<unknown>;
  if (isNested(source)) {
    const r = source.length;
    const c = (source[0] as ArrayLike<unknown>).length;
    for (let i = 1; i < r; i++) {
      const row = source[i];
      if (!isArrayLike(row) || row.length !== c) {
        throw new RangeError(
          `${name}: expected ${expectedText()}, got ragged rows (row 0 has ${c}, row ${i} has ${
            isArrayLike(row) ? row.length : describe(row)
          })`,
        );
      }
    }
    if ((rows !== undefined && r !== rows) || (cols !== undefined && c !== cols)) {
      throw new RangeError(`${name}: expected ${expectedText()}, got ${formatShape(r, c)}`);
    }
    const data = new Float64Array(r * c);
    for (let i = 0; i < r; i++) {
      const row = source[i] as ArrayLike<unknown>;
      for (let j = 0; j < c; j++) {
        const v = row[j];
        if (typeof v !== "number") {
          throw new TypeError(`${name}[${i}][${j}]: expected a number, got ${describe(v)}`);
        }
        if (requireFinite && !Number.isFinite(v)) {
          throw new RangeError(`${name}[${i}][${j}]: expected a finite number, got ${v}`);
        }
        data[i * c + j] = v;
      }
    }
    return { data, rows: r, cols: c };
  }
  // Flat row-major.
  const n = source.length;
  let r = rows;
  let c = cols;
  if (c === undefined && r !== undefined && r > 0 && n % r === 0) c = n / r;
  if (r === undefined && c !== undefined && c > 0 && n % c === 0) r = n / c;
  if (r === undefined || c === undefined || r * c !== n) {
    throw new RangeError(
      `${name}: expected ${expectedText()} (nested rows or flat row-major), got a flat array of length ${n}`,
    );
  }
  if (value instanceof Float64Array && !requireFinite) return { data: value, rows: r, cols: c };
  const data = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const v = source[k];
    if (typeof v !== "number") {
      throw new TypeError(`${name}[${k}]: expected a number, got ${describe(v)}`);
    }
    if (requireFinite && !Number.isFinite(v)) {
      throw new RangeError(`${name}[${k}]: expected a finite number, got ${v}`);
    }
    data[k] = v;
  }
  return { data, rows: r, cols: c };
}

/** An integer in [min, max]; non-integers are a TypeError, out of range a RangeError. */
export function readInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TypeError(`${name}: expected an integer in [${min}, ${max}], got ${String(value)}`);
  }
  if (value < min || value > max) {
    throw new RangeError(`${name}: expected an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}

/** A finite number in [min, max] (either bound may be ±Infinity). */
export function readNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`${name}: expected a number in [${min}, ${max}], got ${String(value)}`);
  }
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name}: expected a finite number in [${min}, ${max}], got ${value}`);
  }
  return value;
}

/** One of a fixed set of strings. */
export function readChoice<T extends string>(
  name: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new TypeError(
      `${name}: expected one of ${choices.map((c) => `"${c}"`).join(" | ")}, got ${
        typeof value === "string" ? `"${value}"` : describe(value)
      }`,
    );
  }
  return value as T;
}

/**
 * Class indices read one at a time by a loss kernel, so that no copy is made: `source` must
 * already have been checked with checkClassIndexList.
 */
export function classIndexAt(
  name: string,
  source: ArrayLike<unknown>,
  n: number,
  classes: number,
): number {
  const v = source[n];
  // Fast path without typeof: a string or boolean passes the comparisons but not v === ⌊v⌋.
  if ((v as number) >= 0 && (v as number) < classes && v === Math.floor(v as number)) {
    return v as number;
  }
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new TypeError(
      `${name}[${n}]: expected a class index (integer in [0, ${classes})), got ${String(v)}`,
    );
  }
  throw new RangeError(`${name}[${n}]: expected a class index in [0, ${classes}), got ${v}`);
}

/** A flat list of `length` class indices in [0, classes) (the elements are checked as read). */
export function checkClassIndexList(
  name: string,
  value: unknown,
  length: number,
  classes: number,
): ArrayLike<unknown> {
  if (!isArrayLike(value) || isNested(value as ArrayLike<unknown>)) {
    throw new TypeError(
      `${name}: expected ${length} class indices in [0, ${classes}), got ${describe(value)}`,
    );
  }
  if (value.length !== length) {
    throw new RangeError(
      `${name}: expected ${length} class indices (one per row), got length ${value.length}`,
    );
  }
  return value;
}

/** Class indices: integers in [0, classes), one per row. */
export function readClassIndices(
  name: string,
  value: unknown,
  length: number,
  classes: number,
): Int32Array {
  if (!isArrayLike(value) || isNested(value as ArrayLike<unknown>)) {
    throw new TypeError(
      `${name}: expected ${length} class indices in [0, ${classes}), got ${describe(value)}`,
    );
  }
  const source = value as ArrayLike<unknown>;
  if (source.length !== length) {
    throw new RangeError(
      `${name}: expected ${length} class indices (one per row), got length ${source.length}`,
    );
  }
  const out = new Int32Array(length);
  for (let n = 0; n < length; n++) {
    const v = source[n];
    if (typeof v !== "number" || !Number.isInteger(v)) {
      throw new TypeError(
        `${name}[${n}]: expected a class index (integer in [0, ${classes})), got ${String(v)}`,
      );
    }
    if (v < 0 || v >= classes) {
      throw new RangeError(`${name}[${n}]: expected a class index in [0, ${classes}), got ${v}`);
    }
    out[n] = v;
  }
  return out;
}

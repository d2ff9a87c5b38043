import { ExpressionError } from "./expressionError";

/** What an expression evaluates to: a scalar or a 1-D list (a tensor of rank 0 or 1). */
export type Value = number | number[];

/** Applies a scalar function to a scalar or to every element of a list. */
export function mapValue(value: Value, fn: (x: number) => number): Value {
  if (typeof value === "number") return fn(value);
  const out = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = fn(value[i]);
  return out;
}

/**
 * A binary operator with NumPy/PyTorch broadcasting in rank ≤ 1: scalar ⊕ list applies to every
 * element; two lists must have the same length (a length-1 list broadcasts like a scalar).
 */
export function combine(
  left: Value,
  right: Value,
  fn: (a: number, b: number) => number,
  operator: string,
  column: number,
): Value {
  if (typeof left === "number" && typeof right === "number") return fn(left, right);
  if (typeof left === "number") return (right as number[]).map((b) => fn(left, b));
  if (typeof right === "number") return left.map((a) => fn(a, right));
  if (left.length === right.length) return left.map((a, i) => fn(a, right[i]));
  if (left.length === 1) return right.map((b) => fn(left[0], b));
  if (right.length === 1) return left.map((a) => fn(a, right[0]));
  throw new ExpressionError(
    `cannot broadcast lists of lengths ${left.length} and ${right.length} in '${operator}'`,
    column,
  );
}

export function formatValue(value: Value): string {
  return typeof value === "number" ? String(value) : `[${value.join(", ")}]`;
}

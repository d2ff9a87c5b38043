// Numbers as a hover shows them: a fixed number of digits after the point, like PyTorch's
// printout (σ(2.5) = 0.924142), switching to scientific notation where fixed digits would hide
// the value (σ(-30) = 9.35762e-14, not 0.000000). ASCII only, so a value can be copied into code.

/** The digits a hover may show; the setting is clamped to this range. */
export const DIGITS = { min: 1, max: 15, default: 6 } as const;

export function clampDigits(digits: number): number {
  if (!Number.isFinite(digits)) return DIGITS.default;
  return Math.min(DIGITS.max, Math.max(DIGITS.min, Math.round(digits)));
}

/** `value` with `digits` digits after the point, or in scientific notation when tiny or huge. */
export function formatNumber(value: number, digits: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  const d = clampDigits(digits);
  const magnitude = Math.abs(value);
  // Below 1e-3 fixed digits would keep too few significant ones (with few digits: below what
  // rounds to zero).
  const tiny = d >= 4 ? 1e-3 : 0.5 * 10 ** -d;
  if (magnitude !== 0 && (magnitude < tiny || magnitude >= 1e9)) {
    return value.toExponential(d - 1);
  }
  const text = value.toFixed(d);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text; // no "-0.000000"
}

/** Up to `limit` entries, then "… n more". */
export function formatVector(values: ArrayLike<number>, digits: number, limit = 8): string {
  const shown: string[] = [];
  for (let k = 0; k < Math.min(values.length, limit); k++)
    shown.push(formatNumber(values[k], digits));
  if (values.length > limit) shown.push(`… ${values.length - limit} more`);
  return `[${shown.join(", ")}]`;
}

/** An input in the shortest form that reads back as the same double (2.5, not 2.500000). */
export function formatInput(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  return String(value);
}

// The two checks every reader of an untrusted message or restored state starts from: the host's
// protocol, the saved Lab state, and the page's workers' messages all use these, so "a record" and
// "a count" mean the same thing at each border.

/** A plain object whose fields can be read one by one (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A whole number ≥ 0 that a double holds exactly. */
export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

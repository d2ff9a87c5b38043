/** A user-facing error in an expression; `column` is 1-based, or undefined when it has no place. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly column?: number,
  ) {
    super(column === undefined ? message : `${message} (column ${column})`);
    this.name = "ExpressionError";
  }
}

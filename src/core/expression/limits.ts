/** Bounds that keep evaluate() fast on anything a hover can hand it (see evaluate.ts). */
export const MAX_EXPRESSION_LENGTH = 2_000;
/** Nesting of parentheses, brackets, calls, unary signs and ** chains. */
export const MAX_NESTING = 64;
export const MAX_LIST_LENGTH = 10_000;

/** Syntax tree of an expression; every node keeps the 0-based offset of its first character. */
export type ExpressionNode =
  | { kind: "number"; value: number; start: number }
  | { kind: "string"; value: string; start: number }
  /** A dotted name such as `torch.nn.functional.sigmoid` or `pi`. */
  | { kind: "name"; path: string[]; start: number }
  | { kind: "list"; items: ExpressionNode[]; start: number }
  | { kind: "unary"; operator: "-" | "+"; operand: ExpressionNode; start: number }
  | {
      kind: "binary";
      operator: "+" | "-" | "*" | "/" | "**";
      left: ExpressionNode;
      right: ExpressionNode;
      start: number;
      /** 0-based offset of the operator, for errors such as mismatched list lengths. */
      operatorStart: number;
    }
  | {
      kind: "call";
      callee: ExpressionNode;
      args: ExpressionNode[];
      keywords: KeywordArgument[];
      start: number;
    }
  /** `value.name` where value is not a plain name (a method such as `tensor(...).sigmoid`). */
  | { kind: "member"; object: ExpressionNode; name: string; start: number }
  | { kind: "index"; object: ExpressionNode; index: ExpressionNode; start: number };

export interface KeywordArgument {
  name: string;
  value: ExpressionNode;
  start: number;
}

import type { ExpressionNode, KeywordArgument } from "./ast";
import { ExpressionError } from "./expressionError";
import { MAX_LIST_LENGTH as LIST_LIMIT, MAX_NESTING as NESTING_LIMIT } from "./limits";
import type { Token } from "./tokens";

// Local copies: a bundler's live bindings make every read of an imported constant a getter call.
const MAX_LIST_LENGTH = LIST_LIMIT;
const MAX_NESTING = NESTING_LIMIT;

/**
 * Recursive-descent parser with Python's precedence, loosest first:
 *   sum      := product (("+" | "-") product)*
 *   product  := unary (("*" | "/") unary)*
 *   unary    := ("-" | "+") unary | power
 *   power    := postfix (("**" | "^") unary)?       right-associative; binds tighter than a
 *                                                    unary sign on its left: -2**2 = -4, 2**-1 = 0.5
 *   postfix  := primary ("(" arguments ")" | "." name | "[" sum "]")*
 *   primary  := number | string | name | "(" sum ("," sum)* ","? ")" | "[" (sum ("," sum)* ","?)? "]"
 * `^` is accepted as a power (as people write in formulas), not Python's xor. Every recursion passes
 * through `unary`, which counts nesting, so the depth (and the stack) is bounded by MAX_NESTING.
 */
export function parse(tokens: Token[]): ExpressionNode {
  const parser = new Parser(tokens);
  const node = parser.parseSum();
  const next = parser.peek();
  if (next.kind !== "end") {
    throw new ExpressionError(
      `unexpected ${describe(next)} after a complete expression`,
      next.start + 1,
    );
  }
  return node;
}

export function describe(token: Token): string {
  switch (token.kind) {
    case "end":
      return "end of input";
    case "number":
      return `number ${token.text}`;
    case "name":
      return `name '${token.text}'`;
    case "string":
      return "string";
    default:
      return `'${token.text}'`;
  }
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (token.kind !== "end") this.position++;
    return token;
  }

  private isOperator(text: string): boolean {
    const token = this.tokens[this.position];
    return token.kind === "operator" && token.text === text;
  }

  private expect(text: string, context: string): Token {
    const token = this.peek();
    if (token.kind !== "operator" || token.text !== text) {
      throw new ExpressionError(
        `expected '${text}' ${context}, found ${describe(token)}`,
        token.start + 1,
      );
    }
    return this.next();
  }

  parseSum(): ExpressionNode {
    let left = this.parseProduct();
    while (this.isOperator("+") || this.isOperator("-")) {
      const operatorToken = this.next();
      const right = this.parseProduct();
      const operator = operatorToken.text as "+" | "-";
      left = {
        kind: "binary",
        operator,
        left,
        right,
        start: left.start,
        operatorStart: operatorToken.start,
      };
    }
    return left;
  }

  private parseProduct(): ExpressionNode {
    let left = this.parseUnary();
    while (this.isOperator("*") || this.isOperator("/")) {
      const operatorToken = this.next();
      const right = this.parseUnary();
      const operator = operatorToken.text as "*" | "/";
      left = {
        kind: "binary",
        operator,
        left,
        right,
        start: left.start,
        operatorStart: operatorToken.start,
      };
    }
    return left;
  }

  private parseUnary(): ExpressionNode {
    const token = this.peek();
    if (++this.depth > MAX_NESTING) {
      throw new ExpressionError(
        `nesting deeper than ${MAX_NESTING} (parentheses, brackets, calls, signs or ** chains)`,
        token.start + 1,
      );
    }
    // No try/finally: an error abandons the whole parse, so the depth need not be restored then.
    let node: ExpressionNode;
    if (this.isOperator("-") || this.isOperator("+")) {
      this.next();
      const operand = this.parseUnary();
      node = { kind: "unary", operator: token.text as "-" | "+", operand, start: token.start };
    } else {
      node = this.parsePower();
    }
    this.depth--;
    return node;
  }

  private parsePower(): ExpressionNode {
    const base = this.parsePostfix();
    if (this.isOperator("**") || this.isOperator("^")) {
      const operatorToken = this.next();
      const exponent = this.parseUnary();
      return {
        kind: "binary",
        operator: "**",
        left: base,
        right: exponent,
        start: base.start,
        operatorStart: operatorToken.start,
      };
    }
    return base;
  }

  private parsePostfix(): ExpressionNode {
    let node = this.parsePrimary();
    for (;;) {
      if (this.isOperator("(")) {
        node = this.parseCall(node);
      } else if (this.isOperator(".")) {
        this.next();
        const nameToken = this.peek();
        if (nameToken.kind !== "name") {
          throw new ExpressionError(
            `expected a name after '.', found ${describe(nameToken)}`,
            nameToken.start + 1,
          );
        }
        this.next();
        node =
          node.kind === "name"
            ? { kind: "name", path: [...node.path, nameToken.text], start: node.start }
            : { kind: "member", object: node, name: nameToken.text, start: node.start };
      } else if (this.isOperator("[")) {
        this.next();
        const index = this.parseSum();
        this.expect("]", "to close the index");
        node = { kind: "index", object: node, index, start: node.start };
      } else {
        return node;
      }
    }
  }

  private parseCall(callee: ExpressionNode): ExpressionNode {
    const open = this.expect("(", "to open the call");
    const args: ExpressionNode[] = [];
    const keywords: KeywordArgument[] = [];
    while (!this.isOperator(")")) {
      const token = this.peek();
      const after = this.tokens[this.position + 1];
      if (token.kind === "name" && after?.kind === "operator" && after.text === "=") {
        this.next();
        this.next();
        if (keywords.some((k) => k.name === token.text)) {
          throw new ExpressionError(`keyword argument '${token.text}' repeated`, token.start + 1);
        }
        keywords.push({ name: token.text, value: this.parseSum(), start: token.start });
      } else {
        if (keywords.length > 0) {
          throw new ExpressionError(
            "positional argument after a keyword argument",
            token.start + 1,
          );
        }
        if (token.kind === "end") {
          throw new ExpressionError(`unclosed '(' of the call opened here`, open.start + 1);
        }
        args.push(this.parseSum());
      }
      if (!this.isOperator(",")) break;
      this.next();
    }
    const close = this.peek();
    if (close.kind === "end")
      throw new ExpressionError(`unclosed '(' of the call opened here`, open.start + 1);
    this.expect(")", "to close the call");
    return { kind: "call", callee, args, keywords, start: callee.start };
  }

  private parsePrimary(): ExpressionNode {
    const token = this.peek();
    switch (token.kind) {
      case "number":
        this.next();
        return { kind: "number", value: token.value!, start: token.start };
      case "string":
        this.next();
        return { kind: "string", value: token.text, start: token.start };
      case "name":
        this.next();
        return { kind: "name", path: [token.text], start: token.start };
      case "end":
        throw new ExpressionError(
          "unexpected end of input: an operand is missing",
          token.start + 1,
        );
      default:
        break;
    }
    if (this.isOperator("(")) return this.parseParenthesised();
    if (this.isOperator("[")) return this.parseList();
    throw new ExpressionError(`unexpected ${describe(token)}`, token.start + 1);
  }

  /** `(a)` is a grouping; `(a, b)` or `(a,)` a tuple, which evaluates like a list. */
  private parseParenthesised(): ExpressionNode {
    const open = this.next();
    if (this.isOperator(")")) throw new ExpressionError("empty parentheses", open.start + 1);
    const first = this.parseSum();
    if (!this.isOperator(",")) {
      this.expectClose(")", open);
      return first;
    }
    const items = [first];
    while (this.isOperator(",")) {
      this.next();
      if (this.isOperator(")")) break;
      items.push(this.parseSum());
      this.checkListLength(items.length, open);
    }
    this.expectClose(")", open);
    return { kind: "list", items, start: open.start };
  }

  private parseList(): ExpressionNode {
    const open = this.next();
    const items: ExpressionNode[] = [];
    while (!this.isOperator("]")) {
      items.push(this.parseSum());
      this.checkListLength(items.length, open);
      if (!this.isOperator(",")) break;
      this.next();
    }
    this.expectClose("]", open);
    return { kind: "list", items, start: open.start };
  }

  private expectClose(text: string, open: Token): void {
    const token = this.peek();
    if (token.kind === "end")
      throw new ExpressionError(`unclosed '${open.text}' opened here`, open.start + 1);
    this.expect(text, `to close the '${open.text}' at column ${open.start + 1}`);
  }

  private checkListLength(length: number, open: Token): void {
    if (length > MAX_LIST_LENGTH) {
      throw new ExpressionError(`list longer than ${MAX_LIST_LENGTH} elements`, open.start + 1);
    }
  }
}

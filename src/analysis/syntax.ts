// Small helpers over tree-sitter's Python syntax tree.
import type { SyntaxNode } from "./parser";
import type { SourceRange } from "./finding";

export function rangeOf(node: SyntaxNode): SourceRange {
  return {
    line: node.startPosition.row,
    column: node.startPosition.column,
    endLine: node.endPosition.row,
    endColumn: node.endPosition.column,
  };
}

/** The range from the end of `before` to the end of `node` (to delete ", nn.Softmax(dim=1)"). */
export function rangeBetween(from: SyntaxNode, to: SyntaxNode, fromEnd: boolean): SourceRange {
  const start = fromEnd ? from.endPosition : from.startPosition;
  return {
    line: start.row,
    column: start.column,
    endLine: to.endPosition.row,
    endColumn: to.endPosition.column,
  };
}

/** An attribute node's text when it is written `a.b.c`, with no spaces, comments or brackets. */
const PLAIN_DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** `a.b.c` as ["a", "b", "c"]; undefined for anything that is not a plain dotted name. */
// What a node's own syntax says is kept on the node (SyntaxNode's fields): a function's body is
// evaluated once per call, and a node of an unchanged statement serves the next analysis too.
export function dottedName(node: SyntaxNode): readonly string[] | undefined {
  if (node.dottedName === undefined) node.dottedName = readDottedName(node) ?? null;
  return node.dottedName ?? undefined;
}

function readDottedName(node: SyntaxNode): readonly string[] | undefined {
  if (node.type === "identifier") return [node.text];
  if (node.type === "attribute") {
    // The parser said this is an attribute; when its text is plainly `a.b.c`, the names are the
    // text's parts, and reading the nested attribute nodes from WASM would tell nothing more.
    const text = node.text;
    if (PLAIN_DOTTED.test(text)) return text.split(".");
    const object = node.childForFieldName("object");
    const attribute = node.childForFieldName("attribute");
    if (!object || !attribute) return undefined;
    const head = dottedName(object);
    return head ? [...head, attribute.text] : undefined;
  }
  return undefined;
}

/** The positional arguments and keyword arguments of a call. */
export interface CallArguments {
  readonly positional: readonly SyntaxNode[];
  readonly keywords: ReadonlyMap<string, SyntaxNode>;
  /** `*layers` or `**kwargs` present: positions after it are unknown. */
  readonly splat: readonly SyntaxNode[];
}

export function callArguments(call: SyntaxNode): CallArguments {
  return (call.callArguments ??= readCallArguments(call));
}

// Shared by the calls that have none (most): every Map and array the analysis allocates is work for
// the garbage collector, which took about half the rules' time.
const NO_NODES: readonly SyntaxNode[] = [];
const NO_KEYWORDS: ReadonlyMap<string, SyntaxNode> = new Map();

function readCallArguments(call: SyntaxNode): CallArguments {
  const positional: SyntaxNode[] = [];
  let keywords: Map<string, SyntaxNode> | undefined;
  let splat: SyntaxNode[] | undefined;
  const list = call.childForFieldName("arguments");
  if (list && list.type === "argument_list") {
    for (const argument of list.namedChildren) {
      if (!argument) continue;
      if (argument.type === "keyword_argument") {
        const name = argument.childForFieldName("name");
        const value = argument.childForFieldName("value");
        if (name && value) (keywords ??= new Map()).set(name.text, value);
      } else if (argument.type === "list_splat" || argument.type === "dictionary_splat") {
        (splat ??= []).push(argument);
      } else if (argument.type !== "comment") {
        positional.push(argument);
      }
    }
  }
  return { positional, keywords: keywords ?? NO_KEYWORDS, splat: splat ?? NO_NODES };
}

/** The first argument, or the keyword argument that stands for it (`input=`). */
export function firstArgument(call: SyntaxNode, keyword = "input"): SyntaxNode | undefined {
  const { positional, keywords } = callArguments(call);
  return positional[0] ?? keywords.get(keyword);
}

/** Expressions that can be written before `.method()` or `[i]` without parentheses. */
const PRIMARY = new Set([
  "identifier",
  "attribute",
  "call",
  "subscript",
  "parenthesized_expression",
  "list",
  "tuple",
  "dictionary",
  "string",
  "integer",
  "float",
]);

/** The source text of `node`, parenthesised unless it is already a primary expression. */
export function asPrimaryText(node: SyntaxNode): string {
  return PRIMARY.has(node.type) ? node.text : `(${node.text})`;
}

export function integerLiteral(node: SyntaxNode | undefined): number | undefined {
  if (!node || node.type !== "integer") return undefined;
  const value = Number(node.text.replace(/_/g, ""));
  return Number.isSafeInteger(value) ? value : undefined;
}

/** The value of a plain string literal (`"probs"`, `'probs'`); undefined for f-strings and the like. */
export function stringLiteral(node: SyntaxNode): string | undefined {
  if (node.type !== "string") return undefined;
  const match = /^(["'])([^"'\\{}]*)\1$/.exec(node.text);
  return match ? match[2] : undefined;
}

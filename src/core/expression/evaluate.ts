import type { ExpressionNode, KeywordArgument } from "./ast";
import { ExpressionError } from "./expressionError";
import {
  isFloatDtype,
  lookupConstant,
  lookupFunction,
  lookupMethod,
  parsePythonFloat,
  type Arguments,
  type FunctionSpec,
  type Parameter,
} from "./functions";
import { MAX_EXPRESSION_LENGTH, MAX_LIST_LENGTH } from "./limits";
import { parse } from "./parser";
import { tokenize } from "./tokens";
import { combine, mapValue, type Value } from "./values";

export type EvaluationResult =
  { ok: true; value: number | number[] } | { ok: false; error: string };

/**
 * Evaluates what people write in code — `torch.sigmoid(torch.tensor(2.5))`, `1/(1+np.exp(-3))`,
 * `F.softmax(torch.tensor([1., 2., 3.]), dim=0)` — without eval or Function: a hand-written lexer
 * (tokens.ts), a recursive-descent parser with Python's precedence (parser.ts) and this tree walker.
 *
 * Semantics are those of a rank-≤1 tensor: lists broadcast elementwise against scalars and against
 * lists of the same length (`[1, 2] * 2` is `[2, 4]`, not Python's list repetition); division by
 * zero gives ±Infinity and invalid operations NaN, as in NumPy/PyTorch. Numbers are float64 whatever
 * dtype the text names. Bounded: more than MAX_EXPRESSION_LENGTH characters, nesting deeper than
 * MAX_NESTING or lists longer than MAX_LIST_LENGTH give an error, and the work is linear in the
 * input, so nothing hangs. Never throws: every failure is `{ ok: false, error }`, naming what was
 * wrong and, when it has a place, its 1-based column.
 */
export function evaluate(text: string): EvaluationResult {
  try {
    if (typeof text !== "string") return { ok: false, error: "expression must be a string" };
    if (text.length > MAX_EXPRESSION_LENGTH) {
      return {
        ok: false,
        error: `expression longer than ${MAX_EXPRESSION_LENGTH} characters (${text.length})`,
      };
    }
    if (text.trim() === "") return { ok: false, error: "empty expression" };
    const tree = parse(tokenize(text));
    const value = evaluateNode(tree);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, error: error.message };
    // A RangeError from a stack overflow or anything unforeseen still comes back as a value.
    return {
      ok: false,
      error: `could not evaluate: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

const col = (node: { start: number }) => node.start + 1;

function evaluateNode(node: ExpressionNode): Value {
  switch (node.kind) {
    case "number":
      return node.value;
    case "string":
      throw new ExpressionError("a string is not a number", col(node));
    case "name": {
      const name = node.path.join(".");
      const constant = lookupConstant(name);
      if (constant !== undefined) return constant;
      if (lookupFunction(name)) {
        throw new ExpressionError(`${name} is a function: call it, e.g. ${name}(2.5)`, col(node));
      }
      throw new ExpressionError(`unknown name '${name}'`, col(node));
    }
    case "list": {
      const values: number[] = [];
      for (const item of node.items) {
        const value = evaluateNode(item);
        if (typeof value !== "number") {
          throw new ExpressionError(
            "nested lists are not supported (only scalars and 1-D lists)",
            col(item),
          );
        }
        values.push(value);
      }
      return values;
    }
    case "unary": {
      const operand = evaluateNode(node.operand);
      return node.operator === "-" ? mapValue(operand, (x) => -x) : operand;
    }
    case "binary": {
      const left = evaluateNode(node.left);
      const right = evaluateNode(node.right);
      return combine(left, right, BINARY[node.operator], node.operator, node.operatorStart + 1);
    }
    case "index": {
      const object = evaluateNode(node.object);
      const index = evaluateNode(node.index);
      if (typeof object === "number")
        throw new ExpressionError("cannot index a scalar", col(node.index));
      if (typeof index !== "number" || !Number.isInteger(index)) {
        throw new ExpressionError("an index must be an integer", col(node.index));
      }
      const i = index < 0 ? object.length + index : index;
      if (i < 0 || i >= object.length) {
        throw new ExpressionError(
          `index ${index} is out of range for a list of ${object.length}`,
          col(node.index),
        );
      }
      return object[i];
    }
    case "member":
      throw new ExpressionError(
        `'.${node.name}' is not a value: call it, e.g. .${node.name}()`,
        col(node),
      );
    case "call":
      return evaluateCall(node);
  }
}

const BINARY: Record<string, (a: number, b: number) => number> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "**": (a, b) => a ** b,
};

function evaluateCall(node: Extract<ExpressionNode, { kind: "call" }>): Value {
  const { callee } = node;
  if (callee.kind === "name") {
    const name = callee.path.join(".");
    if ((name === "max" || name === "min") && node.args.length >= 2 && node.keywords.length === 0) {
      return pythonMinMax(name, node.args);
    }
    const spec = lookupFunction(name);
    if (spec) return callFunction(spec, name, node.args, node.keywords, col(node), undefined);
    // `pi.exp()`-like method on a known constant, otherwise an unknown function.
    if (callee.path.length > 1) {
      const objectName = callee.path.slice(0, -1).join(".");
      const method = lookupMethod(callee.path[callee.path.length - 1]);
      const constant = lookupConstant(objectName);
      if (method && constant !== undefined) {
        return callMethod(method, name, constant, node, col(node));
      }
      const objectFunction = lookupFunction(objectName);
      if (!objectFunction && constant === undefined && method) {
        throw new ExpressionError(`unknown name '${callee.path[0]}'`, col(node));
      }
    }
    throw new ExpressionError(`unknown function '${name}'`, col(node));
  }
  if (callee.kind === "member") {
    const object = evaluateNode(callee.object);
    const method = lookupMethod(callee.name);
    if (!method) throw new ExpressionError(`unknown method '.${callee.name}()'`, col(node));
    return callMethod(method, callee.name, object, node, col(node));
  }
  throw new ExpressionError("this is not a function", col(node));
}

function callMethod(
  method: FunctionSpec | "identity",
  name: string,
  object: Value,
  node: Extract<ExpressionNode, { kind: "call" }>,
  column: number,
): Value {
  if (method === "identity") {
    if (node.args.length > 0 || node.keywords.length > 0) {
      throw new ExpressionError(`.${name.split(".").pop()}() takes no arguments here`, column);
    }
    return object;
  }
  return callFunction(method, name, node.args, node.keywords, column, object);
}

function pythonMinMax(name: string, args: ExpressionNode[]): Value {
  const values = args.map((arg) => {
    const value = evaluateNode(arg);
    if (typeof value !== "number") {
      throw new ExpressionError(
        `${name}() of several arguments takes numbers, not lists`,
        col(arg),
      );
    }
    return value;
  });
  return name === "max" ? Math.max(...values) : Math.min(...values);
}

/** Binds positional and keyword arguments to the spec's parameters, as Python does. */
function callFunction(
  spec: FunctionSpec,
  name: string,
  positional: ExpressionNode[],
  keywords: KeywordArgument[],
  column: number,
  self: Value | undefined,
): Value {
  const bound: Arguments = {};
  const given = new Set<Parameter>();
  const parameters = spec.parameters;
  let next = 0;
  if (self !== undefined) {
    bound[parameters[0].names[0]] = self;
    given.add(parameters[0]);
    next = 1;
  }
  for (const arg of positional) {
    while (next < parameters.length && parameters[next].keywordOnly) next++;
    const parameter = parameters[next++];
    if (!parameter) {
      throw new ExpressionError(
        `${name}() takes at most ${countPositional(spec, self)} positional arguments`,
        col(arg),
      );
    }
    bound[parameter.names[0]] = bindArgument(parameter, arg, name);
    given.add(parameter);
  }
  for (const keyword of keywords) {
    const parameter = parameters.find((p) => p.names.includes(keyword.name));
    if (!parameter || (self !== undefined && parameter === parameters[0])) {
      const accepted = parameters
        .filter((p) => self === undefined || p !== parameters[0])
        .map((p) => p.names.join("/"));
      throw new ExpressionError(
        `unknown keyword argument '${keyword.name}' for ${name}()` +
          (accepted.length ? ` (accepted: ${accepted.join(", ")})` : " (it takes none)"),
        keyword.start + 1,
      );
    }
    if (given.has(parameter)) {
      throw new ExpressionError(`${name}() got '${keyword.name}' twice`, keyword.start + 1);
    }
    bound[parameter.names[0]] = bindArgument(parameter, keyword.value, name, keyword.name);
    given.add(parameter);
  }
  for (const parameter of parameters) {
    if (parameter.required && !given.has(parameter)) {
      throw new ExpressionError(
        `${name}() is missing its argument '${parameter.names[0]}'`,
        column,
      );
    }
  }
  const result = spec.apply(bound, { name, column });
  if (typeof result !== "number" && result.length > MAX_LIST_LENGTH) {
    throw new ExpressionError(`result longer than ${MAX_LIST_LENGTH} elements`, column);
  }
  return result;
}

function countPositional(spec: FunctionSpec, self: Value | undefined): number {
  return spec.parameters.filter((p) => !p.keywordOnly).length - (self === undefined ? 0 : 1);
}

/** Evaluates one argument according to its parameter's kind. */
function bindArgument(
  parameter: Parameter,
  node: ExpressionNode,
  functionName: string,
  keyword?: string,
): Value | undefined {
  const label = `${functionName}(): ${keyword ?? parameter.names[0]}`;
  const isNone = node.kind === "name" && node.path.length === 1 && node.path[0] === "None";
  switch (parameter.kind) {
    case "value":
      return evaluateNode(node);
    case "floatLiteral": {
      if (node.kind !== "string") return evaluateNode(node);
      const parsed = parsePythonFloat(node.value);
      if (parsed === undefined) {
        throw new ExpressionError(`could not convert string to float: '${node.value}'`, col(node));
      }
      return parsed;
    }
    case "dim":
    case "number": {
      if (isNone) return undefined;
      const value = evaluateNode(node);
      if (typeof value !== "number")
        throw new ExpressionError(`${label} must be a number`, col(node));
      if (parameter.kind === "dim" && !Number.isInteger(value)) {
        throw new ExpressionError(`${label} must be an integer`, col(node));
      }
      return value;
    }
    case "flag": {
      if (
        node.kind === "name" &&
        node.path.length === 1 &&
        (node.path[0] === "True" || node.path[0] === "False")
      ) {
        return undefined;
      }
      throw new ExpressionError(`${label} must be True or False`, col(node));
    }
    case "dtype": {
      if (isNone) return undefined;
      const dtypeName =
        node.kind === "name"
          ? node.path.join(".")
          : node.kind === "string"
            ? node.value
            : undefined;
      if (dtypeName !== undefined && isFloatDtype(dtypeName)) return undefined;
      throw new ExpressionError(
        `${label}: only floating dtypes are supported (values are computed in float64)`,
        col(node),
      );
    }
    case "ignored": {
      if (isNone || node.kind === "string" || node.kind === "name") return undefined;
      throw new ExpressionError(`${label} must be a string`, col(node));
    }
  }
}

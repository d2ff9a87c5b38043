// The functions evaluate() knows, under the names people write in PyTorch, NumPy, SciPy,
// TensorFlow, JAX, Python's math module and JavaScript's Math. Values are computed with the core's
// stable kernels in float64, whatever dtype the text asks for.
import { logit } from "../scalars/logit";
import { logSigmoid } from "../scalars/logSigmoid";
import { relu } from "../scalars/relu";
import { sigmoid } from "../scalars/sigmoid";
import { softplus } from "../scalars/softplus";
import { logSoftmax } from "../vectors/logSoftmax";
import { logSumExp } from "../vectors/logSumExp";
import { softmax } from "../vectors/softmax";
import { ExpressionError } from "./expressionError";
import { mapValue, type Value } from "./values";

/** How an argument is checked and what it becomes before a function sees it. */
export type ParameterKind =
  | "value" // a number or a list
  | "dim" // an integer axis (or None); only 0 and -1 exist for rank ≤ 1
  | "number" // a scalar (or None)
  | "flag" // True / False, ignored (requires_grad, keepdim)
  | "dtype" // a floating dtype name, ignored: everything is float64 here
  | "floatLiteral" // a number, or a string as Python's float() reads it ('inf', '-nan', ' 2.5 ')
  | "ignored"; // a string or name that does not change the numbers (device, name)

export interface Parameter {
  /** Keyword names; the first is the one used in messages. */
  names: string[];
  kind: ParameterKind;
  required?: boolean;
  /** Only as a keyword (e.g. dtype of torch.softmax is keyword-only in practice). */
  keywordOnly?: boolean;
}

/** Bound arguments: values for "value" parameters, numbers (or undefined) for "dim"/"number". */
export type Arguments = Record<string, Value | undefined>;

export interface FunctionSpec {
  canonical: string;
  parameters: Parameter[];
  apply: (args: Arguments, context: CallContext) => Value;
}

export interface CallContext {
  /** The name as written, e.g. "F.softmax". */
  name: string;
  column: number;
}

const input: Parameter = { names: ["input", "x"], kind: "value", required: true };
const dim: Parameter = { names: ["dim", "axis"], kind: "dim" };
const dtype: Parameter = { names: ["dtype"], kind: "dtype", keywordOnly: true };
const opName: Parameter = { names: ["name"], kind: "ignored", keywordOnly: true };

function elementwise(
  canonical: string,
  fn: (x: number) => number,
  extra: Parameter[] = [],
): FunctionSpec {
  return {
    canonical,
    parameters: [input, ...extra, opName],
    apply: (args) => mapValue(args.input!, fn),
  };
}

function checkDim(args: Arguments, context: CallContext): void {
  const axis = args.dim;
  if (axis === undefined) return;
  if (axis !== 0 && axis !== -1) {
    throw new ExpressionError(
      `${context.name}: dim=${String(axis)} is out of range: values here are scalars or 1-D lists (use 0 or -1)`,
      context.column,
    );
  }
}

function asList(value: Value): number[] {
  return typeof value === "number" ? [value] : value;
}

/** A reduction of a rank-≤1 value to a scalar; a scalar reduces to itself as in PyTorch. */
function reduction(
  canonical: string,
  reduce: (v: number[]) => number,
  extra: Parameter[] = [],
): FunctionSpec {
  return {
    canonical,
    parameters: [
      input,
      dim,
      ...extra,
      { names: ["keepdim", "keepdims"], kind: "flag" },
      dtype,
      opName,
    ],
    apply: (args, context) => {
      checkDim(args, context);
      const value = args.input!;
      if (
        typeof value !== "number" &&
        value.length === 0 &&
        canonical !== "sum" &&
        canonical !== "logsumexp"
      ) {
        throw new ExpressionError(`${context.name} of an empty list`, context.column);
      }
      return reduce(asList(value));
    },
  };
}

/** softmax-like: a rank-≤1 value to one of the same rank along dim 0. */
function alongDim(canonical: string, fn: (v: number[]) => Float64Array): FunctionSpec {
  return {
    canonical,
    parameters: [input, dim, dtype, opName],
    apply: (args, context) => {
      checkDim(args, context);
      const value = args.input!;
      const out = Array.from(fn(asList(value)));
      return typeof value === "number" ? out[0] : out;
    },
  };
}

const SPECS: FunctionSpec[] = [
  elementwise("sigmoid", sigmoid),
  elementwise("logsigmoid", logSigmoid),
  elementwise("tanh", Math.tanh),
  elementwise("exp", Math.exp),
  elementwise("log", Math.log),
  elementwise("log1p", Math.log1p),
  elementwise("expm1", Math.expm1),
  elementwise("sqrt", Math.sqrt),
  elementwise("abs", Math.abs),
  elementwise("relu", relu),
  {
    // torch.logit(input, eps=None): with eps, p is first clamped to [eps, 1 − eps].
    canonical: "logit",
    parameters: [input, { names: ["eps"], kind: "number" }, opName],
    apply: (args) => {
      const eps = args.eps as number | undefined;
      if (eps === undefined) return mapValue(args.input!, logit);
      return mapValue(args.input!, (p) => logit(p !== p ? p : Math.min(Math.max(p, eps), 1 - eps)));
    },
  },
  {
    // F.softplus(input, beta=1, threshold=20) = log(1 + e^(βx))/β, and x itself once βx > threshold.
    canonical: "softplus",
    parameters: [
      input,
      { names: ["beta"], kind: "number" },
      { names: ["threshold"], kind: "number" },
      opName,
    ],
    apply: (args) => {
      const beta = (args.beta as number | undefined) ?? 1;
      const threshold = (args.threshold as number | undefined) ?? 20;
      return mapValue(args.input!, (x) => (beta * x > threshold ? x : softplus(beta * x) / beta));
    },
  },
  alongDim("softmax", (v) => softmax(v)),
  alongDim("log_softmax", (v) => logSoftmax(v)),
  reduction("logsumexp", logSumExp),
  reduction("sum", (v) => v.reduce((a, b) => a + b, 0)),
  reduction("mean", (v) => v.reduce((a, b) => a + b, 0) / v.length),
  reduction("max", (v) => v.reduce((a, b) => (a > b || a !== a ? a : b))),
  reduction("min", (v) => v.reduce((a, b) => (a < b || a !== a ? a : b))),
  {
    // torch.tensor(data, dtype=None, device=None, requires_grad=False), np.array(object, dtype=None)…
    canonical: "tensor",
    parameters: [
      { names: ["data", "object", "value"], kind: "value", required: true },
      { names: ["dtype"], kind: "dtype" },
      { names: ["device"], kind: "ignored", keywordOnly: true },
      { names: ["requires_grad"], kind: "flag", keywordOnly: true },
      opName,
    ],
    apply: (args) => args.data!,
  },
  {
    canonical: "float",
    parameters: [{ names: ["x"], kind: "floatLiteral", required: true }],
    apply: (args, context) => {
      const value = args.x!;
      if (typeof value !== "number") {
        throw new ExpressionError(`${context.name}() takes a number, not a list`, context.column);
      }
      return value;
    },
  },
];

const BY_CANONICAL = new Map(SPECS.map((spec) => [spec.canonical, spec]));

/** Name prefixes under which each canonical function is written in code. */
const ALIASES: Record<string, string[]> = {
  sigmoid: [
    "σ",
    "sigmoid",
    "torch.sigmoid",
    "F.sigmoid",
    "nn.functional.sigmoid",
    "torch.nn.functional.sigmoid",
    "torch.special.expit",
    "scipy.special.expit",
    "special.expit",
    "expit",
    "jax.scipy.special.expit",
    "tf.math.sigmoid",
    "tf.nn.sigmoid",
    "tf.sigmoid",
    "tf.keras.activations.sigmoid",
    "jax.nn.sigmoid",
    "nn.sigmoid",
  ],
  logsigmoid: [
    "logsigmoid",
    "log_sigmoid",
    "F.logsigmoid",
    "torch.nn.functional.logsigmoid",
    "tf.math.log_sigmoid",
    "jax.nn.log_sigmoid",
    "nn.log_sigmoid",
  ],
  softmax: [
    "softmax",
    "F.softmax",
    "torch.softmax",
    "torch.nn.functional.softmax",
    "nn.functional.softmax",
    "torch.special.softmax",
    "tf.nn.softmax",
    "tf.math.softmax",
    "jax.nn.softmax",
    "nn.softmax",
    "scipy.special.softmax",
    "special.softmax",
  ],
  log_softmax: [
    "log_softmax",
    "F.log_softmax",
    "torch.log_softmax",
    "torch.nn.functional.log_softmax",
    "nn.functional.log_softmax",
    "torch.special.log_softmax",
    "tf.nn.log_softmax",
    "tf.math.log_softmax",
    "jax.nn.log_softmax",
    "nn.log_softmax",
    "scipy.special.log_softmax",
    "special.log_softmax",
  ],
  logit: [
    "logit",
    "torch.logit",
    "torch.special.logit",
    "scipy.special.logit",
    "special.logit",
    "jax.scipy.special.logit",
  ],
  relu: [
    "relu",
    "F.relu",
    "torch.relu",
    "torch.nn.functional.relu",
    "tf.nn.relu",
    "jax.nn.relu",
    "nn.relu",
  ],
  softplus: [
    "softplus",
    "F.softplus",
    "torch.nn.functional.softplus",
    "tf.nn.softplus",
    "tf.math.softplus",
    "jax.nn.softplus",
    "nn.softplus",
  ],
  logsumexp: [
    "logsumexp",
    "torch.logsumexp",
    "torch.special.logsumexp",
    "scipy.special.logsumexp",
    "special.logsumexp",
    "jax.nn.logsumexp",
    "jax.scipy.special.logsumexp",
    "tf.math.reduce_logsumexp",
    "tf.reduce_logsumexp",
  ],
  tensor: [
    "torch.tensor",
    "torch.Tensor",
    "torch.as_tensor",
    "torch.DoubleTensor",
    "torch.FloatTensor",
    "np.array",
    "np.asarray",
    "numpy.array",
    "numpy.asarray",
    "jnp.array",
    "jnp.asarray",
    "jax.numpy.array",
    "tf.constant",
    "tf.convert_to_tensor",
    "array",
    "tensor",
  ],
  float: ["float", "np.float64", "numpy.float64", "np.float32", "np.double"],
};

/** math./np./torch. style names: the bare name plus each prefix. */
const COMMON_PREFIXES = [
  "",
  "math.",
  "np.",
  "numpy.",
  "torch.",
  "Math.",
  "tf.",
  "tf.math.",
  "jnp.",
  "jax.numpy.",
];
for (const [canonical, mathOnly] of [
  ["tanh", false],
  ["exp", false],
  ["log", false],
  ["log1p", false],
  ["expm1", false],
  ["sqrt", false],
  ["abs", false],
  ["sum", true],
  ["mean", true],
  ["max", true],
  ["min", true],
] as const) {
  const names = COMMON_PREFIXES.filter((prefix) => !mathOnly || prefix !== "math.").map(
    (p) => p + canonical,
  );
  if (canonical === "tanh")
    names.push("F.tanh", "torch.nn.functional.tanh", "tf.nn.tanh", "jax.nn.tanh");
  if (canonical === "abs") names.push("math.fabs", "np.absolute", "numpy.absolute", "np.fabs");
  if (canonical === "sum") names.push("tf.reduce_sum", "tf.math.reduce_sum");
  if (canonical === "mean") names.push("tf.reduce_mean", "tf.math.reduce_mean");
  if (canonical === "max") names.push("tf.reduce_max", "np.amax");
  if (canonical === "min") names.push("tf.reduce_min", "np.amin");
  ALIASES[canonical] = names;
}

const BY_NAME = new Map<string, FunctionSpec>();
for (const [canonical, names] of Object.entries(ALIASES)) {
  const spec = BY_CANONICAL.get(canonical)!;
  for (const name of names) BY_NAME.set(name, spec);
}

/** The function written as `name` (e.g. "torch.nn.functional.sigmoid"), if known. */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name);
}

/** Every accepted function name, for documentation and for the hover's term matching. */
export function knownFunctionNames(): string[] {
  return [...BY_NAME.keys()].sort();
}

/** Methods of a tensor-like value: `torch.tensor([1., 2.]).sigmoid()`, `x.softmax(dim=0)`. */
const METHODS: Record<string, string> = {
  sigmoid: "sigmoid",
  logit: "logit",
  tanh: "tanh",
  exp: "exp",
  log: "log",
  log1p: "log1p",
  expm1: "expm1",
  sqrt: "sqrt",
  abs: "abs",
  relu: "relu",
  softmax: "softmax",
  log_softmax: "log_softmax",
  logsumexp: "logsumexp",
  sum: "sum",
  mean: "mean",
  max: "max",
  min: "min",
};

/** Methods that return the value unchanged (conversions that do not change float64 numbers). */
const IDENTITY_METHODS = new Set([
  "double",
  "float",
  "detach",
  "cpu",
  "numpy",
  "clone",
  "tolist",
  "item",
]);

export function lookupMethod(name: string): FunctionSpec | "identity" | undefined {
  if (IDENTITY_METHODS.has(name)) return "identity";
  const canonical = METHODS[name];
  return canonical === undefined ? undefined : BY_CANONICAL.get(canonical);
}

/** Named constants: pi, e, inf, nan under their usual prefixes. */
const CONSTANTS = new Map<string, number>();
for (const prefix of ["", "math.", "np.", "numpy.", "torch.", "jnp."]) {
  CONSTANTS.set(prefix + "pi", Math.PI);
  CONSTANTS.set(prefix + "e", Math.E);
  CONSTANTS.set(prefix + "inf", Infinity);
  CONSTANTS.set(prefix + "nan", NaN);
}
CONSTANTS.set("math.tau", 2 * Math.PI);
CONSTANTS.set("Math.PI", Math.PI);
CONSTANTS.set("Math.E", Math.E);
CONSTANTS.set("np.Inf", Infinity);
CONSTANTS.set("np.NaN", NaN);
CONSTANTS.set("Infinity", Infinity);
CONSTANTS.set("NaN", NaN);

export function lookupConstant(name: string): number | undefined {
  return CONSTANTS.get(name);
}

/** Floating dtypes accepted (and ignored: the evaluator always computes in float64). */
const FLOAT_DTYPES = new Set([
  "float64",
  "double",
  "float32",
  "float",
  "float16",
  "half",
  "bfloat16",
]);

export function isFloatDtype(name: string): boolean {
  const last = name.split(".").pop()!;
  const prefix = name.slice(0, name.length - last.length);
  return (
    FLOAT_DTYPES.has(last) &&
    ["", "torch.", "np.", "numpy.", "tf.", "jnp.", "jax.numpy."].includes(prefix)
  );
}

/** Python's float(str): optional sign, inf/infinity/nan in any case, or a decimal literal. */
export function parsePythonFloat(text: string): number | undefined {
  const trimmed = text.trim().replaceAll("_", "");
  const match = /^([+-]?)(inf|infinity|nan)$/i.exec(trimmed);
  if (match) {
    const magnitude = match[2].toLowerCase() === "nan" ? NaN : Infinity;
    return match[1] === "-" ? -magnitude : magnitude;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

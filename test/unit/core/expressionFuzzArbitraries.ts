// Inputs for fuzzing evaluate(): arbitrary text, and token soup drawn from the evaluator's own
// vocabulary (so that many inputs get deep into the parser and the interpreter).
import fc from "fast-check";

const VOCABULARY = [
  "sigmoid",
  "torch.sigmoid",
  "F.softmax",
  "torch.tensor",
  "np.exp",
  "logit",
  "log_softmax",
  "torch.logsumexp",
  "F.softplus",
  "relu",
  "max",
  "float",
  "x",
  "pi",
  "e",
  "None",
  "True",
  "dim",
  "axis",
  "dtype",
  "torch.float64",
  "torch.int64",
  "beta",
  "eps",
  "'inf'",
  "'cpu'",
  ".sigmoid",
  ".softmax",
  ".item",
  "0",
  "1",
  "-1",
  "2.5",
  ".5",
  "1e308",
  "1e-300",
  "1_0",
  "(",
  ")",
  "[",
  "]",
  ",",
  "=",
  "+",
  "-",
  "*",
  "/",
  "**",
  "^",
  ".",
  " ",
  "@",
  "#",
  "σ",
  '"',
];

export const tokenSoup = fc
  .array(fc.constantFrom(...VOCABULARY), { maxLength: 120 })
  .map((parts) => parts.join(""));

export const arbitraryText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  tokenSoup,
);

/** Texts near the bounds: long, deeply nested, long lists. */
export const boundaryText = fc.oneof(
  fc.integer({ min: 1, max: 200 }).map((n) => "(".repeat(n) + "1" + ")".repeat(n)),
  fc.integer({ min: 1, max: 200 }).map((n) => "sigmoid(".repeat(n) + "0" + ")".repeat(n)),
  fc.integer({ min: 1, max: 1200 }).map((n) => `[${"1,".repeat(n)}1]`),
  fc.integer({ min: 1, max: 700 }).map((n) => "2**".repeat(n) + "2"),
  fc.integer({ min: 1, max: 1100 }).map((n) => "-".repeat(n) + "1"),
  fc.integer({ min: 1, max: 700 }).map((n) => "[1]*".repeat(n) + "1"),
  fc.integer({ min: 1, max: 2100 }).map((n) => "(".repeat(n)),
);

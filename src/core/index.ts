// The embedded math core: the public API of ../shared/DESIGN.md ("The math core contract").
// Pure TypeScript — no vscode, no DOM, no Node — so the extension host, the browser build and the
// webview page all bundle the same numbers.

// --- scalars, vectors, expression evaluator ---
export { sigmoid } from "./scalars/sigmoid";
export { sigmoidDerivative } from "./scalars/sigmoidDerivative";
export { logit } from "./scalars/logit";
export { logSigmoid } from "./scalars/logSigmoid";
export { softplus } from "./scalars/softplus";
export { tanhDerivative } from "./scalars/tanhDerivative";
export { relu, reluDerivative } from "./scalars/relu";
export { logSumExp } from "./vectors/logSumExp";
export { softmax, softmaxInto } from "./vectors/softmax";
export { logSoftmax } from "./vectors/logSoftmax";
export { sigmoidInto, sigmoidArray, logSigmoidInto, softplusInto } from "./vectors/elementwise";
export type { NumericVector } from "./vectors/vectorInput";
export { evaluate, type EvaluationResult } from "./expression/evaluate";
export { knownFunctionNames } from "./expression/functions";
export { findEvaluableSpan, type EvaluableSpan } from "./expression/evaluableSpan";
export { MAX_EXPRESSION_LENGTH, MAX_NESTING, MAX_LIST_LENGTH } from "./expression/limits";

// --- losses, recurrent cells, deep networks ---
export * from "./losses";
export * from "./recurrent";
export * from "./networks";
export { createRng } from "./random";
// Whether the recurrent cells' WebAssembly kernels run here: the same numbers either way, faster.
export { recurrentKernelsAvailable } from "./kernels/recurrentKernels";
// And the dense layers' (the vanishing-gradient experiment's training and gradients).
export { mlpKernelsAvailable } from "./kernels/mlpKernels";
export { NormalStream } from "./normalStream";
export type { Rng } from "./random";

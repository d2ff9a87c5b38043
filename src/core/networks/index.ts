// Deep networks: gradients through stacked activations, the vanishing-gradient experiment, and
// logistic regression (binary and multinomial).
export type { Activation } from "./activation";
export { mlpGradients } from "./mlp";
export type { MlpGradients, MlpNetwork } from "./mlp";
export {
  StreamGradientNorms,
  drawDeepNetwork,
  simulateVanishingGradient,
} from "./vanishingGradient";
export type {
  DeepNetworkOptions,
  VanishingGradientOptions,
  VanishingGradientResult,
  WeightInit,
} from "./vanishingGradient";
export { startDeepNetworkTraining, trainDeepNetwork } from "./trainDeepNetwork";
export type {
  DeepNetworkTraining,
  TrainDeepNetworkOptions,
  TrainDeepNetworkResult,
} from "./trainDeepNetwork";
export { trainLogisticRegression } from "./logisticRegression";
export type { LogisticRegressionOptions, LogisticRegressionResult } from "./logisticRegression";

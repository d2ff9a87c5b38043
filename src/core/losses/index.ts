// Losses with the same numbers as torch.nn.functional (float64), and the gradients the panel
// shows next to them.
export type { LossOptions, Reduction } from "./reduction";
export { crossEntropy, crossEntropyGradient } from "./crossEntropy";
export { nllLoss } from "./nllLoss";
export { binaryCrossEntropy } from "./binaryCrossEntropy";
export { binaryCrossEntropyWithLogits } from "./binaryCrossEntropyWithLogits";
export {
  softmaxThenCrossEntropy,
  softmaxThenCrossEntropyGradient,
} from "./softmaxThenCrossEntropy";

// Recurrent cells in PyTorch's parameter layout and backpropagation through time.
export type {
  GruParams,
  LstmParams,
  RecurrentKind,
  RecurrentParams,
  RnnNonlinearity,
  RnnParams,
} from "./params";
export { lstm } from "./lstm";
export type { LstmGates, LstmResult, LstmState } from "./lstm";
export { gru } from "./gru";
export type { GruGates, GruResult } from "./gru";
export { rnn } from "./rnn";
export type { RnnResult } from "./rnn";
export { gradientOfTrace, gradientThroughTime } from "./gradientThroughTime";
export { traceThroughTime } from "./trace";
export type { RecurrentTrace } from "./trace";
export { fromStateDict } from "./fromStateDict";
export { createGruCell, createLstmCell, createRnnCell } from "./cells";
export type { GruCell, GruStepResult, LstmCell, LstmStepResult, RnnCell } from "./cells";

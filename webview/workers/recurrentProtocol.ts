// The messages between the LSTM & GRU view and its gradient worker: one cell's weights and inputs
// in, its forward pass (trace) and gradient through time out, or why it failed.
import type { RecurrentTrace } from "../../src/core";
import type { InputSequence } from "../views/recurrent/inputs";
import type { CellWeights } from "../views/recurrent/weights";

export interface GradientJob {
  id: number;
  weights: CellWeights;
  inputs: InputSequence;
}

export type GradientReply =
  { id: number; trace: RecurrentTrace; gradient: Float64Array } | { id: number; error: string };

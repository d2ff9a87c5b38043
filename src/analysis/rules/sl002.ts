// SL002: softmax (not log_softmax) reaching NLLLoss, which expects log-probabilities.
import type { Finding } from "../finding";
import type { LossInput } from "../flow";
import { respell } from "../fixes";
import { rangeOf } from "../syntax";
import { LOG_SOFTMAX_SPELLING } from "../torchNames";

export function softmaxIntoNllLoss(input: LossInput): Finding | undefined {
  if (input.loss !== "nll") return undefined;
  const { value } = input;
  if (value.kind !== "tensor" || value.meaning !== "softmax" || !value.site) return undefined;
  const edits = respell(value.site.name, LOG_SOFTMAX_SPELLING);
  return {
    code: "SL002",
    ...rangeOf(value.site.node),
    message:
      "softmax output reaches NLLLoss, which expects log-probabilities: use log_softmax (NLLLoss of probabilities is not the cross-entropy)",
    lab: { view: "softmax" },
    related: { ...rangeOf(input.call), message: "the loss that receives the probabilities" },
    fix: edits && { title: "Use log_softmax: NLLLoss expects log-probabilities", edits },
  };
}

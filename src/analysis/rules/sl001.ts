// SL001: softmax output reaching CrossEntropyLoss, which applies log_softmax itself.
import type { Finding } from "../finding";
import type { LossInput } from "../flow";
import { dropActivation } from "../fixes";
import { rangeOf } from "../syntax";

export function softmaxIntoCrossEntropy(input: LossInput): Finding | undefined {
  if (input.loss !== "cross_entropy") return undefined;
  const { value } = input;
  if (value.kind !== "tensor" || value.meaning !== "softmax" || !value.site) return undefined;
  const edits = dropActivation(value.site);
  return {
    code: "SL001",
    ...rangeOf(value.site.node),
    message:
      "softmax output reaches CrossEntropyLoss, which applies log_softmax itself: pass the raw logits (softmax twice flattens the loss and shrinks its gradient)",
    lab: { view: "softmax" },
    related: { ...rangeOf(input.call), message: "the loss that receives the probabilities" },
    fix: edits && { title: "Drop the softmax: CrossEntropyLoss expects logits", edits },
  };
}

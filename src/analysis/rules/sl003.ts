// SL003: sigmoid output reaching BCEWithLogitsLoss, which applies the sigmoid itself.
import type { Finding } from "../finding";
import type { LossInput } from "../flow";
import { dropActivation } from "../fixes";
import { rangeOf } from "../syntax";

export function sigmoidIntoBceWithLogits(input: LossInput): Finding | undefined {
  if (input.loss !== "bce_with_logits") return undefined;
  const { value } = input;
  if (value.kind !== "tensor" || value.meaning !== "sigmoid" || !value.site) return undefined;
  const edits = dropActivation(value.site);
  return {
    code: "SL003",
    ...rangeOf(value.site.node),
    message:
      "sigmoid output reaches BCEWithLogitsLoss, which applies the sigmoid itself: pass the raw logits (σ(σ(z)) stays in (0.5, 0.73))",
    lab: { view: "activations" },
    related: { ...rangeOf(input.call), message: "the loss that receives the probabilities" },
    fix: edits && { title: "Drop the sigmoid: BCEWithLogitsLoss expects logits", edits },
  };
}

// SL004: raw model output (no sigmoid) reaching BCELoss, which expects probabilities in [0, 1].
import type { Finding } from "../finding";
import type { LossInput } from "../flow";
import { rangeOf } from "../syntax";

const WITH_LOGITS: ReadonlyMap<string, string> = new Map([
  ["BCELoss", "BCEWithLogitsLoss"],
  ["binary_cross_entropy", "binary_cross_entropy_with_logits"],
]);

export function logitsIntoBceLoss(input: LossInput): Finding | undefined {
  if (input.loss !== "bce") return undefined;
  const { value } = input;
  if (value.kind !== "tensor" || value.meaning !== "logits") return undefined;
  const name = input.lossName;
  const replacement = name ? WITH_LOGITS.get(name.text) : undefined;
  // A bare `BCELoss` imported by name would need its import changed too: no fix offered there.
  const qualifiedUse = name?.parent?.type === "attribute";
  return {
    code: "SL004",
    ...rangeOf(input.prediction),
    message:
      "raw model output (no sigmoid) reaches BCELoss, which expects probabilities in [0, 1]: use BCEWithLogitsLoss (it applies the sigmoid stably)",
    lab: { view: "softmax" },
    related: { ...rangeOf(input.call), message: "the BCELoss call" },
    fix:
      name && replacement && qualifiedUse
        ? {
            title: `Switch to ${replacement}: it takes logits and applies the sigmoid itself`,
            edits: [{ ...rangeOf(name), newText: replacement }],
          }
        : undefined,
  };
}

// The `reduction` option of every loss, as torch.nn.functional spells it.
import { readChoice } from "../shapes";

export type Reduction = "mean" | "sum" | "none";

export interface LossOptions {
  /** "mean" (PyTorch's default) divides the sum by the number of elements; "none" keeps them. */
  reduction?: Reduction;
}

const reductions: readonly Reduction[] = ["mean", "sum", "none"];

export function readReduction(options: LossOptions | undefined): Reduction {
  if (options === undefined || options === null) return "mean";
  if (typeof options !== "object") {
    throw new TypeError(
      `options: expected { reduction?: "mean" | "sum" | "none" }, got ${typeof options}`,
    );
  }
  return options.reduction === undefined
    ? "mean"
    : readChoice("options.reduction", options.reduction, reductions);
}

/** Sums in index order, then divides by the count for "mean", as PyTorch does on the CPU. */
export function reduceLosses(losses: Float64Array, reduction: Reduction): number | Float64Array {
  if (reduction === "none") return losses;
  let sum = 0;
  for (let k = 0; k < losses.length; k++) sum += losses[k];
  return reduction === "sum" ? sum : sum / losses.length;
}

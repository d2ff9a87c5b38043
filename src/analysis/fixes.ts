// The mechanical edits behind the quick fixes, computed from where an activation was applied.
import type { SourceEdit } from "./finding";
import type { SyntaxNode } from "./parser";
import { asPrimaryText, rangeBetween, rangeOf } from "./syntax";
import type { ActivationSite } from "./values";

/** Removes the activation: `F.softmax(z, dim=1)` → `z`; `nn.Softmax(dim=1)` leaves its Sequential. */
export function dropActivation(site: ActivationSite): SourceEdit[] | undefined {
  const drop = site.drop;
  if (!drop) return undefined;
  if (drop.kind === "unwrap") {
    return [{ ...rangeOf(site.node), newText: asPrimaryText(drop.input) }];
  }
  // In nn.Sequential the layer is an argument: delete it with the comma before it.
  if (drop.neighbour) return [{ ...rangeBetween(drop.neighbour, site.node, true), newText: "" }];
  return undefined;
}

/** Respells the activation's name: `softmax` → `log_softmax`, `Softmax` → `LogSoftmax`. */
export function respell(
  name: SyntaxNode | undefined,
  spellings: ReadonlyMap<string, string>,
): SourceEdit[] | undefined {
  if (!name) return undefined;
  const replacement = spellings.get(name.text);
  return replacement ? [{ ...rangeOf(name), newText: replacement }] : undefined;
}

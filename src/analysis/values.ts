// The abstract values the data flow tracks: what a name holds, as far as the rules care.
import type { SyntaxNode } from "./parser";
import type { Activation, LossKind } from "./torchNames";

/** Where an activation was applied, and how to undo or respell it there. */
export interface ActivationSite {
  /** What to underline: the softmax call, the `self.softmax(x)` call, or the layer in Sequential. */
  node: SyntaxNode;
  /** How to drop it: put the input in place of the call, or delete the layer from its Sequential. */
  drop?: { kind: "unwrap"; input: SyntaxNode } | { kind: "removeLayer"; neighbour?: SyntaxNode };
  /** The identifier that names the activation (`softmax`, `Softmax`), for the log_softmax fix. */
  name?: SyntaxNode;
}

/** What a tensor's numbers mean: an activation's output, raw logits, or log-probabilities. */
export type Meaning = Activation | "logits" | "log_probs";

export type Layer =
  | { type: "activation"; activation: Activation; name?: SyntaxNode }
  | { type: "affine"; outFeatures?: number }
  | { type: "norm" }
  | { type: "transparent" }
  | { type: "sequential"; layers: LayerEntry[]; node: SyntaxNode }
  /** nn.ModuleList: its layers when written out, or how many when built by `range(n)`. */
  | { type: "list"; layers: LayerEntry[]; repeat: number }
  | { type: "model"; cls: ClassFacts }
  | { type: "other" };

/** A layer as it appears among the arguments of nn.Sequential. */
export interface LayerEntry {
  layer: Layer;
  node: SyntaxNode;
}

export type Value =
  | { kind: "unknown" }
  | { kind: "tensor"; meaning: Meaning; site?: ActivationSite }
  | { kind: "layer"; layer: Layer }
  | { kind: "class"; cls: ClassFacts }
  | { kind: "function"; definition: SyntaxNode; scope: Scope }
  | { kind: "loss"; loss: LossKind; name?: SyntaxNode }
  | { kind: "tuple"; items: Value[] }
  /** A dict literal with string keys (`{"logits": z, "probs": p}`). */
  | { kind: "dict"; entries: Map<string, Value> }
  /** `self` inside a method of a class defined in the file. */
  | { kind: "self"; cls: ClassFacts };

export const UNKNOWN: Value = { kind: "unknown" };

export interface ClassFacts {
  name: string;
  node: SyntaxNode;
  /** A subclass of nn.Module (directly or through a class of the same file). */
  isModule: boolean;
  base?: ClassFacts;
  methods: Map<string, SyntaxNode>;
  /** `self.<name> = …` assignments, from __init__ first. */
  attributes: Map<string, Value>;
  state: "new" | "analysing" | "done";
  /** What calling an instance returns (forward's return value). */
  forwardOutput: Value;
}

/** A lexical scope: names to values, then the enclosing scope. */
export class Scope {
  private readonly names = new Map<string, Value>();
  constructor(readonly parent?: Scope) {}
  get(name: string): Value | undefined {
    return this.names.get(name) ?? this.parent?.get(name);
  }
  set(name: string, value: Value): void {
    this.names.set(name, value);
  }
}

/** Two control-flow paths joined: a value is known only if both paths agree on it. */
export function join(a: Value, b: Value): Value {
  if (a === b) return a;
  if (a.kind === "tensor" && b.kind === "tensor" && a.meaning === b.meaning) return a;
  if (a.kind === "tuple" && b.kind === "tuple" && a.items.length === b.items.length) {
    return { kind: "tuple", items: a.items.map((item, i) => join(item, b.items[i])) };
  }
  if (a.kind === "layer" && b.kind === "layer" && a.layer === b.layer) return a;
  return UNKNOWN;
}

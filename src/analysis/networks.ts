// The shape of each network in a file, as far as vanishing gradients care: how many sigmoid and tanh
// layers are stacked on the deepest path, and the longest run of them with no normalisation or
// residual connection in between. Feeds SL005 and the depth-attenuation CodeLens.
import type { SourceRange } from "./finding";
import type { FlowFacts } from "./flow";
import type { SyntaxNode } from "./parser";
import { rangeOf } from "./syntax";
import { ACTIVATION_FUNCTIONS, NORM_FUNCTIONS } from "./torchNames";
import type { ClassFacts, Layer, LayerEntry, Value } from "./values";

export interface NetworkSummary {
  kind: "sequential" | "module";
  /** The nn.Sequential call or the class name: where the CodeLens and SL005 go. */
  anchor: SourceRange;
  /** Sigmoid and tanh layers on the deepest path through the network. */
  sigmoid: number;
  tanh: number;
  /** The most sigmoid/tanh layers stacked with no normalisation or residual in between. */
  longestRun: number;
  /** The hidden width (most common out_features of the Linear layers), when written as a number. */
  width?: number;
}

export function summariseNetworks(facts: FlowFacts): NetworkSummary[] {
  const summaries: NetworkSummary[] = [];
  for (const { node, layers } of facts.sequentials) {
    const chain = applyLayers(ZERO, layers);
    if (chain.sigmoid + chain.tanh === 0) continue;
    const anchor = node.childForFieldName("function") ?? node;
    summaries.push({
      kind: "sequential",
      anchor: rangeOf(anchor),
      sigmoid: chain.sigmoid,
      tanh: chain.tanh,
      longestRun: chain.longestRun,
      width: hiddenWidth(flatten(layers)),
    });
  }
  for (const cls of facts.classes) {
    if (!cls.isModule) continue;
    const summary = summariseModule(cls, facts);
    if (summary) summaries.push(summary);
  }
  return summaries;
}

// ── chains ──────────────────────────────────────────────────────────────────────────────────────

interface Chain {
  sigmoid: number;
  tanh: number;
  /** Sigmoid/tanh layers since the last normalisation or residual connection. */
  run: number;
  longestRun: number;
}

const ZERO: Chain = { sigmoid: 0, tanh: 0, run: 0, longestRun: 0 };

function deeper(a: Chain, b: Chain): Chain {
  const pick = a.sigmoid + a.tanh >= b.sigmoid + b.tanh ? a : b;
  return {
    ...pick,
    run: Math.max(a.run, b.run),
    longestRun: Math.max(a.longestRun, b.longestRun),
  };
}

function activate(chain: Chain, activation: "sigmoid" | "tanh"): Chain {
  const run = chain.run + 1;
  return {
    sigmoid: chain.sigmoid + (activation === "sigmoid" ? 1 : 0),
    tanh: chain.tanh + (activation === "tanh" ? 1 : 0),
    run,
    longestRun: Math.max(chain.longestRun, run),
  };
}

/** Normalisation or a residual connection: the run of stacked activations starts again. */
function reset(chain: Chain): Chain {
  return { ...chain, run: 0 };
}

function applyLayer(chain: Chain, layer: Layer): Chain {
  switch (layer.type) {
    case "activation":
      return layer.activation === "sigmoid" || layer.activation === "tanh"
        ? activate(chain, layer.activation)
        : chain;
    case "norm":
      return reset(chain);
    case "sequential":
      return applyLayers(chain, layer.layers);
    case "list":
      return applyLayers(chain, expandList(layer));
    default:
      return chain;
  }
}

function applyLayers(chain: Chain, layers: LayerEntry[]): Chain {
  return layers.reduce((c, entry) => applyLayer(c, entry.layer), chain);
}

function expandList(layer: Layer & { type: "list" }): LayerEntry[] {
  if (layer.repeat <= 1) return layer.layers;
  return Array.from({ length: layer.repeat }, () => layer.layers).flat();
}

function flatten(layers: LayerEntry[]): Layer[] {
  return layers.flatMap((entry): Layer[] => {
    const layer = entry.layer;
    if (layer.type === "sequential") return flatten(layer.layers);
    if (layer.type === "list") return flatten(expandList(layer));
    return [layer];
  });
}

/** The most common out_features of the affine layers before the output layer. */
function hiddenWidth(layers: Layer[]): number | undefined {
  const widths = layers
    .filter((l): l is Layer & { type: "affine" } => l.type === "affine")
    .map((l) => l.outFeatures);
  const hidden = widths.length > 1 ? widths.slice(0, -1) : widths;
  const counts = new Map<number, number>();
  for (const w of hidden) if (w !== undefined && w > 0) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: number | undefined;
  for (const [w, n] of counts) {
    if (best === undefined || n > (counts.get(best) ?? 0) || (n === counts.get(best) && w > best))
      best = w;
  }
  return best;
}

// ── nn.Module subclasses: follow forward() ──────────────────────────────────────────────────────

function attributeOf(cls: ClassFacts, name: string): Value | undefined {
  return cls.attributes.get(name) ?? (cls.base ? attributeOf(cls.base, name) : undefined);
}

function classLayers(cls: ClassFacts): Layer[] {
  const own = [...cls.attributes.values()].flatMap((v) => (v.kind === "layer" ? [v.layer] : []));
  const layers = own.flatMap((layer): Layer[] => {
    if (layer.type === "sequential") return flatten(layer.layers);
    if (layer.type === "list") return flatten(expandList(layer));
    return [layer];
  });
  return cls.base ? [...classLayers(cls.base), ...layers] : layers;
}

function findForward(cls: ClassFacts): SyntaxNode | undefined {
  return cls.methods.get("forward") ?? (cls.base ? findForward(cls.base) : undefined);
}

function summariseModule(cls: ClassFacts, facts: FlowFacts): NetworkSummary | undefined {
  const forward = findForward(cls);
  const body = forward?.childForFieldName("body");
  if (!body) return undefined;
  const walker = new ForwardWalker(cls, facts);
  walker.block(body);
  const chain = walker.result();
  // A class whose activations all live in one nn.Sequential already has that Sequential's lens.
  if (walker.directActivations === 0 || chain.sigmoid + chain.tanh === 0) return undefined;
  const name = cls.node.childForFieldName("name") ?? cls.node;
  const widths = classLayers(cls);
  return {
    kind: "module",
    anchor: rangeOf(name),
    sigmoid: chain.sigmoid,
    tanh: chain.tanh,
    longestRun: chain.longestRun,
    width: hiddenWidth(widths),
  };
}

class ForwardWalker {
  private readonly chains = new Map<string, Chain>();
  private readonly layerNames = new Map<string, Layer>();
  private returned: Chain = ZERO;
  directActivations = 0;

  constructor(
    private readonly cls: ClassFacts,
    private readonly facts: FlowFacts,
  ) {}

  result(): Chain {
    return [...this.chains.values()].reduce(deeper, this.returned);
  }

  block(block: SyntaxNode): void {
    for (const statement of block.namedChildren) if (statement) this.statement(statement);
  }

  private statement(statement: SyntaxNode): void {
    switch (statement.type) {
      case "expression_statement":
        for (const child of statement.namedChildren) if (child) this.expression(child);
        return;
      case "return_statement": {
        const value = statement.namedChildren[0];
        if (value) this.returned = deeper(this.returned, this.expression(value));
        return;
      }
      case "for_statement": {
        const target = statement.childForFieldName("left");
        const iterable = statement.childForFieldName("right");
        const body = statement.childForFieldName("body");
        const list = iterable ? this.layerAt(iterable) : undefined;
        if (target?.type === "identifier" && list?.type === "list" && body) {
          for (const entry of expandList(list)) {
            this.layerNames.set(target.text, entry.layer);
            this.block(body);
          }
          this.layerNames.delete(target.text);
          return;
        }
        if (body) this.block(body);
        return;
      }
      case "function_definition":
      case "class_definition":
        return;
      default:
        for (const child of statement.namedChildren) {
          if (!child) continue;
          if (child.type === "block") this.block(child);
          else if (child.type.endsWith("_clause")) this.statement(child);
          else this.expression(child);
        }
    }
  }

  /** The layer an expression names: `self.fc`, or the loop variable over a ModuleList. */
  private layerAt(node: SyntaxNode): Layer | undefined {
    if (node.type === "identifier") return this.layerNames.get(node.text);
    if (node.type !== "attribute") return undefined;
    const object = node.childForFieldName("object");
    const attribute = node.childForFieldName("attribute");
    if (object?.type !== "identifier" || object.text !== "self" || !attribute) return undefined;
    const value = attributeOf(this.cls, attribute.text);
    return value?.kind === "layer" ? value.layer : undefined;
  }

  private expression(node: SyntaxNode): Chain {
    switch (node.type) {
      case "identifier":
        return this.chains.get(node.text) ?? ZERO;
      case "assignment": {
        const right = node.childForFieldName("right");
        const chain = right ? this.expression(right) : ZERO;
        const left = node.childForFieldName("left");
        if (left?.type === "identifier") this.chains.set(left.text, chain);
        return chain;
      }
      case "augmented_assignment": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        const before = left ? this.expression(left) : ZERO;
        const added = right ? this.expression(right) : ZERO;
        const residual = node.childForFieldName("operator")?.text === "+=";
        const chain = residual ? reset(deeper(before, added)) : deeper(before, added);
        if (left?.type === "identifier") this.chains.set(left.text, chain);
        return chain;
      }
      case "binary_operator": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        const a = left ? this.expression(left) : ZERO;
        const b = right ? this.expression(right) : ZERO;
        const operator = node.childForFieldName("operator")?.text;
        // x + f(x): a residual connection carries the gradient around the stacked activations.
        const residual = operator === "+" && isTensorLike(left) && isTensorLike(right);
        return residual ? reset(deeper(a, b)) : deeper(a, b);
      }
      case "call":
        return this.call(node);
      default: {
        let chain = ZERO;
        for (const child of node.namedChildren) {
          if (child) chain = deeper(chain, this.expression(child));
        }
        return chain;
      }
    }
  }

  private call(call: SyntaxNode): Chain {
    const callee = call.childForFieldName("function");
    let input = ZERO;
    for (const argument of call.childForFieldName("arguments")?.namedChildren ?? []) {
      if (argument) input = deeper(input, this.expression(argument));
    }
    if (!callee) return input;
    const qualified = this.facts.qualify(callee);
    if (qualified) {
      const activation = ACTIVATION_FUNCTIONS.get(qualified);
      if (activation === "sigmoid" || activation === "tanh") {
        this.directActivations++;
        return activate(input, activation);
      }
      return NORM_FUNCTIONS.has(qualified) ? reset(input) : input;
    }
    const layer = this.layerAt(callee);
    if (layer) {
      if (layer.type === "activation") this.directActivations++;
      return applyLayer(input, layer);
    }
    if (callee.type === "attribute") {
      const object = callee.childForFieldName("object");
      const method = callee.childForFieldName("attribute")?.text;
      const receiver = object ? this.expression(object) : ZERO;
      const chain = deeper(receiver, input);
      if (method === "sigmoid" || method === "tanh") {
        this.directActivations++;
        return activate(chain, method);
      }
      return chain;
    }
    return input;
  }
}

function isTensorLike(node: SyntaxNode | null): boolean {
  return (
    node !== null && node.type !== "integer" && node.type !== "float" && node.type !== "string"
  );
}

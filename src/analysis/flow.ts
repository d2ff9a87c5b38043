// Data flow over one Python module: which values reach which loss. An abstract interpreter that
// walks statements in source order, within a function and through the `self.<layer>` attributes of
// nn.Module classes (so a model's forward return value reaches the loss call of the training loop),
// through calls of functions of the same file (arguments bound at each call site), and through
// nn.Sequential's last layer. Paths that disagree join to "unknown", so the rules stay quiet there.
import type { SyntaxNode } from "./parser";
import { callArguments, dottedName, firstArgument, integerLiteral, stringLiteral } from "./syntax";
import {
  ACTIVATION_FUNCTIONS,
  ACTIVATION_LAYERS,
  ACTIVATION_METHODS,
  AFFINE_LAYERS,
  CONVENTIONAL_ALIASES,
  LOSS_CLASSES,
  LOSS_FUNCTIONS,
  MODULE_SELF_METHODS,
  MODULE_WRAPPERS,
  NORM_LAYERS,
  SHAPE_FUNCTIONS,
  SHAPE_METHODS,
  TRANSPARENT_LAYERS,
  type LossKind,
} from "./torchNames";
import {
  Scope,
  UNKNOWN,
  join,
  type ClassFacts,
  type Layer,
  type LayerEntry,
  type Value,
} from "./values";

/** A loss call and what its prediction argument holds. */
export interface LossInput {
  loss: LossKind;
  /** The loss call, e.g. `criterion(outputs, targets)`. */
  call: SyntaxNode;
  /** Its first argument. */
  prediction: SyntaxNode;
  value: Value;
  /** The identifier naming the loss where it was built (`BCELoss`, `binary_cross_entropy`). */
  lossName?: SyntaxNode;
}

export interface SequentialFact {
  node: SyntaxNode;
  layers: LayerEntry[];
}

export interface FlowFacts {
  lossInputs: LossInput[];
  /** Every nn.Sequential(...) built, outermost ones only. */
  sequentials: SequentialFact[];
  classes: ClassFacts[];
  /** Resolves a callee to its qualified name (`F.softmax` → `torch.nn.functional.softmax`). */
  qualify: (node: SyntaxNode, scope?: Scope) => string | undefined;
}

const MAX_CALL_DEPTH = 4;

/**
 * Words that make a statement or expression worth evaluating (see FlowAnalysis.mayMatter). `self`
 * is not one: inside a method it is a name that holds something known, which mayMatter sees.
 */
const RELEVANT_TERMS =
  /softmax|sigmoid|expit|tanh|Loss|cross_entropy|nll_loss|Sequential|ModuleList|Linear|Conv|Norm|Dropout|Identity|Flatten|Softmax|Sigmoid|Tanh/;
const IDENTIFIERS = /[A-Za-z_][A-Za-z0-9_]*/g;
const DEFINITIONS = new Set(["function_definition", "class_definition", "decorated_definition"]);
/** Expressions whose subtree is skipped when its text names nothing relevant. */
const PRUNABLE = new Set([
  "call",
  "argument_list",
  "keyword_argument",
  "binary_operator",
  "boolean_operator",
  "comparison_operator",
  "unary_operator",
  "subscript",
  "tuple",
  "list",
  "dictionary",
  "parenthesized_expression",
  "list_comprehension",
  "generator_expression",
  "conditional_expression",
  "attribute",
  "string",
]);

/** The keyword arguments of the calls that have none (most): one Map less to collect per call. */
const NO_VALUES: ReadonlyMap<string, Value> = new Map();

interface Arguments {
  positional: Value[];
  keywords: ReadonlyMap<string, Value>;
  /** The first positional argument, or `input=`. */
  first: Value;
}

/**
 * What mayMatter reads in a node's text, worked out once per node: a function's body is evaluated
 * once per call site, and the nodes of an unchanged statement serve the next analysis too.
 */
export class Words {
  readonly relevantTerm: boolean;
  private distinct?: ReadonlySet<string>;
  constructor(private readonly node: SyntaxNode) {
    this.relevantTerm = RELEVANT_TERMS.test(node.text);
  }
  /** The distinct identifiers (and keywords) in the text. */
  get identifiers(): ReadonlySet<string> {
    return (this.distinct ??= new Set(this.node.text.match(IDENTIFIERS)));
  }
}

function wordsOf(node: SyntaxNode): Words {
  return (node.words ??= new Words(node));
}

export function analyseFlow(root: SyntaxNode): FlowFacts {
  return new FlowAnalysis(root).run();
}

class FlowAnalysis {
  private readonly imports = new Map<string, string>();
  /** Imported names whose qualified name is a term the rules know (`ce` for cross_entropy). */
  private readonly relevantImports = new Set<string>();
  private readonly moduleScope = new Scope();
  private readonly lossInputs: LossInput[] = [];
  private readonly sequentials = new Map<number, SequentialFact>();
  private readonly nestedSequentials = new Set<number>();
  private readonly classes: ClassFacts[] = [];
  private readonly functions: Value[] = [];
  private readonly activeCalls = new Set<number>();
  private readonly memo = new Map<number, Value>();

  constructor(private readonly root: SyntaxNode) {}

  run(): FlowFacts {
    this.collectImports(this.root);
    for (const [name, qualified] of this.imports) {
      if (RELEVANT_TERMS.test(qualified)) this.relevantImports.add(name);
    }
    this.declare(this.root, this.moduleScope, true);
    this.executeBlock(this.root, this.moduleScope, []);
    for (const cls of this.classes) this.analyseClass(cls);
    for (const fn of this.functions) {
      if (fn.kind === "function") this.callFunction(fn, undefined, undefined, undefined);
    }
    return {
      lossInputs: this.lossInputs,
      sequentials: [...this.sequentials.values()].filter(
        (s) => !this.nestedSequentials.has(s.node.id),
      ),
      classes: this.classes,
      qualify: (node, scope) => this.qualify(node, scope ?? this.moduleScope),
    };
  }

  // ── imports and names ─────────────────────────────────────────────────────────────────────────

  private collectImports(node: SyntaxNode): void {
    for (const statement of node.namedChildren) {
      if (!statement) continue;
      switch (statement.type) {
        case "import_statement":
          for (const name of statement.namedChildren) {
            if (!name) continue;
            if (name.type === "dotted_name") {
              const head = name.text.split(".")[0];
              this.imports.set(head, head);
            } else if (name.type === "aliased_import") {
              const target = name.childForFieldName("name");
              const alias = name.childForFieldName("alias");
              if (target && alias) this.imports.set(alias.text, target.text);
            }
          }
          break;
        case "import_from_statement": {
          const moduleName = statement.childForFieldName("module_name");
          if (!moduleName || moduleName.type !== "dotted_name") break;
          for (const name of statement.childrenForFieldName("name")) {
            if (!name) continue;
            if (name.type === "dotted_name") {
              this.imports.set(name.text, `${moduleName.text}.${name.text}`);
            } else if (name.type === "aliased_import") {
              const target = name.childForFieldName("name");
              const alias = name.childForFieldName("alias");
              if (target && alias)
                this.imports.set(alias.text, `${moduleName.text}.${target.text}`);
            }
          }
          break;
        }
        case "block":
        case "if_statement":
        case "try_statement":
        case "else_clause":
        case "except_clause":
        case "finally_clause":
        case "function_definition":
        case "decorated_definition":
          // Only blocks that import something are read (most function bodies do not).
          if (statement.text.includes("import")) this.collectImports(statement);
          break;
      }
    }
  }

  /** The qualified name of a dotted callee whose head is an import, not a local variable. */
  private qualify(node: SyntaxNode, scope: Scope): string | undefined {
    const parts = dottedName(node);
    if (!parts) return undefined;
    const head = parts[0];
    if (scope.get(head) !== undefined) return undefined;
    const resolved = this.imports.get(head) ?? CONVENTIONAL_ALIASES.get(head);
    if (!resolved) return undefined;
    return [resolved, ...parts.slice(1)].join(".");
  }

  // ── declarations and statements ───────────────────────────────────────────────────────────────

  /** Binds the functions and classes of a block before its statements run (forward references). */
  private declare(block: SyntaxNode, scope: Scope, moduleLevel: boolean): void {
    for (const statement of block.namedChildren) {
      if (!DEFINITIONS.has(statement.type)) continue;
      const definition =
        statement?.type === "decorated_definition"
          ? statement.childForFieldName("definition")
          : statement;
      if (!definition) continue;
      const name = definition.childForFieldName("name")?.text;
      if (!name) continue;
      if (definition.type === "function_definition") {
        const fn: Value = { kind: "function", definition, scope };
        scope.set(name, fn);
        if (moduleLevel) this.functions.push(fn);
      } else if (definition.type === "class_definition" && moduleLevel) {
        const cls = this.declareClass(definition, name, scope);
        scope.set(name, { kind: "class", cls });
      }
    }
  }

  private declareClass(node: SyntaxNode, name: string, scope: Scope): ClassFacts {
    const methods = new Map<string, SyntaxNode>();
    const body = node.childForFieldName("body");
    for (const statement of body?.namedChildren ?? []) {
      const definition =
        statement?.type === "decorated_definition"
          ? statement.childForFieldName("definition")
          : statement;
      if (definition?.type !== "function_definition") continue;
      const methodName = definition.childForFieldName("name")?.text;
      if (methodName) methods.set(methodName, definition);
    }
    let isModule = false;
    let base: ClassFacts | undefined;
    for (const superclass of node.childForFieldName("superclasses")?.namedChildren ?? []) {
      if (!superclass) continue;
      const local = superclass.type === "identifier" ? scope.get(superclass.text) : undefined;
      if (local?.kind === "class") {
        base = local.cls;
        isModule ||= local.cls.isModule;
      } else if (/Module$/.test(superclass.text)) {
        isModule = true;
      }
    }
    const cls: ClassFacts = {
      name,
      node,
      isModule,
      base,
      methods,
      attributes: new Map(),
      state: "new",
      forwardOutput: UNKNOWN,
    };
    this.classes.push(cls);
    return cls;
  }

  private executeBlock(block: SyntaxNode, scope: Scope, returns: Value[]): void {
    for (const statement of block.namedChildren) {
      if (statement) this.execute(statement, scope, returns);
    }
  }

  private execute(statement: SyntaxNode, scope: Scope, returns: Value[]): void {
    switch (statement.type) {
      case "expression_statement":
        if (!this.mayMatter(statement, scope)) {
          if (this.mayShadowImport(statement)) this.forgetTargets(statement, scope);
          return;
        }
        for (const expression of statement.namedChildren) {
          if (expression) this.evaluate(expression, scope);
        }
        return;
      case "return_statement": {
        const expression = statement.namedChildren[0];
        returns.push(expression ? this.evaluate(expression, scope) : UNKNOWN);
        return;
      }
      case "function_definition":
      case "class_definition":
      case "decorated_definition":
      case "import_statement":
      case "import_from_statement":
      case "comment":
      case "pass_statement":
        return;
      case "for_statement": {
        const iterable = statement.childForFieldName("right");
        if (iterable) this.evaluate(iterable, scope);
        const target = statement.childForFieldName("left");
        if (target) this.assign(target, UNKNOWN, scope);
        this.executeChildren(statement, scope, returns, ["left", "right"]);
        return;
      }
      case "with_statement":
        for (const item of statement.namedChildren
          .filter((c) => c.type === "with_clause")
          .flatMap((c) => c.namedChildren)) {
          if (item.type !== "with_item") continue;
          const value = item?.childForFieldName("value");
          if (value?.type === "as_pattern") {
            const expression = value.namedChildren[0];
            if (expression) this.evaluate(expression, scope);
            const target = value.childForFieldName("alias");
            if (target) this.assign(target, UNKNOWN, scope);
          } else if (value) this.evaluate(value, scope);
        }
        this.executeChildren(statement, scope, returns, []);
        return;
      default:
        this.executeChildren(statement, scope, returns, []);
    }
  }

  /**
   * Whether a simple statement can matter to any rule: it names a PyTorch term the rules know, an
   * import, or a name that holds something known. Most lines of a training script (data loading,
   * logging, arithmetic) do not, and reading their syntax from WASM is the analysis' main cost.
   */
  private mayMatter(node: SyntaxNode, scope: Scope): boolean {
    const words = wordsOf(node);
    if (words.relevantTerm) return true;
    for (const name of words.identifiers) {
      if (this.relevantImports.has(name)) return true;
      const value = scope.get(name);
      if (value !== undefined && value.kind !== "unknown") return true;
    }
    return false;
  }

  /**
   * Whether a skipped statement names an import or a conventional alias (`torch`, `nn`, `F`). The
   * statement names nothing that holds a known value (mayMatter said so), so overwriting its targets
   * with "unknown" changes only one thing: a local `nn = …` hides the import from qualify().
   */
  private mayShadowImport(statement: SyntaxNode): boolean {
    for (const name of wordsOf(statement).identifiers) {
      if (this.imports.has(name) || CONVENTIONAL_ALIASES.has(name)) return true;
    }
    return false;
  }

  /** A skipped assignment still overwrites its targets: they no longer hold what they held. */
  private forgetTargets(statement: SyntaxNode, scope: Scope): void {
    for (const expression of statement.namedChildren) {
      let node: SyntaxNode | null = expression;
      while (node && (node.type === "assignment" || node.type === "augmented_assignment")) {
        const left = node.childForFieldName("left");
        if (left) this.assign(left, UNKNOWN, scope);
        node = node.childForFieldName("right");
      }
    }
  }

  /** if/while/try/match and their clauses: conditions are evaluated, blocks executed in order. */
  private executeChildren(
    statement: SyntaxNode,
    scope: Scope,
    returns: Value[],
    skipFields: string[],
  ): void {
    const skip = new Set(
      skipFields
        .map((field) => statement.childForFieldName(field)?.id)
        .filter((id) => id !== undefined),
    );
    for (const child of statement.namedChildren) {
      if (!child || skip.has(child.id)) continue;
      if (child.type === "block") {
        this.declare(child, scope, false);
        this.executeBlock(child, scope, returns);
      } else if (
        child.type.endsWith("_clause") ||
        child.type === "case_clause" ||
        child.type === "block"
      ) {
        this.executeChildren(child, scope, returns, []);
      } else if (child.type !== "with_clause" && child.type !== "comment") {
        this.evaluate(child, scope);
      }
    }
  }

  private assign(target: SyntaxNode, value: Value, scope: Scope): void {
    switch (target.type) {
      case "identifier":
        scope.set(target.text, value);
        return;
      case "attribute": {
        const object = target.childForFieldName("object");
        const attribute = target.childForFieldName("attribute");
        const owner = object ? this.evaluate(object, scope) : UNKNOWN;
        if (owner.kind === "self" && attribute) {
          const known = owner.cls.attributes.get(attribute.text);
          if (value.kind !== "unknown" || !known) owner.cls.attributes.set(attribute.text, value);
        }
        return;
      }
      case "pattern_list":
      case "tuple_pattern":
      case "list_pattern":
      case "tuple":
      case "list": {
        const targets = target.namedChildren.filter((t): t is SyntaxNode => t !== null);
        const items =
          value.kind === "tuple" && value.items.length === targets.length ? value.items : undefined;
        targets.forEach((t, i) => this.assign(t, items ? items[i] : UNKNOWN, scope));
        return;
      }
      case "parenthesized_expression": {
        const inner = target.namedChildren[0];
        if (inner) this.assign(inner, value, scope);
        return;
      }
    }
  }

  // ── expressions ───────────────────────────────────────────────────────────────────────────────

  private evaluate(node: SyntaxNode, scope: Scope): Value {
    const type = node.type;
    if (PRUNABLE.has(type) && !this.mayMatter(node, scope)) return UNKNOWN;
    switch (type) {
      case "identifier":
        return scope.get(node.text) ?? UNKNOWN;
      case "call":
        return this.evaluateCall(node, scope);
      case "assignment": {
        const right = node.childForFieldName("right");
        const value = right ? this.evaluate(right, scope) : UNKNOWN;
        const left = node.childForFieldName("left");
        if (left && right) this.assign(left, value, scope);
        return value;
      }
      case "augmented_assignment": {
        const right = node.childForFieldName("right");
        if (right) this.evaluate(right, scope);
        const left = node.childForFieldName("left");
        if (left?.type === "identifier") scope.set(left.text, UNKNOWN);
        return UNKNOWN;
      }
      case "attribute": {
        const object = node.childForFieldName("object");
        const attribute = node.childForFieldName("attribute");
        const owner = object ? this.evaluate(object, scope) : UNKNOWN;
        if (owner.kind === "self" && attribute) {
          return this.attributeOf(owner.cls, attribute.text) ?? UNKNOWN;
        }
        return UNKNOWN;
      }
      case "subscript": {
        const object = node.childForFieldName("value");
        const value = object ? this.evaluate(object, scope) : UNKNOWN;
        const key = node.childForFieldName("subscript");
        if (value.kind === "dict") {
          const name = key ? stringLiteral(key) : undefined;
          return name !== undefined ? (value.entries.get(name) ?? UNKNOWN) : UNKNOWN;
        }
        const index = integerLiteral(key ?? undefined);
        if (value.kind === "tuple")
          return index !== undefined ? (value.items[index] ?? UNKNOWN) : UNKNOWN;
        if (value.kind === "tensor")
          return { kind: "tensor", meaning: value.meaning, site: value.site };
        return UNKNOWN;
      }
      case "parenthesized_expression": {
        const inner = node.namedChildren[0];
        return inner ? this.evaluate(inner, scope) : UNKNOWN;
      }
      case "conditional_expression": {
        const [whenTrue, condition, whenFalse] = node.namedChildren;
        if (condition) this.evaluate(condition, scope);
        const a = whenTrue ? this.evaluate(whenTrue, scope) : UNKNOWN;
        const b = whenFalse ? this.evaluate(whenFalse, scope) : UNKNOWN;
        return join(a, b);
      }
      case "tuple":
      case "expression_list":
        return {
          kind: "tuple",
          items: node.namedChildren
            .filter((n): n is SyntaxNode => n !== null && n.type !== "comment")
            .map((n) => this.evaluate(n, scope)),
        };
      case "dictionary": {
        const entries = new Map<string, Value>();
        for (const pair of node.namedChildren) {
          if (pair.type !== "pair") {
            this.evaluate(pair, scope);
            continue;
          }
          const key = pair.childForFieldName("key");
          const item = pair.childForFieldName("value");
          const value = item ? this.evaluate(item, scope) : UNKNOWN;
          const name = key ? stringLiteral(key) : undefined;
          if (name !== undefined) entries.set(name, value);
        }
        return { kind: "dict", entries };
      }
      case "string":
      case "integer":
      case "float":
      case "true":
      case "false":
      case "none":
      case "comment":
      case "lambda":
        return UNKNOWN;
      default:
        for (const child of node.namedChildren) {
          if (child) this.evaluate(child, scope);
        }
        return UNKNOWN;
    }
  }

  private attributeOf(cls: ClassFacts, name: string): Value | undefined {
    this.analyseClass(cls);
    const own = cls.attributes.get(name);
    if (own) return own;
    const method = cls.methods.get(name);
    if (method) return { kind: "function", definition: method, scope: this.moduleScope };
    return cls.base ? this.attributeOf(cls.base, name) : undefined;
  }

  private evaluateArguments(call: SyntaxNode, scope: Scope): Arguments {
    return this.argumentValues(call, scope);
  }

  private evaluateCall(call: SyntaxNode, scope: Scope): Value {
    const callee = call.childForFieldName("function");
    if (!callee) return UNKNOWN;

    const qualified = this.qualify(callee, scope);
    if (qualified) return this.callLibrary(qualified, callee, call, scope);

    if (callee.type === "attribute") {
      const object = callee.childForFieldName("object");
      const method = callee.childForFieldName("attribute");
      if (!object || !method) return UNKNOWN;
      const owner = this.evaluate(object, scope);
      const name = method.text;
      if (owner.kind === "self") {
        const member = this.attributeOf(owner.cls, name);
        if (name === "forward") return this.callValue(owner, call, scope);
        if (member?.kind === "function") {
          return this.callFunction(member, call, scope, owner);
        }
        return member ? this.callValue(member, call, scope) : this.skip(call, scope);
      }
      if (owner.kind === "layer" || owner.kind === "loss" || owner.kind === "class") {
        if (name === "forward") return this.callValue(owner, call, scope);
        if (owner.kind !== "class" && MODULE_SELF_METHODS.has(name)) {
          this.evaluateArguments(call, scope);
          return owner;
        }
        return this.skip(call, scope);
      }
      const activation = ACTIVATION_METHODS.get(name);
      if (activation) {
        this.evaluateArguments(call, scope);
        return {
          kind: "tensor",
          meaning: activation,
          site: { node: call, drop: { kind: "unwrap", input: object }, name: method },
        };
      }
      if (owner.kind === "tensor") {
        this.evaluateArguments(call, scope);
        if (SHAPE_METHODS.has(name)) return owner;
        if (name === "log" && owner.meaning === "softmax")
          return { kind: "tensor", meaning: "log_probs" };
        return UNKNOWN;
      }
      return this.skip(call, scope);
    }

    const target = this.evaluate(callee, scope);
    return this.callValue(target, call, scope);
  }

  /** Evaluates the arguments (a loss call may hide in them) and gives up on the result. */
  private skip(call: SyntaxNode, scope: Scope): Value {
    this.evaluateArguments(call, scope);
    return UNKNOWN;
  }

  private callValue(target: Value, call: SyntaxNode, scope: Scope): Value {
    switch (target.kind) {
      case "layer":
        return this.callLayer(target.layer, call, scope);
      case "loss":
        this.checkLoss(target.loss, call, scope, target.name);
        return UNKNOWN;
      case "class":
        this.evaluateArguments(call, scope);
        this.analyseClass(target.cls);
        return { kind: "layer", layer: { type: "model", cls: target.cls } };
      case "function":
        return this.callFunction(target, call, scope, undefined);
      case "self":
        this.evaluateArguments(call, scope);
        return target.cls.state === "done" ? target.cls.forwardOutput : UNKNOWN;
      default:
        return this.skip(call, scope);
    }
  }

  /** A call of something imported from torch (or another library). */
  private callLibrary(
    qualified: string,
    callee: SyntaxNode,
    call: SyntaxNode,
    scope: Scope,
  ): Value {
    // The identifier that names the function or class; read only where a finding may point at it.
    const nameNode = () =>
      callee.type === "attribute" ? (callee.childForFieldName("attribute") ?? callee) : callee;
    const activation = ACTIVATION_FUNCTIONS.get(qualified);
    if (activation) {
      this.evaluateArguments(call, scope);
      const input = firstArgument(call);
      return {
        kind: "tensor",
        meaning: activation,
        site: { node: call, drop: input ? { kind: "unwrap", input } : undefined, name: nameNode() },
      };
    }
    const loss = LOSS_FUNCTIONS.get(qualified);
    if (loss) {
      this.checkLoss(loss, call, scope, nameNode());
      return UNKNOWN;
    }
    const lossClass = LOSS_CLASSES.get(qualified);
    if (lossClass) {
      this.evaluateArguments(call, scope);
      return { kind: "loss", loss: lossClass, name: nameNode() };
    }
    if (qualified === "torch.log") {
      const value = this.evaluateArguments(call, scope).first;
      return value.kind === "tensor" && value.meaning === "softmax"
        ? { kind: "tensor", meaning: "log_probs" }
        : UNKNOWN;
    }
    if (SHAPE_FUNCTIONS.has(qualified)) {
      const value = this.evaluateArguments(call, scope).first;
      return value.kind === "tensor" ? value : UNKNOWN;
    }
    if (MODULE_WRAPPERS.has(qualified)) {
      const wrapped = this.evaluateArguments(call, scope).first;
      return wrapped.kind === "layer" ? wrapped : UNKNOWN;
    }
    const layer = this.layerOf(qualified, nameNode, call, scope);
    if (layer) return { kind: "layer", layer };
    return this.skip(call, scope);
  }

  /** The layer an `nn.X(...)` constructor builds, or undefined if it is not a torch.nn name. */
  private layerOf(
    qualified: string,
    nameNode: () => SyntaxNode,
    call: SyntaxNode,
    scope: Scope,
  ): Layer | undefined {
    const activation = ACTIVATION_LAYERS.get(qualified);
    if (activation) return { type: "activation", activation, name: nameNode() };
    if (AFFINE_LAYERS.has(qualified)) {
      const { positional, keywords } = callArguments(call);
      const outFeatures = integerLiteral(
        positional[1] ?? keywords.get("out_features") ?? keywords.get("out_channels"),
      );
      return { type: "affine", outFeatures };
    }
    if (NORM_LAYERS.has(qualified)) return { type: "norm" };
    if (TRANSPARENT_LAYERS.has(qualified)) return { type: "transparent" };
    if (qualified === "torch.nn.Sequential") return this.sequential(call, scope);
    if (qualified === "torch.nn.ModuleList") return this.moduleList(call, scope);
    if (qualified.startsWith("torch.nn.") && /^[A-Z]/.test(qualified.slice(9))) {
      this.evaluateArguments(call, scope);
      return { type: "other" };
    }
    return undefined;
  }

  private sequential(call: SyntaxNode, scope: Scope): Layer {
    const layers: LayerEntry[] = [];
    const { positional, splat } = callArguments(call);
    let entries = positional;
    // nn.Sequential(OrderedDict([("fc", nn.Linear(…)), …])): the layers are the pairs' second items.
    const only = positional[0];
    if (
      positional.length === 1 &&
      only?.type === "call" &&
      /OrderedDict$/.test(only.childForFieldName("function")?.text ?? "")
    ) {
      const list = firstArgument(only);
      entries = (list?.namedChildren ?? [])
        .map((pair) => (pair?.type === "tuple" ? pair.namedChildren[1] : null))
        .filter((n): n is SyntaxNode => n !== null && n !== undefined);
    }
    for (const node of splat) {
      const inner = node.namedChildren[0];
      if (inner?.type === "list")
        entries = [...entries, ...inner.namedChildren.filter((n): n is SyntaxNode => n !== null)];
      else if (inner) this.evaluate(inner, scope);
    }
    for (const node of entries) {
      const value = this.evaluate(node, scope);
      const layer: Layer = value.kind === "layer" ? value.layer : { type: "other" };
      if (layer.type === "sequential") this.nestedSequentials.add(layer.node.id);
      layers.push({ layer, node });
    }
    const fact = { node: call, layers };
    this.sequentials.set(call.id, fact);
    return { type: "sequential", layers, node: call };
  }

  /** nn.ModuleList([...]) written out, or built as `[nn.Linear(w, w) for _ in range(n)]`. */
  private moduleList(call: SyntaxNode, scope: Scope): Layer {
    const argument = firstArgument(call, "modules");
    if (argument?.type === "list") {
      const layers = argument.namedChildren
        .filter((n): n is SyntaxNode => n !== null)
        .map((node) => {
          const value = this.evaluate(node, scope);
          return {
            layer: value.kind === "layer" ? value.layer : ({ type: "other" } as Layer),
            node,
          };
        });
      return { type: "list", layers, repeat: 1 };
    }
    if (argument?.type === "list_comprehension") {
      const body = argument.childForFieldName("body");
      const loop = argument.namedChildren.find((n) => n?.type === "for_in_clause");
      const iterable = loop?.childForFieldName("right");
      const count =
        iterable?.type === "call" && iterable.childForFieldName("function")?.text === "range"
          ? integerLiteral(firstArgument(iterable))
          : undefined;
      if (body && count !== undefined) {
        const value = this.evaluate(body, new Scope(scope));
        const layer: Layer = value.kind === "layer" ? value.layer : { type: "other" };
        return { type: "list", layers: [{ layer, node: body }], repeat: Math.min(count, 64) };
      }
    }
    this.evaluateArguments(call, scope);
    return { type: "other" };
  }

  private callLayer(layer: Layer, call: SyntaxNode, scope: Scope): Value {
    const input = firstArgument(call);
    const inputValue = this.evaluateArguments(call, scope).first;
    switch (layer.type) {
      case "activation":
        return {
          kind: "tensor",
          meaning: layer.activation,
          site: {
            node: call,
            drop: input ? { kind: "unwrap", input } : undefined,
            name: layer.name,
          },
        };
      case "affine":
        return { kind: "tensor", meaning: "logits" };
      case "transparent":
        return inputValue;
      case "sequential":
        return this.sequentialOutput(layer.layers);
      case "model":
        this.analyseClass(layer.cls);
        return layer.cls.forwardOutput;
      default:
        return UNKNOWN;
    }
  }

  /** What nn.Sequential returns: its last layer that changes the meaning of the numbers. */
  private sequentialOutput(layers: LayerEntry[]): Value {
    for (let i = layers.length - 1; i >= 0; i--) {
      const { layer, node } = layers[i];
      switch (layer.type) {
        case "transparent":
          continue;
        case "activation":
          return {
            kind: "tensor",
            meaning: layer.activation,
            site: {
              node,
              drop: { kind: "removeLayer", neighbour: layers[i - 1]?.node },
              name: layer.name,
            },
          };
        case "affine":
          return { kind: "tensor", meaning: "logits" };
        case "sequential":
          return this.sequentialOutput(layer.layers);
        case "model":
          this.analyseClass(layer.cls);
          return layer.cls.forwardOutput;
        default:
          return UNKNOWN;
      }
    }
    return UNKNOWN;
  }

  private checkLoss(
    loss: LossKind,
    call: SyntaxNode,
    scope: Scope,
    lossName: SyntaxNode | undefined,
  ): void {
    const prediction = firstArgument(call);
    const value = this.evaluateArguments(call, scope).first;
    if (prediction) this.lossInputs.push({ loss, call, prediction, value, lossName });
  }

  // ── classes and functions ─────────────────────────────────────────────────────────────────────

  /** Runs __init__ (to learn the layers), then forward (to learn the output), then the rest. */
  private analyseClass(cls: ClassFacts): void {
    if (cls.state !== "new") return;
    cls.state = "analysing";
    if (cls.base) this.analyseClass(cls.base);
    const self: Value = { kind: "self", cls };
    const order = [
      "__init__",
      "forward",
      ...[...cls.methods.keys()].filter((m) => m !== "__init__" && m !== "forward"),
    ];
    for (const name of order) {
      const method = cls.methods.get(name);
      if (!method) continue;
      if (!cls.base && !this.mayMatterToClass(method, cls)) {
        // It can only overwrite attributes with "unknown", which without a base class to hide
        // is what an attribute never set reads as; and forward would return "unknown".
        if (name === "forward") cls.state = "done";
        continue;
      }
      const output = this.callFunction(
        { kind: "function", definition: method, scope: this.moduleScope },
        undefined,
        undefined,
        self,
      );
      if (name === "forward") {
        cls.forwardOutput = output;
        cls.state = "done";
      }
    }
    if (!cls.methods.has("forward")) cls.forwardOutput = cls.base?.forwardOutput ?? UNKNOWN;
    cls.state = "done";
  }

  /**
   * Whether running a method (its `self` bound) can matter: it names a relevant term, an import
   * or a known name of the module, or an attribute of the class that holds something known, or
   * one of its methods. Utility classes (meters, data sets, trainers that only log) do not.
   */
  private mayMatterToClass(method: SyntaxNode, cls: ClassFacts): boolean {
    if (this.mayMatter(method, this.moduleScope)) return true;
    const own = method.childForFieldName("name")?.text;
    for (const name of wordsOf(method).identifiers) {
      if (name !== own && cls.methods.has(name)) return true;
      const value = cls.attributes.get(name);
      if (value !== undefined && value.kind !== "unknown") return true;
    }
    return false;
  }

  /**
   * Runs a function's body with its parameters bound to the call's arguments (unknown when there is
   * no call site), and returns the join of its return values.
   */
  private callFunction(
    fn: Value & { kind: "function" },
    call: SyntaxNode | undefined,
    callerScope: Scope | undefined,
    self: Value | undefined,
  ): Value {
    const definition = fn.definition;
    const args = call && callerScope ? this.argumentValues(call, callerScope) : undefined;
    const bound =
      args &&
      (args.positional.some((v) => v.kind !== "unknown") ||
        [...args.keywords.values()].some((v) => v.kind !== "unknown"));
    const memoKey = definition.id;
    if (!bound && !self && this.memo.has(memoKey)) return this.memo.get(memoKey) ?? UNKNOWN;
    // With no argument known and no `self`, a body that names nothing relevant (a data loader, an
    // argument parser) can only return "unknown": its statements would all be skipped one by one.
    if (!bound && !self && !this.mayMatter(definition, fn.scope)) {
      this.memo.set(memoKey, UNKNOWN);
      return UNKNOWN;
    }
    if (this.activeCalls.has(definition.id) || this.activeCalls.size >= MAX_CALL_DEPTH)
      return UNKNOWN;
    this.activeCalls.add(definition.id);
    const scope = new Scope(fn.scope);
    const parameters = definition.childForFieldName("parameters")?.namedChildren ?? [];
    let position = 0;
    parameters.forEach((parameter, index) => {
      if (!parameter) return;
      const nameNode =
        parameter.type === "identifier"
          ? parameter
          : (parameter.childForFieldName("name") ?? parameter.namedChildren[0]);
      if (!nameNode || nameNode.type !== "identifier") return;
      const name = nameNode.text;
      if (index === 0 && self) {
        scope.set(name, self);
        return;
      }
      let value = args?.keywords.get(name) ?? args?.positional[position] ?? undefined;
      position++;
      if (!value) {
        const fallback = parameter.childForFieldName("value");
        value = fallback ? this.evaluate(fallback, fn.scope) : UNKNOWN;
      }
      scope.set(name, value);
    });
    const body = definition.childForFieldName("body");
    const returns: Value[] = [];
    if (body) {
      this.declare(body, scope, false);
      this.executeBlock(body, scope, returns);
    }
    this.activeCalls.delete(definition.id);
    const output = returns.length === 0 ? UNKNOWN : returns.reduce(join);
    if (!bound && !self) this.memo.set(memoKey, output);
    return output;
  }

  /** Evaluates every argument of a call exactly once (nested calls would otherwise multiply). */
  private argumentValues(call: SyntaxNode, scope: Scope): Arguments {
    const { positional, keywords, splat } = callArguments(call);
    for (const node of splat) this.evaluate(node, scope);
    const values = positional.map((node) => this.evaluate(node, scope));
    let named: ReadonlyMap<string, Value> = NO_VALUES;
    if (keywords.size > 0) {
      const byName = new Map<string, Value>();
      for (const [name, node] of keywords) byName.set(name, this.evaluate(node, scope));
      named = byName;
    }
    return {
      positional: values,
      keywords: named,
      first: values[0] ?? named.get("input") ?? UNKNOWN,
    };
  }
}

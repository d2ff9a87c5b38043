// A view of tree-sitter's syntax tree read through one TreeCursor, one level at a time. Every property
// of a web-tree-sitter Node is a call into WASM and every navigation allocates a Node (the garbage
// collector then took a quarter of the analysis); a cursor moves without allocating. A node's
// children are read once, when first asked for, with their types, field names and extents; lines
// and columns come from the source text, so positions cost no WASM call at all.
import type * as TreeSitter from "web-tree-sitter";
import { RawCursor, type ChildCursor } from "./cursorExports";
import type { Words } from "./flow";
import { rawCursorExports } from "./parser";
import type { CallArguments } from "./syntax";

export type RawTree = TreeSitter.Tree;

export interface Point {
  row: number;
  column: number;
}

/** Node types that never have children: their descendant index is not worth a WASM call. */
const LEAVES = new Set(["identifier", "integer", "float", "comment", "true", "false", "none"]);

/**
 * Node types whose children fill no field (tree-sitter-python's grammar.js): reading a child's
 * field id there is a WASM call that can only answer "none".
 */
const FIELDLESS = new Set(
  ["module", "block", "expression_statement", "return_statement", "argument_list", "parameters"]
    .concat(["lambda_parameters", "list", "tuple", "set", "dictionary", "expression_list"])
    .concat(["pattern_list", "tuple_pattern", "list_pattern", "parenthesized_expression"])
    .concat(["dotted_name", "with_clause", "string", "concatenated_string", "decorator"])
    .concat(["list_splat", "dictionary_splat", "conditional_expression"]),
);

/** What the cursor needs to know of the grammar, by type id and field id. */
interface GrammarTables {
  types: string[];
  named: boolean[];
  leaf: boolean[];
  fields: (string | null)[];
}

const tablesByLanguage = new WeakMap<TreeSitter.Language, GrammarTables>();

function tablesOf(language: TreeSitter.Language): GrammarTables {
  let tables = tablesByLanguage.get(language);
  if (!tables) {
    const types: string[] = [];
    const named: boolean[] = [];
    const leaf: boolean[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) {
      const type = language.nodeTypeForId(id) ?? "ERROR";
      types.push(type);
      named.push(language.nodeTypeIsNamed(id));
      leaf.push(LEAVES.has(type));
    }
    tables = { types, named, leaf, fields: language.fields };
    tablesByLanguage.set(language, tables);
  }
  return tables;
}

/**
 * The top-level statements of the previous analysis of a document, by type and text: a statement
 * whose text did not change (and that parsed without error) has the same syntax, so its nodes, with
 * the children already read, serve again and cost no WASM call. Each analysis keeps only the
 * statements it met.
 */
export class StatementCache {
  private previous = new Map<string, SyntaxNode[]>();
  private current = new Map<string, SyntaxNode[]>();

  /** Starts an analysis: what the last one met becomes what this one may reuse. */
  begin(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  take(key: string): SyntaxNode | undefined {
    return this.previous.get(key)?.shift();
  }

  keep(key: string, node: SyntaxNode): void {
    const list = this.current.get(key);
    if (list) list.push(node);
    else this.current.set(key, [node]);
  }
}

/** Unique over every analysis of the session, since a cached node keeps its id. */
let nextId = 0;

export class SyntaxTree {
  readonly root: SyntaxNode;
  private readonly cursor: TreeSitter.TreeCursor;
  /** The same cursor moved through the runtime's raw functions, when they were found and checked. */
  private readonly rawCursor: RawCursor | undefined;
  private readonly tables: GrammarTables;
  /** The Node the cursor was last reset to. */
  private cursorAnchor: TreeSitter.Node;
  private lineStarts?: number[];
  private readonly treeHasError: boolean;

  constructor(
    tree: RawTree,
    readonly source: string,
    private readonly cache?: StatementCache,
  ) {
    this.tables = tablesOf(tree.language);
    this.cursor = tree.walk();
    const raw = rawCursorExports();
    this.rawCursor = raw && new RawCursor(raw, this.cursor, tree);
    const rootRaw = tree.rootNode;
    this.cursorAnchor = rootRaw;
    // One WASM call here spares one per top-level statement when the file parses cleanly.
    this.treeHasError = cache !== undefined && rootRaw.hasError;
    this.root = new SyntaxNode(null, null, nextId++, rootRaw.type, true, null);
    this.root.place(0, rootRaw.endIndex - rootRaw.startIndex, 0);
    this.root.anchorAt(this, rootRaw.startIndex, rootRaw);
    cache?.begin();
  }

  /** Frees the cursor's WASM memory; the nodes already read stay usable. */
  dispose(): void {
    this.cursor.delete();
  }

  /** The children of `parent`: its named ones and the anonymous ones with a field (`operator`). */
  readChildren(parent: SyntaxNode): SyntaxNode[] {
    if (parent.descendantIndex < 0) return [];
    const statement = parent.statement ?? parent;
    const anchor = statement.anchor!.raw;
    if (anchor !== this.cursorAnchor) {
      this.cursor.reset(anchor);
      this.cursorAnchor = anchor;
    }
    // The module's children are read through the public cursor: each needs its Node (currentNode).
    const raw = parent === this.root ? undefined : this.rawCursor;
    if (!raw) return this.readChildrenWith(this.cursor, parent, statement);
    raw.load();
    try {
      return this.readChildrenWith(raw, parent, statement);
    } finally {
      raw.store();
    }
  }

  private readChildrenWith(
    cursor: ChildCursor,
    parent: SyntaxNode,
    statement: SyntaxNode,
  ): SyntaxNode[] {
    const children: SyntaxNode[] = [];
    const base = statement.anchor!.base;
    const { types, named, leaf, fields } = this.tables;
    cursor.gotoDescendant(parent.descendantIndex);
    if (!cursor.gotoFirstChild()) return children;
    const topLevel = parent === this.root;
    const readsFields = !FIELDLESS.has(parent.type);
    do {
      const typeId = cursor.nodeTypeId;
      const isNamed = typeId >= named.length || named[typeId];
      const fieldId = readsFields ? cursor.currentFieldId : 0;
      if (!isNamed && fieldId === 0) continue;
      const isLeaf = !isNamed || leaf[typeId];
      const type = types[typeId] ?? "ERROR";
      const field = fields[fieldId] ?? null;
      if (topLevel) {
        children.push(this.topLevelStatement(type, isLeaf));
        continue;
      }
      const child = new SyntaxNode(parent, statement, nextId++, type, isNamed, field);
      child.place(
        cursor.startIndex - base,
        cursor.endIndex - base,
        isLeaf ? -1 : cursor.currentDescendantIndex,
      );
      children.push(child);
    } while (cursor.gotoNextSibling());
    // At its exact length: an array grown by push reserves 17 slots, most nodes have one to three
    // children, and the nodes of an open document's statements stay in memory (StatementCache).
    return children.slice();
  }

  /** A child of the module under the cursor: each is its own cursor anchor, reused when cached. */
  private topLevelStatement(type: string, isLeaf: boolean): SyntaxNode {
    const cursor = this.cursor;
    const raw = cursor.currentNode;
    const start = raw.startIndex;
    const end = cursor.endIndex;
    const key =
      isLeaf || !this.cache || (this.treeHasError && raw.hasError)
        ? undefined
        : `${type}\0${this.source.slice(start, end)}`;
    let node = key === undefined ? undefined : this.cache?.take(key);
    if (!node) {
      node = new SyntaxNode(this.root, null, nextId++, type, true, null);
      node.place(0, end - start, isLeaf ? -1 : 0);
    }
    node.parent = this.root;
    node.anchorAt(this, start, raw);
    if (key !== undefined) this.cache?.keep(key, node);
    return node;
  }

  /** Row and column (UTF-16 code units, rows split at "\n" as tree-sitter does) of an index. */
  pointAt(index: number): Point {
    const starts = (this.lineStarts ??= lineStartsOf(this.source));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return { row: low, column: index - starts[low] };
  }
}

function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * A top-level statement's place in the tree being analysed, apart from its nodes' fields: every
 * node the analysis reads stays alive until it ends, and the garbage collector copies them all.
 */
interface StatementAnchor {
  tree: SyntaxTree;
  /** Its start in the source: its nodes keep offsets from there, valid after edits above it. */
  base: number;
  /** Its Node, which the cursor is reset to before reading its nodes. */
  raw: TreeSitter.Node;
}

export class SyntaxNode {
  private cachedChildren?: SyntaxNode[];
  private cachedNamedChildren?: SyntaxNode[];
  /** Offsets from the start of this node's top-level statement (from 0 for the module). */
  private relativeStart = 0;
  private relativeEnd = 0;
  /** Where the cursor finds this node from its statement's Node; -1: known to have no children. */
  descendantIndex = -1;
  /** Where a top-level statement (or the module) is now: set anew by each analysis that meets it. */
  anchor: StatementAnchor | undefined = undefined;
  // What the analysis reads from this node's own syntax, worked out once (syntax.ts, flow.ts): a
  // node of an unchanged statement serves the next analysis of the document too. Fields, not
  // WeakMaps: a WeakMap's entries are ephemerons, extra work for every garbage collection, which
  // is already a large share of the rules' time.
  /** `a.b.c` as ["a", "b", "c"]; null when the node is no plain dotted name. */
  dottedName: readonly string[] | null | undefined = undefined;
  callArguments: CallArguments | undefined = undefined;
  words: Words | undefined = undefined;

  constructor(
    public parent: SyntaxNode | null,
    /** The top-level statement this node is part of (null for the module and for those). */
    readonly statement: SyntaxNode | null,
    /** Unique (a small integer: cheap as a Map key). */
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    /** The field this node fills in its parent (`function`, `arguments`, …), if any. */
    readonly fieldName: string | null,
  ) {}

  /** Set once, by the reader that found the node. */
  place(relativeStart: number, relativeEnd: number, descendantIndex: number): void {
    this.relativeStart = relativeStart;
    this.relativeEnd = relativeEnd;
    this.descendantIndex = descendantIndex;
  }

  /** Where a top-level statement (or the module) is in the tree being analysed now. */
  anchorAt(tree: SyntaxTree, base: number, raw: TreeSitter.Node): void {
    this.anchor = { tree, base, raw };
  }

  private get syntax(): SyntaxTree {
    return (this.statement ?? this).anchor!.tree;
  }

  /** UTF-16 code units, like the JavaScript string that was parsed. */
  get startIndex(): number {
    return (this.statement ?? this).anchor!.base + this.relativeStart;
  }

  get endIndex(): number {
    return (this.statement ?? this).anchor!.base + this.relativeEnd;
  }

  get text(): string {
    return this.syntax.source.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): Point {
    return this.syntax.pointAt(this.startIndex);
  }

  get endPosition(): Point {
    return this.syntax.pointAt(this.endIndex);
  }

  /** Named children and the anonymous children that fill a field. */
  get children(): SyntaxNode[] {
    return (this.cachedChildren ??= this.syntax.readChildren(this));
  }

  get namedChildren(): SyntaxNode[] {
    if (this.cachedNamedChildren) return this.cachedNamedChildren;
    const children = this.children;
    // Mostly every child is named, and then the same array serves (neither is ever changed).
    this.cachedNamedChildren = children.every((c) => c.isNamed)
      ? children
      : children.filter((c) => c.isNamed);
    return this.cachedNamedChildren;
  }

  childForFieldName(field: string): SyntaxNode | null {
    for (const child of this.children) if (child.fieldName === field) return child;
    return null;
  }

  childrenForFieldName(field: string): SyntaxNode[] {
    return this.children.filter((c) => c.fieldName === field);
  }

  descendantsOfType(type: string): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    const visit = (node: SyntaxNode) => {
      for (const child of node.namedChildren) {
        if (child.type === type) found.push(child);
        visit(child);
      }
    };
    visit(this);
    return found;
  }
}

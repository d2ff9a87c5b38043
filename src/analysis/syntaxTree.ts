// A view of tree-sitter's syntax tree read through one TreeCursor, one level at a time. Every property
// of a web-tree-sitter Node is a call into WASM and every navigation allocates a Node (the garbage
// collector then took a quarter of the analysis); a cursor moves without allocating. A node's
// children are read once, when first asked for, with their types, field names and extents; lines
// and columns come from the source text, so positions cost no WASM call at all.
import type * as TreeSitter from "web-tree-sitter";

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

/**
 * Children of these are statements; each statement keeps its own web-tree-sitter Node, and the
 * cursor is reset to it before reading inside it. tree-sitter finds a descendant by stepping over
 * the siblings before it, so one cursor at the root would step over up to a thousand statements
 * of a long file for every read.
 */
const STATEMENT_LISTS = new Set(["module", "block"]);

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

export class SyntaxTree {
  readonly root: SyntaxNode;
  private readonly cursor: TreeSitter.TreeCursor;
  private readonly tables: GrammarTables;
  private readonly rootRaw: TreeSitter.Node;
  /** The Node the cursor was last reset to (undefined: the root). */
  private cursorAnchor: TreeSitter.Node | undefined;
  private lineStarts?: number[];
  private nextId = 0;

  constructor(
    tree: RawTree,
    readonly source: string,
  ) {
    this.tables = tablesOf(tree.language);
    this.cursor = tree.walk();
    this.rootRaw = tree.rootNode;
    this.root = new SyntaxNode(this, null, this.nextId++, this.rootRaw.type, true, null);
    this.root.place(this.rootRaw.startIndex, this.rootRaw.endIndex, 0, undefined);
  }

  /** Frees the cursor's WASM memory; the nodes already read stay usable. */
  dispose(): void {
    this.cursor.delete();
  }

  /** The children of `parent`: its named ones and the anonymous ones with a field (`operator`). */
  readChildren(parent: SyntaxNode): SyntaxNode[] {
    const children: SyntaxNode[] = [];
    if (parent.descendantIndex < 0) return children;
    const cursor = this.cursor;
    const { types, named, leaf, fields } = this.tables;
    this.moveTo(parent);
    if (!cursor.gotoFirstChild()) return children;
    const anchorsChildren = STATEMENT_LISTS.has(parent.type);
    const readsFields = !FIELDLESS.has(parent.type);
    do {
      const typeId = cursor.nodeTypeId;
      const isNamed = typeId >= named.length || named[typeId];
      const fieldId = readsFields ? cursor.currentFieldId : 0;
      if (!isNamed && fieldId === 0) continue;
      const isLeaf = !isNamed || leaf[typeId];
      const type = types[typeId] ?? "ERROR";
      const field = fields[fieldId] ?? null;
      if (anchorsChildren && !isLeaf) {
        const raw = cursor.currentNode;
        const child = new SyntaxNode(this, parent, this.nextId++, type, true, field);
        child.place(raw.startIndex, cursor.endIndex, 0, raw);
        children.push(child);
        continue;
      }
      const child = new SyntaxNode(this, parent, this.nextId++, type, isNamed, field);
      child.place(
        cursor.startIndex,
        cursor.endIndex,
        isLeaf ? -1 : cursor.currentDescendantIndex,
        parent.anchor,
      );
      children.push(child);
    } while (cursor.gotoNextSibling());
    return children;
  }

  /** Puts the cursor on `node`: reset to its statement's Node, then down to it. */
  private moveTo(node: SyntaxNode): void {
    if (node.anchor !== this.cursorAnchor) {
      if (node.anchor) this.cursor.reset(node.anchor);
      else this.cursor.reset(this.rootRaw);
      this.cursorAnchor = node.anchor;
    }
    this.cursor.gotoDescendant(node.descendantIndex);
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

export class SyntaxNode {
  private cachedChildren?: SyntaxNode[];
  private cachedNamedChildren?: SyntaxNode[];

  /** UTF-16 code units, like the JavaScript string that was parsed. */
  startIndex = 0;
  endIndex = 0;
  /** Where the cursor finds this node from its anchor; -1 for nodes known to have no children. */
  descendantIndex = -1;
  /** The statement's Node the cursor is reset to before finding this node (undefined: the root). */
  anchor: TreeSitter.Node | undefined;

  constructor(
    private readonly tree: SyntaxTree,
    readonly parent: SyntaxNode | null,
    /** Unique within one analysis (a small integer: cheap as a Map key). */
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    /** The field this node fills in its parent (`function`, `arguments`, …), if any. */
    readonly fieldName: string | null,
  ) {}

  /** Set once, by the reader that found the node. */
  place(
    startIndex: number,
    endIndex: number,
    descendantIndex: number,
    anchor: TreeSitter.Node | undefined,
  ): void {
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.descendantIndex = descendantIndex;
    this.anchor = anchor;
  }

  get text(): string {
    return this.tree.source.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): Point {
    return this.tree.pointAt(this.startIndex);
  }

  get endPosition(): Point {
    return this.tree.pointAt(this.endIndex);
  }

  /** Named children and the anonymous children that fill a field. */
  get children(): SyntaxNode[] {
    return (this.cachedChildren ??= this.tree.readChildren(this));
  }

  get namedChildren(): SyntaxNode[] {
    return (this.cachedNamedChildren ??= this.children.filter((c) => c.isNamed));
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

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
  private lineStarts?: number[];
  private nextId = 0;

  constructor(
    tree: RawTree,
    readonly source: string,
  ) {
    this.tables = tablesOf(tree.language);
    this.cursor = tree.walk();
    const rootNode = tree.rootNode;
    this.root = new SyntaxNode(
      this,
      null,
      this.nextId++,
      rootNode.type,
      true,
      null,
      rootNode.startIndex,
      rootNode.endIndex,
      0,
    );
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
    cursor.gotoDescendant(parent.descendantIndex);
    if (!cursor.gotoFirstChild()) return children;
    do {
      const typeId = cursor.nodeTypeId;
      const isNamed = typeId >= named.length || named[typeId];
      const fieldId = cursor.currentFieldId;
      if (!isNamed && fieldId === 0) continue;
      const isLeaf = !isNamed || leaf[typeId];
      children.push(
        new SyntaxNode(
          this,
          parent,
          this.nextId++,
          types[typeId] ?? "ERROR",
          isNamed,
          fields[fieldId] ?? null,
          cursor.startIndex,
          cursor.endIndex,
          isLeaf ? -1 : cursor.currentDescendantIndex,
        ),
      );
    } while (cursor.gotoNextSibling());
    return children;
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

  constructor(
    private readonly tree: SyntaxTree,
    readonly parent: SyntaxNode | null,
    /** Unique within one analysis (a small integer: cheap as a Map key). */
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    /** The field this node fills in its parent (`function`, `arguments`, …), if any. */
    readonly fieldName: string | null,
    /** UTF-16 code units, like the JavaScript string that was parsed. */
    readonly startIndex: number,
    readonly endIndex: number,
    /** Where the cursor finds this node; -1 for nodes known to have no children. */
    readonly descendantIndex: number,
  ) {}

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

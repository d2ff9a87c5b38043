// A memoising view of tree-sitter's syntax tree. Every property of a web-tree-sitter Node is a call
// into WASM and every navigation allocates a new Node; the data flow asks the same node for its
// type, fields and text many times (once per call site of a function, once more for the CodeLens).
// Here each node is wrapped once per analysis, by id, and each property is read from WASM once.
import type * as TreeSitter from "web-tree-sitter";

export type RawNode = TreeSitter.Node;

export interface Point {
  row: number;
  column: number;
}

export class SyntaxTree {
  private readonly nodes = new Map<number, SyntaxNode>();
  constructor(readonly source: string) {}

  wrap(raw: RawNode): SyntaxNode {
    let node = this.nodes.get(raw.id);
    if (!node) {
      node = new SyntaxNode(raw, this);
      this.nodes.set(raw.id, node);
    }
    return node;
  }

  wrapOrNull(raw: RawNode | null): SyntaxNode | null {
    return raw ? this.wrap(raw) : null;
  }
}

export class SyntaxNode {
  readonly id: number;
  /** UTF-16 code units, like the JavaScript string that was parsed. */
  readonly startIndex: number;
  readonly startPosition: Point;
  private cachedType?: string;
  private cachedEndIndex?: number;
  private cachedEndPosition?: Point;
  private cachedNamedChildren?: SyntaxNode[];
  private fields?: Map<string, SyntaxNode | null>;

  constructor(
    private readonly raw: RawNode,
    private readonly tree: SyntaxTree,
  ) {
    this.id = raw.id;
    this.startIndex = raw.startIndex;
    this.startPosition = raw.startPosition;
  }

  get type(): string {
    return (this.cachedType ??= this.raw.type);
  }

  get endIndex(): number {
    return (this.cachedEndIndex ??= this.raw.endIndex);
  }

  get endPosition(): Point {
    return (this.cachedEndPosition ??= this.raw.endPosition);
  }

  get text(): string {
    return this.tree.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): SyntaxNode[] {
    if (!this.cachedNamedChildren) {
      this.cachedNamedChildren = [];
      for (const child of this.raw.namedChildren) {
        if (child) this.cachedNamedChildren.push(this.tree.wrap(child));
      }
    }
    return this.cachedNamedChildren;
  }

  get parent(): SyntaxNode | null {
    return this.tree.wrapOrNull(this.raw.parent);
  }

  childForFieldName(field: string): SyntaxNode | null {
    this.fields ??= new Map();
    let child = this.fields.get(field);
    if (child === undefined) {
      child = this.tree.wrapOrNull(this.raw.childForFieldName(field));
      this.fields.set(field, child);
    }
    return child;
  }

  childrenForFieldName(field: string): SyntaxNode[] {
    return this.raw
      .childrenForFieldName(field)
      .filter((c): c is RawNode => c !== null)
      .map((c) => this.tree.wrap(c));
  }

  descendantsOfType(type: string): SyntaxNode[] {
    return this.raw
      .descendantsOfType(type)
      .filter((c): c is RawNode => c !== null)
      .map((c) => this.tree.wrap(c));
  }
}

// Reading a node's children without web-tree-sitter's per-call marshalling. Each TreeCursor method
// of web-tree-sitter writes the cursor's four words into a transfer buffer in WASM memory (four
// DataView stores behind a string-typed setValue), calls the C function, and reads the words back:
// ~0.2–0.4 µs a call here, and reading one child takes six calls. The C functions themselves
// (ts_tree_cursor_*_wasm, exports of web-tree-sitter's own tree-sitter.wasm) keep the cursor in that
// transfer buffer, so a loop over siblings can call them directly: the cursor is loaded into the
// buffer once before the loop and stored back into the TreeCursor once after it.
//
// The exports are found on the options object handed to Parser.init, which Emscripten's module
// factory fills in (moduleArg). They are private to web-tree-sitter (pinned in package-lock.json),
// so verifyCursorExports checks them against the public TreeCursor on a small tree when the parser
// is loaded; without them, or if they disagree, syntaxTree.ts reads through the public API.
import type * as TreeSitter from "web-tree-sitter";

/** The raw cursor functions, each taking the tree's address; the cursor is in the buffer. */
export interface CursorExports {
  /** Byte address of web-tree-sitter's transfer buffer. */
  readonly transferBuffer: number;
  /** The WASM memory as 32-bit words (Emscripten replaces the view when memory grows). */
  heap32(): Int32Array;
  gotoFirstChild(tree: number): number;
  gotoNextSibling(tree: number): number;
  gotoDescendant(tree: number, index: number): void;
  typeId(tree: number): number;
  fieldId(tree: number): number;
  startIndex(tree: number): number;
  endIndex(tree: number): number;
  descendantIndex(tree: number): number;
}

type Exported = Record<string, unknown>;

const NAMES = {
  gotoFirstChild: "_ts_tree_cursor_goto_first_child_wasm",
  gotoNextSibling: "_ts_tree_cursor_goto_next_sibling_wasm",
  gotoDescendant: "_ts_tree_cursor_goto_descendant_wasm",
  typeId: "_ts_tree_cursor_current_node_type_id_wasm",
  fieldId: "_ts_tree_cursor_current_field_id_wasm",
  startIndex: "_ts_tree_cursor_start_index_wasm",
  endIndex: "_ts_tree_cursor_end_index_wasm",
  descendantIndex: "_ts_tree_cursor_current_descendant_index_wasm",
} as const;

/** The module a runtime was initialised with, kept: a second Parser.init fills in no new object. */
const exportsByRuntime = new WeakMap<object, CursorExports>();

/** The raw functions, if the object Parser.init was given holds them (else those found before). */
export function cursorExportsOf(
  runtime: object,
  moduleOptions: Exported,
): CursorExports | undefined {
  const found = readExports(moduleOptions);
  if (found) exportsByRuntime.set(runtime, found);
  return found ?? exportsByRuntime.get(runtime);
}

function readExports(module: Exported): CursorExports | undefined {
  const init = module._ts_init;
  if (typeof init !== "function" || !(module.HEAP32 instanceof Int32Array)) return undefined;
  const functions: Partial<Record<keyof typeof NAMES, (...args: number[]) => number>> = {};
  for (const [key, name] of Object.entries(NAMES) as [keyof typeof NAMES, string][]) {
    const fn = module[name];
    if (typeof fn !== "function") return undefined;
    functions[key] = fn as (...args: number[]) => number;
  }
  const f = functions as Record<keyof typeof NAMES, (...args: number[]) => number>;
  return {
    // ts_init only returns the buffer's address (and writes the ABI versions into it).
    transferBuffer: (init as () => number)(),
    heap32: () => module.HEAP32 as Int32Array,
    gotoFirstChild: f.gotoFirstChild,
    gotoNextSibling: f.gotoNextSibling,
    gotoDescendant: f.gotoDescendant,
    typeId: f.typeId,
    fieldId: f.fieldId,
    startIndex: f.startIndex,
    endIndex: f.endIndex,
    descendantIndex: f.descendantIndex,
  };
}

/** The four words of a TreeCursor and the address of its tree (web-tree-sitter's own fields). */
type Handles = Record<0 | 1 | 2 | 3, number>;

/** A TreeCursor driven through the raw functions between load() and store(). */
export class RawCursor {
  private readonly tree: number;
  constructor(
    private readonly raw: CursorExports,
    private readonly cursor: TreeSitter.TreeCursor,
    tree: TreeSitter.Tree,
  ) {
    this.tree = (tree as unknown as Handles)[0];
  }

  /** Puts the TreeCursor into the transfer buffer, where the raw functions read and move it. */
  load(): void {
    const heap = this.raw.heap32();
    const at = this.raw.transferBuffer >> 2;
    const handles = this.cursor as unknown as Handles;
    heap[at] = handles[0];
    heap[at + 1] = handles[1];
    heap[at + 2] = handles[2];
    heap[at + 3] = handles[3];
  }

  /** Takes the moved cursor back, so the TreeCursor's own methods (reset, delete) see it. */
  store(): void {
    const heap = this.raw.heap32();
    const at = this.raw.transferBuffer >> 2;
    const handles = this.cursor as unknown as Handles;
    handles[0] = heap[at];
    handles[1] = heap[at + 1];
    handles[2] = heap[at + 2];
    handles[3] = heap[at + 3];
  }

  gotoDescendant(index: number): void {
    this.raw.gotoDescendant(this.tree, index);
  }
  gotoFirstChild(): boolean {
    return this.raw.gotoFirstChild(this.tree) === 1;
  }
  gotoNextSibling(): boolean {
    return this.raw.gotoNextSibling(this.tree) === 1;
  }
  get nodeTypeId(): number {
    return this.raw.typeId(this.tree);
  }
  get currentFieldId(): number {
    return this.raw.fieldId(this.tree);
  }
  get startIndex(): number {
    return this.raw.startIndex(this.tree);
  }
  get endIndex(): number {
    return this.raw.endIndex(this.tree);
  }
  get currentDescendantIndex(): number {
    return this.raw.descendantIndex(this.tree);
  }
}

/** What syntaxTree.ts asks of a cursor: the public TreeCursor and RawCursor alike. */
export interface ChildCursor {
  gotoDescendant(index: number): void;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  readonly nodeTypeId: number;
  readonly currentFieldId: number;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly currentDescendantIndex: number;
}

/** Every node of the tree in descendant order, each followed by its children as siblings. */
function describe(cursor: ChildCursor, descendants: number): string[] {
  const seen = () =>
    `${cursor.nodeTypeId}:${cursor.currentFieldId}:${cursor.startIndex}-${cursor.endIndex}#${cursor.currentDescendantIndex}`;
  const lines: string[] = [];
  for (let index = 0; index < descendants; index++) {
    cursor.gotoDescendant(index);
    const children: string[] = [seen()];
    if (cursor.gotoFirstChild()) {
      do children.push(seen());
      while (cursor.gotoNextSibling());
    }
    lines.push(children.join(" "));
  }
  return lines;
}

/**
 * Whether the raw functions read a tree as the public TreeCursor does: every node, its type, field,
 * extent, descendant index and children, compared.
 */
export function verifyCursorExports(raw: CursorExports, tree: TreeSitter.Tree): boolean {
  const publicCursor = tree.walk();
  const own = tree.walk();
  const rawCursor = new RawCursor(raw, own, tree);
  try {
    const descendants = publicCursor.currentNode.descendantCount;
    const expected = describe(publicCursor, descendants);
    rawCursor.load();
    const actual = describe(rawCursor, descendants);
    rawCursor.store();
    return expected.length > 0 && expected.join("\n") === actual.join("\n");
  } catch {
    return false;
  } finally {
    publicCursor.delete();
    own.delete();
  }
}

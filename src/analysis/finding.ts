// What the analysis reports, in plain data: no vscode types, 0-based positions whose columns count
// UTF-16 code units (what web-tree-sitter gives for a string input, and what VS Code positions use).
import type { LabIntent } from "../shared/labState";

export const RULE_CODES = ["SL001", "SL002", "SL003", "SL004", "SL005"] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One replacement in the analysed source; a quick fix is a list of them applied together. */
export interface SourceEdit extends SourceRange {
  newText: string;
}

export interface QuickFix {
  /** The title of the code action, e.g. "Drop the softmax: CrossEntropyLoss wants logits". */
  title: string;
  edits: SourceEdit[];
}

/** The layer counts a network's message is built from (SL005 and the CodeLens). */
export interface LayerCounts {
  /** Sigmoid and tanh layers on the deepest path. */
  sigmoid: number;
  tanh: number;
  /** The most of them stacked with no normalisation or residual in between. */
  longestRun: number;
}

export interface Finding extends SourceRange {
  code: RuleCode;
  /** One line that says what is wrong and why. */
  message: string;
  /** The Lab view that shows the mathematics behind the finding. */
  lab: LabIntent;
  /** The other end of the data flow (e.g. the loss call a softmax reaches), when there is one. */
  related?: SourceRange & { message: string };
  /** Present only where the fix is mechanical. */
  fix?: QuickFix;
  /** SL005's numbers, so that its message can be worded again in another language. */
  counts?: LayerCounts;
}

export function isRuleCode(value: unknown): value is RuleCode {
  return typeof value === "string" && (RULE_CODES as readonly string[]).includes(value);
}

// The analysis settings, read through typed getters (`sigmoidLab.analysis.*`, contributed in
// package.json). Users can write anything in settings.json: every value is checked and falls back
// to the manifest's default.
import * as vscode from "vscode";
import { RULE_CODES, type RuleCode } from "./finding";

export const RULE_LEVELS = ["error", "warning", "information", "hint", "off"] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** Defaults, the same as the manifest's: the loss mistakes warn, a deep sigmoid stack informs. */
export const DEFAULT_RULE_LEVELS: Record<RuleCode, RuleLevel> = {
  SL001: "warning",
  SL002: "warning",
  SL003: "warning",
  SL004: "warning",
  SL005: "information",
};

export interface AnalysisSettings {
  /** `sigmoidLab.analysis.enabled`: diagnostics and quick fixes on Python files and notebooks. */
  enabled: boolean;
  /** `sigmoidLab.analysis.codeLens`: the depth-attenuation CodeLens. */
  codeLens: boolean;
  /** `sigmoidLab.analysis.rules`: each rule's severity, or "off". */
  rules: Record<RuleCode, RuleLevel>;
}

export function readAnalysisSettings(scope?: vscode.ConfigurationScope): AnalysisSettings {
  const section = vscode.workspace.getConfiguration("sigmoidLab.analysis", scope);
  const enabled = section.get<unknown>("enabled");
  const codeLens = section.get<unknown>("codeLens");
  const raw = section.get<unknown>("rules");
  const rules = { ...DEFAULT_RULE_LEVELS };
  if (typeof raw === "object" && raw !== null) {
    for (const code of RULE_CODES) {
      const level = (raw as Record<string, unknown>)[code];
      if ((RULE_LEVELS as readonly unknown[]).includes(level)) rules[code] = level as RuleLevel;
    }
  }
  return {
    enabled: typeof enabled === "boolean" ? enabled : true,
    codeLens: typeof codeLens === "boolean" ? codeLens : true,
    rules,
  };
}

export function severityOf(level: RuleLevel): vscode.DiagnosticSeverity | undefined {
  switch (level) {
    case "error":
      return vscode.DiagnosticSeverity.Error;
    case "warning":
      return vscode.DiagnosticSeverity.Warning;
    case "information":
      return vscode.DiagnosticSeverity.Information;
    case "hint":
      return vscode.DiagnosticSeverity.Hint;
    default:
      return undefined;
  }
}

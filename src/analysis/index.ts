// Sigmoid Lab's analysis of PyTorch code: pure logic, usable without VS Code.
//   analyzePython(source)  → the findings (SL001–SL005), 0-based positions
//   analyzeProgram(source) → the findings and the depth-attenuation lenses, from one parse
// The parser is tree-sitter's Python grammar in WASM, loaded on the first call from the bytes that
// setWasmLoader's loader supplies.
import type { Finding } from "./finding";
import { analyseFlow, type FlowFacts } from "./flow";
import { depthLenses, type DepthLens } from "./lens";
import { summariseNetworks } from "./networks";
import { loadPythonParser } from "./parser";
import { SyntaxTree, type RawTree, type StatementCache } from "./syntaxTree";
import { softmaxIntoCrossEntropy } from "./rules/sl001";
import { softmaxIntoNllLoss } from "./rules/sl002";
import { sigmoidIntoBceWithLogits } from "./rules/sl003";
import { logitsIntoBceLoss } from "./rules/sl004";
import { deepSaturatingStack } from "./rules/sl005";

export type { Finding, QuickFix, RuleCode, SourceEdit, SourceRange } from "./finding";
export { RULE_CODES, isRuleCode } from "./finding";
export type { DepthLens } from "./lens";
export { labCommandUri } from "./lab";
export { setWasmLoader, type WasmFile, type WasmLoader } from "./parser";

export interface ProgramAnalysis {
  findings: Finding[];
  lenses: DepthLens[];
}

const LOSS_RULES = [
  softmaxIntoCrossEntropy,
  softmaxIntoNllLoss,
  sigmoidIntoBceWithLogits,
  logitsIntoBceLoss,
];

export async function analyzePython(source: string): Promise<Finding[]> {
  return (await analyzeProgram(source)).findings;
}

export async function analyzeProgram(source: string): Promise<ProgramAnalysis> {
  const parser = await loadPythonParser();
  const tree = parser.parse(source);
  if (!tree) return { findings: [], lenses: [] };
  try {
    return analyzeTree(tree, source);
  } finally {
    tree.delete();
  }
}

/**
 * The rules over a parsed module (exported for the benchmark, which times parse and rules apart).
 * With a cache, the top-level statements unchanged since the last analysis are not read again.
 */
export function analyzeTree(
  tree: RawTree,
  source: string,
  cache?: StatementCache,
): ProgramAnalysis {
  const syntax = new SyntaxTree(tree, source, cache);
  try {
    return applyRules(analyseFlow(syntax.root));
  } finally {
    syntax.dispose();
  }
}

function applyRules(facts: FlowFacts): ProgramAnalysis {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (finding: Finding | undefined) => {
    if (!finding) return;
    const key = `${finding.code}@${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  for (const input of facts.lossInputs) {
    for (const rule of LOSS_RULES) add(rule(input));
  }
  const networks = summariseNetworks(facts);
  for (const network of networks) add(deepSaturatingStack(network));
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { findings, lenses: depthLenses(networks) };
}

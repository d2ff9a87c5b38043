// Scores the analysis against the corpus in test/fixtures/analysis: every snippet marks the lines
// where a finding is expected with `# expect: SL00n` (several codes separated by commas).
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { analyzePython } from "../../../src/analysis";

export const CORPUS = path.resolve(__dirname, "../../fixtures/analysis");

export interface Snippet {
  file: string;
  /** "positive" snippets hold at least one mistake; "negative" ones are correct code that looks alike. */
  group: "positive" | "negative";
  source: string;
  expected: Set<string>;
}

export function loadCorpus(): Snippet[] {
  const snippets: Snippet[] = [];
  for (const group of ["positive", "negative"] as const) {
    for (const name of readdirSync(path.join(CORPUS, group)).sort()) {
      if (!name.endsWith(".py")) continue;
      const file = path.join(group, name);
      const source = readFileSync(path.join(CORPUS, file), "utf8");
      snippets.push({ file, group, source, expected: expectations(source) });
    }
  }
  return snippets;
}

/** `code@line` (1-based) for every `# expect: SL001, SL004` comment. */
export function expectations(source: string): Set<string> {
  const expected = new Set<string>();
  source.split("\n").forEach((text, index) => {
    const match = /#\s*expect:\s*([A-Z0-9, ]+)/.exec(text);
    if (!match) return;
    for (const code of match[1]
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean)) {
      expected.add(`${code}@${index + 1}`);
    }
  });
  return expected;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** One line per snippet whose findings differ from its expectations. */
  mismatches: string[];
}

export async function scoreCorpus(snippets: Snippet[]): Promise<Score> {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const mismatches: string[] = [];
  for (const snippet of snippets) {
    const found = new Set(
      (await analyzePython(snippet.source)).map((f) => `${f.code}@${f.line + 1}`),
    );
    const extra = [...found].filter((key) => !snippet.expected.has(key));
    const missed = [...snippet.expected].filter((key) => !found.has(key));
    truePositives += found.size - extra.length;
    falsePositives += extra.length;
    falseNegatives += missed.length;
    if (extra.length || missed.length) {
      mismatches.push(
        `${snippet.file}: unexpected [${extra.join(" ")}] missed [${missed.join(" ")}]`,
      );
    }
  }
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    mismatches,
  };
}

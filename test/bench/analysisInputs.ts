// The 5,000-line files the analysis benchmark reads.
//   realistic: real training scripts and modules (PyTorch's own examples, test/bench/fixtures) with the
//     corpus snippets of test/fixtures/analysis interleaved: data loading, argument parsing, logging
//     and checkpoints around models and loss calls, some of them the pitfalls the rules catch;
//   dense: the corpus snippets repeated, the worst case: every statement is about layers and losses;
//   torch/nn/modules: PyTorch 1.13's own layer definitions (Debian's python3-torch, when installed).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { loadCorpus } from "../unit/analysis/corpusCheck";

export const TARGET_LINES = 5_000;
const EXAMPLES = path.join(__dirname, "fixtures", "pytorch-examples");
const TORCH_MODULES = "/usr/lib/python3/dist-packages/torch/nn/modules";

export interface BenchInput {
  name: string;
  source: string;
}

/** The first TARGET_LINES lines of the sources, one after another (repeated if they are shorter). */
export function firstLines(sources: string[]): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < TARGET_LINES; i++) {
    lines.push(...sources[i % sources.length].split("\n"));
  }
  return lines.slice(0, TARGET_LINES).join("\n") + "\n";
}

function pythonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return pythonFiles(file);
      return name.endsWith(".py") ? [file] : [];
    });
}

/** Each example file followed by the next few corpus snippets, until both run out. */
function interleave(examples: string[], snippets: string[]): string[] {
  const perFile = Math.ceil(snippets.length / examples.length);
  return examples.flatMap((example, i) => [
    example,
    ...snippets.slice(i * perFile, (i + 1) * perFile),
  ]);
}

export function benchInputs(): BenchInput[] {
  const snippets = loadCorpus().map((s) => s.source);
  const examples = pythonFiles(EXAMPLES).map((f) => readFileSync(f, "utf8"));
  const realistic = interleave(examples, snippets);
  const total = realistic.reduce((n, s) => n + s.split("\n").length, 0);
  if (total < TARGET_LINES) throw new Error(`the realistic input has ${total} lines, not 5,000`);
  const inputs = [
    { name: "realistic (examples + corpus)", source: firstLines(realistic) },
    { name: "dense (corpus repeated)", source: firstLines(snippets) },
  ];
  const torch = ["activation.py", "loss.py", "container.py", "rnn.py", "transformer.py"].map((f) =>
    path.join(TORCH_MODULES, f),
  );
  if (torch.every((f) => existsSync(f))) {
    inputs.push({
      name: "PyTorch 1.13 torch/nn/modules",
      source: firstLines(torch.map((f) => readFileSync(f, "utf8"))),
    });
  }
  return inputs;
}

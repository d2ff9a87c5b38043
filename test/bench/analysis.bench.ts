// Analysis speed: a 5,000-line Python file analysed once the parser is loaded; budget: under 50 ms
// (issue 7). Two inputs: the densest possible file (the corpus snippets of test/fixtures/analysis
// repeated: every statement is about layers and losses) and real PyTorch code (PyTorch 1.13's own
// torch/nn/modules/*.py from Debian's python3-torch, when installed). Prints the cold parser load,
// p50/p95 of single calls in wall time and in CPU time of this process (the CPU time is what to
// read on a busy machine), and the parse/rules split from interleaved rounds (interleave.ts).
// Run: node --import tsx test/bench/analysis.bench.ts
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { analyzeProgram, analyzeTree } from "../../src/analysis";
import { loadPythonParser } from "../../src/analysis/parser";
import { loadCorpus } from "../unit/analysis/corpusCheck";
import { useNodeWasm } from "../unit/analysis/nodeWasm";
import { measureInterleaved, median, printEnvironment } from "./interleave";

const TARGET_LINES = 5_000;
const BUDGET_MS = 50;
const CALLS = 40;
const TORCH_MODULES = "/usr/lib/python3/dist-packages/torch/nn/modules";

function firstLines(sources: string[]): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < TARGET_LINES; i++) {
    lines.push(...sources[i % sources.length].split("\n"));
  }
  return lines.slice(0, TARGET_LINES).join("\n") + "\n";
}

function inputs(): { name: string; source: string }[] {
  const list = [
    { name: "dense (corpus repeated)", source: firstLines(loadCorpus().map((s) => s.source)) },
  ];
  const files = ["activation.py", "loss.py", "container.py", "rnn.py", "transformer.py"].map((f) =>
    path.join(TORCH_MODULES, f),
  );
  if (files.every((f) => existsSync(f))) {
    list.push({
      name: "PyTorch 1.13 torch/nn/modules",
      source: firstLines(files.map((f) => readFileSync(f, "utf8"))),
    });
  }
  return list;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  printEnvironment();
  useNodeWasm();
  const coldStart = performance.now();
  const parser = await loadPythonParser();
  console.log(
    `parser load (WASM runtime + grammar, cold, once): ${(performance.now() - coldStart).toFixed(1)} ms`,
  );

  console.log(
    `\nanalyzeProgram on ${TARGET_LINES} lines, ${CALLS} calls each; budget p95 < ${BUDGET_MS} ms`,
  );
  console.log(
    "| input | findings | wall p50 | wall p95 | CPU p50 | CPU p95 | parse (median) | rules (median) |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const { name, source } of inputs()) {
    const first = await analyzeProgram(source);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await analyzeProgram(source);
      wall.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
    const tree = parser.parse(source);
    if (!tree) throw new Error("parse failed");
    const samples = measureInterleaved(
      [
        { name: "parse", run: () => parser.parse(source)?.delete() },
        { name: "rules", run: () => analyzeTree(tree, source) },
      ],
      { rounds: 9, warmupRounds: 1, minMs: 100 },
    );
    tree.delete();
    const ms = (key: string) => (median(samples.get(key)!) / 1e6).toFixed(1);
    const f = (x: number) => x.toFixed(1);
    console.log(
      `| ${name} | ${first.findings.length} | ${f(percentile(wall, 50))} | ${f(percentile(wall, 95))} | ` +
        `${f(percentile(cpu, 50))} | ${f(percentile(cpu, 95))} | ${ms("parse")} | ${ms("rules")} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

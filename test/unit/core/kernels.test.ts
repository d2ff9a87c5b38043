// The WebAssembly kernels (src/core/kernels) must compute what the plain loops compute, bit for
// bit: the cells' numbers are checked against PyTorch with the plain loops' summation order
// (recurrent.test.ts), and the page, its workers and the extension host must agree wherever
// WebAssembly is refused. Every expectation here is the plain loop's own result on the same input,
// with the kernels turned off (setWasmKernels(false)); nothing is copied from a run.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRng, gradientOfTrace, traceThroughTime } from "../../../src/core";
import type { RecurrentKind, RecurrentTrace } from "../../../src/core";
import { recurrentKernels } from "../../../src/core/kernels/recurrentKernels";
import { setWasmKernels } from "../../../src/core/kernels/wasmKernels";
import { matVec } from "../../../src/core/recurrent/dot";
import { kernelMatVec } from "./kernelMatVec";
import { compiledModuleText, kernelSources } from "../../../scripts/compile-kernels.mjs";

after(() => setWasmKernels(true));

function assertSameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${what}: [${i}] is ${actual[i]}, the plain loop gives ${expected[i]}`);
    }
  }
}

describe("kernels: the compiled modules", () => {
  it("are the .wat files as they are now (run node scripts/compile-kernels.mjs after an edit)", async () => {
    const sources = kernelSources();
    assert.ok(sources.length > 0, "no .wat in src/core/kernels");
    for (const source of sources) {
      assert.equal(
        readFileSync(source.module, "utf8"),
        await compiledModuleText(source),
        `${source.module} is stale`,
      );
    }
  });

  it("load and run here (Node has WebAssembly with SIMD), so the tests below compare two paths", () => {
    const ran = recurrentKernels.withWorkspace([4], (_, kernels) => kernels !== undefined);
    assert.equal(ran, true);
  });
});

describe("kernels: matVec on signed zeros, infinities and NaN", () => {
  const specials = [0, -0, 1, -1, 2.5, -3, Infinity, -Infinity, NaN, 1e-310, -1e-310];

  function bothWays(
    w: Float64Array,
    rows: number,
    length: number,
    v: Float64Array,
    bias: Float64Array,
    start: Float64Array,
    add: boolean,
    what: string,
  ): void {
    const plain = Float64Array.from(start);
    matVec(w, rows, length, v, 0, bias, plain, 0, add);
    assertSameBits(kernelMatVec(w, rows, length, v, 0, bias, start, 0, add), plain, what);
  }

  it("one column: every weight × input × bias × earlier value, in pairs of rows and alone", () => {
    const n = specials.length;
    for (const x of specials) {
      for (const add of [false, true]) {
        // Row k: weight k mod n, bias ⌊k / n⌋ mod n, earlier value ⌊k / n²⌋ mod n; an odd count
        // so that the last row goes alone.
        const rows = n * n * n;
        const w = Float64Array.from({ length: rows }, (_, k) => specials[k % n]);
        const bias = Float64Array.from({ length: rows }, (_, k) => specials[Math.floor(k / n) % n]);
        const start = Float64Array.from(
          { length: rows },
          (_, k) => specials[Math.floor(k / n / n)],
        );
        bothWays(w, rows, 1, Float64Array.of(x), bias, start, add, `x ${x}, add ${add}`);
      }
    }
  });

  it("several columns: the same values in every position", () => {
    const pick = (i: number) => specials[(i * 7 + 3) % specials.length];
    for (const rows of [1, 2, 3, 4, 7]) {
      for (const length of [2, 3, 5, 9]) {
        for (let shift = 0; shift < specials.length; shift++) {
          const w = Float64Array.from({ length: rows * length }, (_, i) => pick(i + shift));
          const v = Float64Array.from({ length }, (_, i) => pick(i * 3 + shift + 1));
          const bias = Float64Array.from({ length: rows }, (_, i) => pick(i * 5 + shift + 2));
          const start = Float64Array.from({ length: rows }, (_, i) => pick(i * 2 + shift));
          for (const add of [false, true]) {
            bothWays(w, rows, length, v, bias, start, add, `${rows}×${length}, shift ${shift}`);
          }
        }
      }
    }
  });
});

describe("kernels: a recurrent pass and its gradient through time, both ways", () => {
  const cases: [RecurrentKind, number, number][] = [];
  for (const kind of ["lstm", "gru", "rnn"] as const) {
    for (const hidden of [1, 2, 3, 7, 8, 9, 16, 33]) {
      for (const input of [1, 2, 5, 8, 11]) cases.push([kind, hidden, input]);
    }
  }

  function run(kind: RecurrentKind, hidden: number, input: number, steps: number, wasm: boolean) {
    const local = createRng(hidden * 100 + input);
    const values = (n: number, scale: number) =>
      Array.from({ length: n }, () => (2 * local.next() - 1) * scale);
    const rows = { lstm: 4, gru: 3, rnn: 1 }[kind] * hidden;
    const params = {
      weightIh: values(rows * input, 1.5),
      weightHh: values(rows * hidden, 1.5 / Math.sqrt(hidden)),
      biasIh: values(rows, 0.5),
      biasHh: values(rows, 0.5),
    };
    const inputs = Array.from({ length: steps }, () => values(input, 2));
    setWasmKernels(wasm);
    try {
      const trace = traceThroughTime(kind, params, inputs);
      return { trace, gradient: gradientOfTrace(trace) };
    } finally {
      setWasmKernels(true);
    }
  }

  it(`gives the same h_t, C_t, gates and gradients, bit for bit (${cases.length} kinds × sizes)`, () => {
    for (const [kind, hidden, input] of cases) {
      const what = `${kind} H=${hidden} I=${input}`;
      const fast = run(kind, hidden, input, 40, true);
      const plain = run(kind, hidden, input, 40, false);
      const fields = ["outputs", "cells", "gates", "hiddenCandidate"] as const;
      for (const field of fields) {
        assertSameBits(fast.trace[field], plain.trace[field], `${what} ${field}`);
      }
      assertSameBits(fast.gradient, plain.gradient, `${what} gradient`);
      assert.ok(
        fast.gradient.some((g) => g > 0),
        `${what}: a gradient to compare`,
      );
    }
  });

  it("returns arrays of its own, not views on the kernels' memory that the next pass overwrites", () => {
    const first: RecurrentTrace = run("lstm", 8, 2, 30, true).trace;
    const copy = Float64Array.from(first.outputs);
    run("lstm", 9, 3, 30, true);
    assertSameBits(first.outputs, copy, "the first pass's outputs after a second pass");
    assert.notEqual(first.outputs.buffer.byteLength, 0);
  });
});

describe("kernels: withWorkspace", () => {
  it("hands ordinary arrays to a body that runs while the workspace is in use", () => {
    recurrentKernels.withWorkspace([8], ([outer], kernels) => {
      assert.ok(kernels);
      outer.fill(3);
      recurrentKernels.withWorkspace([8], ([inner], innerKernels) => {
        assert.equal(innerKernels, undefined);
        assert.notEqual(inner.buffer, outer.buffer);
        inner.fill(5);
      });
      assert.deepEqual([...outer], new Array(8).fill(3));
    });
  });

  it("grows its memory for a large pass and zero-fills what it hands out", () => {
    const length = 3_000_000; // 24 MB, past the first page
    recurrentKernels.withWorkspace([length], ([big]) => big.fill(7));
    const zeros = recurrentKernels.withWorkspace([length, 5], ([big, small], kernels) => {
      assert.ok(kernels);
      return big.every((x) => x === 0) && small.every((x) => x === 0);
    });
    assert.equal(zeros, true);
  });

  it("hands out ordinary arrays when the kernels are turned off", () => {
    setWasmKernels(false);
    try {
      recurrentKernels.withWorkspace([4], (arrays, kernels) => {
        assert.equal(kernels, undefined);
        assert.equal(arrays[0].length, 4);
      });
    } finally {
      setWasmKernels(true);
    }
  });
});

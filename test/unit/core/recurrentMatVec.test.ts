// matVec takes a recurrent step's matrix–vector product two rows at a time, for speed. Each row's
// sum must stay dot()'s, bit for bit: the cells' numbers are checked against PyTorch with dot()'s
// summation order (recurrent.test.ts), and the exported script and golden files rely on them.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createRng } from "../../../src/core";
import { dot, matVec } from "../../../src/core/recurrent/dot";
import { kernelMatVec } from "./kernelMatVec";

describe("matVec: W·v + b two rows at a time", () => {
  // The plain loop, and the WebAssembly kernel it hands the work to inside the kernels' workspace.
  it("gives every row dot()'s number bit for bit, odd and even rows and lengths, with and without add, both ways", () => {
    const rng = createRng(7);
    const draw = (n: number) => Float64Array.from({ length: n }, () => (2 * rng.next() - 1) * 3);
    for (const rows of [1, 2, 3, 5, 8, 12, 13, 256]) {
      for (const length of [1, 2, 3, 4, 5, 7, 8, 16, 17, 64, 65]) {
        const w = draw(rows * length);
        const v = draw(length + 5);
        const bias = draw(rows);
        const start = draw(rows + 3);
        for (const [add, inKernels] of [
          [false, false],
          [true, false],
          [false, true],
          [true, true],
        ]) {
          const out = inKernels
            ? kernelMatVec(w, rows, length, v, 5, bias, start, 3, add)
            : Float64Array.from(start);
          if (!inKernels) matVec(w, rows, length, v, 5, bias, out, 3, add);
          for (let k = 0; k < rows; k++) {
            const row = dot(w, k * length, v, 5, length) + bias[k];
            const expected = add ? start[3 + k] + row : row;
            assert.ok(
              Object.is(out[3 + k], expected),
              `${inKernels ? "kernel" : "plain"}, rows ${rows}, length ${length}, add ${add}, row ${k}: ${out[3 + k]} vs ${expected}`,
            );
          }
          for (let k = 0; k < 3; k++) assert.ok(Object.is(out[k], start[k]), "before outOffset");
        }
      }
    }
  });
});

// matVec run in the recurrent kernels' workspace, for the tests that hold it to the plain loop's
// bits (recurrentMatVec.test.ts, kernels.test.ts).
import assert from "node:assert/strict";
import { recurrentKernels } from "../../../src/core/kernels/recurrentKernels";
import { matVec } from "../../../src/core/recurrent/dot";

/** matVec on copies of these arrays in the kernels' workspace; `out` as it comes out (from `start`). */
export function kernelMatVec(
  w: Float64Array,
  rows: number,
  length: number,
  v: Float64Array,
  vOffset: number,
  bias: Float64Array,
  start: Float64Array,
  outOffset: number,
  add: boolean,
): Float64Array {
  const lengths = [w.length, v.length, bias.length, start.length];
  return recurrentKernels.withWorkspace(lengths, ([ww, vv, bb, oo], kernels) => {
    assert.ok(kernels, "the kernels run");
    ww.set(w);
    vv.set(v);
    bb.set(bias);
    oo.set(start);
    matVec(ww, rows, length, vv, vOffset, bb, oo, outOffset, add);
    return oo.slice();
  });
}

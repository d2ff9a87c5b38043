// The view's largest setting with the "remember" weights and 16 seeded random inputs (the bench's
// "seed, I = 16, random inputs"): the plain, unscaled backward pass ran through subnormal numbers
// there (the GRU's ∂h had 1,494 subnormal entries over 500 steps, ~5× slower), the rescaled one
// (src/core/recurrent/gradientScale.ts) must not change a step that the plain loop computed
// without meeting one. The plain loop is test/unit/core/backpropReference.ts, counting its
// subnormals.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { gradientOfTrace } from "../../../src/core";
import { presetInputs } from "../../../webview/views/recurrent/inputs";
import { traceOf } from "../../../webview/views/recurrent/simulation";
import { weightsFor } from "../../../webview/views/recurrent/weights";
import { CheckedDoubles, referenceGradient } from "../core/backpropReference";

for (const kind of ["gru", "rnn", "lstm"] as const) {
  test(`${kind}, T = 500, H = 64, I = 16 random, "remember": the plain loop's bits where it met no subnormal`, () => {
    const inputs = presetInputs("random", 500, 16, 10, 1);
    const trace = traceOf(weightsFor("remember", kind, 64, 16, 1), inputs);
    const plain = new CheckedDoubles();
    const old = referenceGradient(trace, plain);
    const rescaled = gradientOfTrace(trace);
    let compared = 0;
    for (let t = 0; t < trace.steps; t++) {
      if (plain.subnormalsBy[t] > 0) continue;
      assert.ok(Object.is(rescaled[t], old[t]), `t=${t}: ${rescaled[t]} vs ${old[t]}`);
      compared++;
    }
    // The case is the one the rescaling is for: the plain loop met subnormals in it.
    assert.ok(plain.subnormals > 0, `${kind}: the plain loop met no subnormal`);
    assert.ok(compared > 40, `${kind}: only ${compared} steps without subnormals`);
  });
}

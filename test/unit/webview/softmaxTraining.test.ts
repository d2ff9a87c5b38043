// LogisticRegressionTrajectory trains from the nearest snapshot below the asked epoch count; its
// results must be trainLogisticRegression's own, bit for bit, whatever order the counts come in
// (a slider dragged up, down, across snapshots, a new problem in between).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { createRng, trainLogisticRegression } from "../../../src/core";
import {
  LogisticRegressionTrajectory,
  SNAPSHOT_EPOCHS,
} from "../../../webview/views/softmaxTraining";

function problem(seed: number, kind: "binary" | "multinomial") {
  const rng = createRng(seed);
  const classes = kind === "binary" ? 2 : 4;
  const points = Array.from({ length: 30 }, () => [rng.normal() * 2, rng.normal() * 2]);
  return {
    kind,
    points,
    labels: points.map(() => Math.floor(rng.next() * classes)),
    classes: kind === "binary" ? undefined : classes,
    learningRate: 0.3,
  };
}

test("every epoch count gives trainLogisticRegression's result", () => {
  const trajectory = new LogisticRegressionTrajectory();
  const counts = [200, 201, 202, 150, SNAPSHOT_EPOCHS, SNAPSHOT_EPOCHS + 1, 1, 500, 499, 64];
  for (const kind of ["multinomial", "binary"] as const) {
    for (const seed of [1, 2]) {
      const p = problem(seed, kind);
      for (const epochs of counts) {
        const expected = trainLogisticRegression({ ...p, epochs });
        const actual = trajectory.train(p, `${kind}|${seed}`, epochs);
        assert.deepEqual(actual, expected, `${kind}, seed ${seed}, ${epochs} epochs`);
      }
    }
  }
});

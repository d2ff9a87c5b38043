// numericTickLabel against Chart.js's own numeric tick formatter, which it replaces: Chart.js
// (node_modules/chart.js, Ticks.formatters.numeric) called as a scale calls it, with Node's
// Intl.NumberFormat, for the axes the Lab draws (spacings 1, 2, 2.5 and 5 × 10^k from 1e−6 to 1e5,
// ranges around zero and away from it) and the scientific ranges beyond 1e−4 and 1e15.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Ticks } from "chart.js";
import { numericTickLabel } from "../../../webview/charts/tickLabels";

const chartJs = (value: number, index: number, ticks: { value: number }[], locale: string) =>
  (
    Ticks.formatters.numeric as unknown as (
      this: unknown,
      value: number,
      index: number,
      ticks: { value: number }[],
    ) => string
  ).call({ chart: { options: { locale } }, options: { ticks: {} } }, value, index, ticks);

function axis(start: number, step: number, count: number): { value: number }[] {
  // As Chart.js builds them: start + i·step, rounded to the step's decimals.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Array.from({ length: count }, (_, i) => ({
    value: Number((start + i * step).toFixed(Math.min(20, decimals))),
  }));
}

test("labels the Lab's linear axes as Chart.js with Intl does, in English and Korean", () => {
  let compared = 0;
  for (let exponent = -6; exponent <= 5; exponent++) {
    for (const mantissa of [1, 2, 2.5, 5]) {
      const step = mantissa * 10 ** exponent;
      for (const startSteps of [-7, -3, 0, 4, 1234]) {
        const ticks = axis(startSteps * step, step, 9);
        for (const locale of ["en", "ko"]) {
          ticks.forEach((tick, index) => {
            assert.equal(
              numericTickLabel(tick.value, ticks),
              chartJs(tick.value, index, ticks, locale),
              `tick ${tick.value} of step ${step} (${locale})`,
            );
            compared++;
          });
        }
      }
    }
  }
  assert.ok(compared > 3000);
});

test("scientific labels past 1e15 and below 1e−4, a single tick, and the fraction of a step", () => {
  const cases: { value: number }[][] = [
    axis(0, 2e15, 5),
    axis(-3e16, 1e16, 7),
    axis(0, 2e-5, 5),
    [{ value: 0.75 }],
    [{ value: 1234.5 }],
    // Whole-number spacing with a tick between (Chart.js then counts the tick's fraction).
    [{ value: 1 }, { value: 2.5 }, { value: 4 }],
  ];
  for (const ticks of cases) {
    ticks.forEach((tick, index) => {
      assert.equal(numericTickLabel(tick.value, ticks), chartJs(tick.value, index, ticks, "en"));
    });
  }
});

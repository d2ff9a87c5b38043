// Tells whoever is watching (the speed benchmark, the e2e tests) that a view finished drawing.
// A counter on <body> for tests that poll, and an event with the time for the benchmark: both cost
// nothing when no one listens.
import type { ViewId } from "../src/shared/labState";

export interface RenderedDetail {
  view: ViewId;
  /** False while a long simulation is still filling the chart in. */
  complete: boolean;
  at: number;
}

let count = 0;

export function reportRendered(view: ViewId, complete = true): void {
  // The first chart on screen, as a performance mark: "time to first chart" in the benchmark.
  if (count === 0) performance.mark("lab:first-chart");
  count++;
  document.body.dataset.renders = String(count);
  document.body.dataset[`chart${view[0].toUpperCase()}${view.slice(1)}`] = complete
    ? "drawn"
    : "drawing";
  window.dispatchEvent(
    new CustomEvent<RenderedDetail>("lab:rendered", {
      detail: { view, complete, at: performance.now() },
    }),
  );
}

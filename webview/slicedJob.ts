// A computation too long for one frame, run in slices of SLICE_MS with the page's input and
// painting between them (nextTask). While it runs, a partial chart is drawn after the first slice
// and then at most every PARTIAL_CHART_MS — and only if the rest will take longer than
// PARTIAL_WORTH_MS: every redraw is a frame to lay out, raster and commit, which on a busy 2-core
// machine cost more than the drawing itself. A job whose `current()` turns false (newer input) stops.
import { nextTask } from "./nextTask";

/** Work done in one go before the page gets the thread back to draw and take input. */
export const SLICE_MS = 8;
/**
 * The first slice, run in the input event itself, may take most of a frame: a job that fits
 * (every default size) then finishes with one redraw instead of a partial one and a final one.
 */
export const FIRST_SLICE_MS = 12;
/**
 * A first slice that overruns (a busy machine, a collection) carries on if the rest looks shorter
 * than this: stopping would cost a partial redraw, a task, a frame and a final redraw — more than
 * finishing there and then.
 */
export const FIRST_SLICE_FINISH_MS = 6;
/** While a long computation runs, its chart shows the progress at most this often. */
export const PARTIAL_CHART_MS = 100;
/**
 * A partial chart only when the rest will take longer than this. A whole chart within ~100 ms of
 * the input reads as an immediate answer (the control itself shows its new value at once), and a
 * partial one delays it by a frame's work — ~14 ms at 200 layers × 36 in traces (Chart.js update
 * ~8, layout and paint ~2, waiting for the compositor's commit ~4). At 50 ms, a largest-size seed
 * change slowed by the other core's load drew a partial chart in its first slice and finished
 * later for it (first partial p95 39 ms, finished p95 59 ms).
 */
export const PARTIAL_WORTH_MS = 100;

export interface SlicedJob {
  /** False once newer input superseded this job: it stops without drawing. */
  current(): boolean;
  /** One unit of work; returns the share of the job done, in (0, 1]. */
  advance(): number;
  /**
   * True when the slice should end now whatever its time: the rest depends on a worker's
   * messages, which the page reads only between tasks.
   */
  yieldNow?(): boolean;
  /** Draws what is done so far. */
  drawPartial(): void;
  /** Draws the finished result. */
  drawComplete(): void;
}

/** Runs the first slice now (a small job finishes and draws synchronously), the rest in tasks. */
export function runSliced(job: SlicedJob): void {
  const started = performance.now();
  let lastDrawn = -Infinity;
  let drawQueued = false;
  let slices = 0;
  let finished = false;
  /** In the first slice only: whether the rest, at the pace so far, takes < FIRST_SLICE_FINISH_MS. */
  const finishesSoon = (done: number) =>
    slices === 0 && ((performance.now() - started) / done) * (1 - done) < FIRST_SLICE_FINISH_MS;
  const slice = () => {
    if (!job.current()) return;
    const sliceStart = performance.now();
    let done: number;
    const limit = slices === 0 ? FIRST_SLICE_MS : SLICE_MS;
    do done = job.advance();
    while (
      done < 1 &&
      !job.yieldNow?.() &&
      (performance.now() - sliceStart < limit || finishesSoon(done))
    );
    slices++;
    if (done >= 1) {
      finished = true;
      job.drawComplete();
      return;
    }
    const now = performance.now();
    const remainingMs = ((now - started) / done) * (1 - done);
    if (!drawQueued && remainingMs > PARTIAL_WORTH_MS && now - lastDrawn >= PARTIAL_CHART_MS) {
      drawQueued = true;
      const draw = () => {
        drawQueued = false;
        lastDrawn = performance.now();
        if (job.current() && !finished) job.drawPartial();
      };
      if (slices === 1) draw();
      else requestAnimationFrame(draw);
    }
    nextTask(slice);
  };
  slice();
}

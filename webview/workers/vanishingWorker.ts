// A Web Worker for the Vanishing gradients view at large sizes, on the second core: a network's
// gradient samples from the last one down while the page computes them from the first one up,
// and training runs whole (the page only draws). The same code as on the page (the math core,
// sampleSeed), so the same numbers, bit for bit. Between samples and steps the worker yields, so
// that a newer job or a stop ends the current one there.
import {
  NormalStream,
  StreamGradientNorms,
  type TrainDeepNetworkResult,
  startDeepNetworkTraining,
} from "../../src/core";
import { nextTask } from "../nextTask";
import { PARTIAL_WORTH_MS } from "../slicedJob";
import { sampleSeed } from "../views/vanishingSamples";
import {
  type GradientSamplesJob,
  type TrainingJob,
  type VanishingReply,
  readVanishingJob,
} from "./vanishingProtocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: VanishingReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/** Work done before the worker looks at its messages again. */
const TURN_MS = 8;
/** A training run's first progress report (as the page's first slice), then at most this often. */
const FIRST_REPORT_MS = 12;
const REPORT_EVERY_MS = 100;

/** The job being worked on; a newer job or a stop replaces it. */
let currentId = -1;
/** Sample s's normals for the current seed, kept as the page keeps its own. */
const streams: NormalStream[] = [];
const sampler = new StreamGradientNorms();

scope.onmessage = ({ data }) => {
  const job = readVanishingJob(data);
  if (typeof job === "string") {
    const id = (data as { id?: unknown } | null)?.id;
    scope.postMessage({ id: typeof id === "number" ? id : -1, kind: "error", error: job }, []);
    return;
  }
  if (job.kind === "stop") {
    // Only the job it names: a stop that crossed a newer job on the way ends nothing.
    if (currentId === job.id) currentId = -1;
    return;
  }
  currentId = job.id;
  if (job.kind === "gradients") runTurns(job.id, gradientSamples(job));
  else runTurns(job.id, training(job));
};

/** Runs a job's units of work TURN_MS at a time until it ends or another job replaces it. */
function runTurns(id: number, units: Iterator<void>): void {
  const turn = () => {
    if (currentId !== id) return;
    const started = performance.now();
    try {
      while (performance.now() - started < TURN_MS) {
        if (units.next().done) return;
        if (currentId !== id) return;
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      scope.postMessage({ id, kind: "error", error: message }, []);
      return;
    }
    nextTask(turn);
  };
  turn();
}

function* gradientSamples(job: GradientSamplesJob): Iterator<void> {
  for (let sample = job.samples - 1; sample >= job.lowest; sample--) {
    const wanted = sampleSeed(job.seed, sample);
    let stream = streams[sample];
    if (!stream) stream = streams[sample] = new NormalStream(wanted);
    else if (stream.seed !== wanted) stream.restart(wanted);
    const log10Norms = sampler.run(stream, job);
    scope.postMessage({ id: job.id, kind: "sample", sample, log10Norms }, [log10Norms.buffer]);
    yield;
  }
}

function* training(job: TrainingJob): Iterator<void> {
  const started = performance.now();
  const run = startDeepNetworkTraining(job);
  let reported = -Infinity;
  while (run.stepsDone < run.steps) {
    run.step();
    const now = performance.now();
    const remaining = ((now - started) / run.stepsDone) * (run.steps - run.stepsDone);
    const due = reported < 0 ? now - started >= FIRST_REPORT_MS : now - reported >= REPORT_EVERY_MS;
    // Progress only when the rest takes longer than PARTIAL_WORTH_MS, as on the page: every
    // partial chart costs the page a redraw, and one that comes just before the last delays it.
    if (run.stepsDone < run.steps && due && remaining > PARTIAL_WORTH_MS) {
      reported = now;
      post(job.id, false, run.result());
    }
    yield;
  }
  post(job.id, true, run.result());
}

/**
 * A partial result shares its rows with the run (copied on the way out); the last one's buffers
 * are handed over.
 */
function post(id: number, complete: boolean, result: TrainDeepNetworkResult): void {
  const transfer = complete
    ? [result.losses, ...result.updateNorms, ...result.relativeUpdates].map((array) => array.buffer)
    : [];
  scope.postMessage({ id, kind: "training", complete, result }, transfer);
}

// A Web Worker for the LSTM & GRU view: the other cells' gradients through time at large sizes,
// on the second core while the page computes and draws the chosen cell. The same code as on the
// page (cellTrace.ts, the math core), so the same numbers, bit for bit. Only the gradient goes
// back: the forward pass would be 1.5 MB a cell for the page to hold (and collect) at T = 500,
// H = 64, and the page makes it again, in ~6 ms, only if that cell is chosen.
// The page sends every job at once and the worker queues them, so that it goes from one cell to
// the next without waiting for the page (busy drawing) to read an answer and send the next job.
// It runs one job per task: a cancel sent meanwhile is read before the next job starts. It says
// when it starts one, so that the page, idle before the worker is done, may take back a job still
// waiting here and compute it itself (a GRU's backward pass through subnormal numbers can take
// three times its usual time, and then the RNN waiting behind it is better done on the page).
import { gradientOfTrace } from "../../src/core";
import { traceOf } from "../views/recurrent/cellTrace";
import {
  type GradientJob,
  type GradientReply,
  type GradientStarted,
  readGradientCancel,
  readGradientJob,
} from "./recurrentProtocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: GradientReply | GradientStarted, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const waiting: GradientJob[] = [];
/** A message to itself runs the next job in a task of its own (setTimeout would clamp to 4 ms). */
const nextJob = new MessageChannel();
let scheduled = false;

function schedule(): void {
  if (scheduled || waiting.length === 0) return;
  scheduled = true;
  nextJob.port2.postMessage(null);
}

nextJob.port1.onmessage = () => {
  scheduled = false;
  const job = waiting.shift();
  if (job) run(job);
  schedule();
};

scope.onmessage = ({ data }) => {
  const cancel = readGradientCancel(data);
  if (cancel) {
    for (let k = waiting.length - 1; k >= 0; k--) {
      if (cancel.includes(waiting[k].id)) waiting.splice(k, 1);
    }
    return;
  }
  const job = readGradientJob(data);
  if (typeof job === "string") {
    const id = (data as { id?: unknown } | null)?.id;
    scope.postMessage({ id: typeof id === "number" ? id : -1, error: job }, []);
    return;
  }
  waiting.push(job);
  schedule();
};

function run({ id, weights, inputs }: GradientJob): void {
  // From here on the page no longer takes this job back to compute it itself.
  scope.postMessage({ started: id }, []);
  try {
    const gradient = gradientOfTrace(traceOf(weights, inputs));
    scope.postMessage({ id, gradient }, [gradient.buffer]);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }, []);
  }
}

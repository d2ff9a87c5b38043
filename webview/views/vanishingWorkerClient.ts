// The page's side of the Vanishing gradients worker (webview/workers/vanishingWorker.ts), started
// from dist/webview/vanishingWorker.js beside main.js: fetched and started from a blob: URL, as
// the LSTM & GRU view's worker is (a webview's scripts come from another origin than the page, and
// a Worker must be same-origin). It is started by the first large job, which the page then does
// alone, and takes its share from the next one on. If it cannot start or fails, the job's onFail
// runs and the page computes everything itself — slower, same numbers.
// One job at a time: a new one replaces the last, which the worker ends at its next turn.
import type { TrainDeepNetworkResult } from "../../src/core";
import {
  type GradientSamplesJob,
  type NetworkShape,
  type TrainingJob,
  readVanishingReply,
} from "../workers/vanishingProtocol";
import { warn } from "../vscodeApi";
import { besidePageScript, startBlobWorker } from "../workers/blobWorker";

/** Where the worker's script is: beside the page's own script (only known while it first runs). */
const scriptUrl = besidePageScript("vanishingWorker.js");

interface Pending {
  job: GradientSamplesJob | TrainingJob;
  onSample?: (sample: number, log10Norms: Float64Array) => void;
  onTraining?: (result: TrainDeepNetworkResult, complete: boolean) => void;
  onFail: () => void;
}

export class VanishingWorker {
  #worker: Worker | undefined;
  #state: "idle" | "starting" | "ready" | "failed" =
    scriptUrl && typeof Worker !== "undefined" ? "idle" : "failed";
  #pending: Pending | undefined;
  #nextId = 1;

  /** Whether jobs can go to the worker now; if it was never started, this starts it. */
  ready(): boolean {
    if (this.#state === "idle") void this.#start();
    return this.#state === "ready";
  }

  /** Samples samples − 1 down to `lowest`, each reported as it is done. */
  gradients(
    shape: NetworkShape,
    samples: number,
    lowest: number,
    onSample: (sample: number, log10Norms: Float64Array) => void,
    onFail: () => void,
  ): void {
    const job: GradientSamplesJob = {
      id: this.#nextId++,
      kind: "gradients",
      ...shape,
      samples,
      lowest,
    };
    this.#send({ job, onSample, onFail });
  }

  /** A whole training run, reported in progress (partial) and at its end (complete). */
  training(
    options: Omit<TrainingJob, "id" | "kind">,
    onTraining: (result: TrainDeepNetworkResult, complete: boolean) => void,
    onFail: () => void,
  ): void {
    const job: TrainingJob = { id: this.#nextId++, kind: "training", ...options };
    this.#send({ job, onTraining, onFail });
  }

  /** Ends the current job: the page has what it needs, or wants something else. */
  stop(): void {
    if (!this.#pending) return;
    this.#worker?.postMessage({ id: this.#pending.job.id, kind: "stop" });
    this.#pending = undefined;
  }

  #send(pending: Pending): void {
    if (this.#state !== "ready") {
      pending.onFail();
      return;
    }
    this.#pending = pending;
    this.#worker!.postMessage(pending.job);
  }

  async #start(): Promise<void> {
    this.#state = "starting";
    try {
      const worker = await startBlobWorker(scriptUrl!);
      worker.onmessage = (event: MessageEvent<unknown>) => this.#answered(event.data);
      worker.onerror = (event) => this.#fail(`vanishing worker: ${event.message}`);
      this.#worker = worker;
      this.#state = "ready";
      // For the tests: whether the large networks really are computed off the page too.
      document.body.dataset.vanishingWorker = "ready";
    } catch (error) {
      this.#fail(`vanishing worker did not start: ${String(error)}`);
    }
  }

  #answered(data: unknown): void {
    const pending = this.#pending;
    if (!pending) return;
    const reply = readVanishingReply(data, pending.job);
    // A stale job's message is dropped; a malformed answer ends the job, which the page then
    // finishes itself.
    if (reply === undefined) return;
    if (typeof reply === "string" || reply.kind === "error") {
      warn(typeof reply === "string" ? reply : reply.error);
      this.#pending = undefined;
      pending.onFail();
      return;
    }
    if (reply.kind === "sample") pending.onSample?.(reply.sample, reply.log10Norms);
    else {
      if (reply.complete) this.#pending = undefined;
      pending.onTraining?.(reply.result, reply.complete);
    }
  }

  #fail(message: string): void {
    warn(message);
    this.#state = "failed";
    document.body.dataset.vanishingWorker = "failed";
    this.#worker?.terminate();
    this.#worker = undefined;
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.onFail();
  }
}

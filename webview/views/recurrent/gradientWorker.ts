// The page's side of the gradient worker (webview/workers/recurrentWorker.ts). The worker is
// started on first use from dist/webview/recurrentWorker.js, beside main.js: fetched and started
// from a blob: URL, because a webview's scripts come from another origin than the page and a
// Worker must be same-origin. If it cannot start (or fails), every job is answered with
// `undefined` and the view computes on the page instead — slower, same numbers.
// One job is in the worker at a time; jobs not yet sent are replaced by each new setting's, so a
// dragged slider does not leave a queue of stale work behind it.
import type { RecurrentTrace } from "../../../src/core";
import { type GradientJob, readGradientReply } from "../../workers/recurrentProtocol";
import { warn } from "../../vscodeApi";
import type { InputSequence } from "./inputs";
import type { CellWeights } from "./weights";

export interface WorkerJob {
  /** The CellResults key the answer is for. */
  key: string;
  weights: CellWeights;
  inputs: InputSequence;
}

export type WorkerAnswer = { trace: RecurrentTrace; gradient: Float64Array } | undefined;

/** Where the worker's script is: beside the page's own script (only known while it first runs). */
const scriptUrl = (() => {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  return src ? new URL("recurrentWorker.js", src).href : undefined;
})();

export class GradientWorker {
  readonly #onAnswer: (key: string, answer: WorkerAnswer) => void;
  #worker: Worker | undefined;
  #state: "idle" | "starting" | "ready" | "failed" =
    scriptUrl && typeof Worker !== "undefined" ? "idle" : "failed";
  #queue: WorkerJob[] = [];
  #inFlight: { message: GradientJob; job: WorkerJob } | undefined;
  #nextId = 1;

  constructor(onAnswer: (key: string, answer: WorkerAnswer) => void) {
    this.#onAnswer = onAnswer;
  }

  /** False once the worker could not start: the caller computes everything itself. */
  get usable(): boolean {
    return this.#state !== "failed";
  }

  /** Whether a job for `key` is in the worker or waiting for it. */
  has(key: string): boolean {
    return this.#inFlight?.job.key === key || this.#queue.some((job) => job.key === key);
  }

  /** Takes back the last job not yet sent (the page has time for it); false if there is none. */
  takeWaiting(): boolean {
    return this.#queue.pop() !== undefined;
  }

  /** These jobs replace the ones not yet sent; one already in the worker finishes. */
  submit(jobs: WorkerJob[]): void {
    this.#queue = jobs.filter((job) => job.key !== this.#inFlight?.job.key);
    if (this.#queue.length === 0) return;
    if (this.#state === "idle") void this.#start();
    else this.#pump();
  }

  async #start(): Promise<void> {
    this.#state = "starting";
    try {
      const response = await fetch(scriptUrl!);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const url = URL.createObjectURL(await response.blob());
      const worker = new Worker(url);
      worker.onmessage = (event: MessageEvent<unknown>) => this.#answered(event.data);
      worker.onerror = () => this.#fail();
      this.#worker = worker;
      this.#state = "ready";
      // For the tests: whether the gradients really are computed off the page.
      document.body.dataset.recurrentWorker = "ready";
      this.#pump();
    } catch {
      this.#fail();
    }
  }

  #pump(): void {
    if (this.#state !== "ready" || this.#inFlight || this.#queue.length === 0) return;
    const job = this.#queue.shift()!;
    const id = this.#nextId++;
    const message: GradientJob = { id, weights: job.weights, inputs: job.inputs };
    this.#inFlight = { message, job };
    this.#worker!.postMessage(message);
  }

  #answered(data: unknown): void {
    const inFlight = this.#inFlight;
    if (!inFlight) return;
    const reply = readGradientReply(data, inFlight.message);
    // A stale or stray message leaves the job in flight; a malformed answer to it counts as a
    // failed job, which the page then computes itself.
    if (reply === undefined) return;
    this.#inFlight = undefined;
    this.#pump();
    if (typeof reply === "string" || "error" in reply) {
      warn(typeof reply === "string" ? reply : reply.error);
      this.#onAnswer(inFlight.job.key, undefined);
      return;
    }
    this.#onAnswer(inFlight.job.key, { trace: reply.trace, gradient: reply.gradient });
  }

  #fail(): void {
    this.#state = "failed";
    document.body.dataset.recurrentWorker = "failed";
    this.#worker?.terminate();
    this.#worker = undefined;
    const left = [...(this.#inFlight ? [this.#inFlight.job] : []), ...this.#queue];
    this.#inFlight = undefined;
    this.#queue = [];
    for (const job of left) this.#onAnswer(job.key, undefined);
  }
}

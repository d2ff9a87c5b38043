// The page's side of the gradient worker (webview/workers/recurrentWorker.ts). The worker is
// started on first use from dist/webview/recurrentWorker.js, beside main.js: fetched and started
// from a blob: URL, because a webview's scripts come from another origin than the page and a
// Worker must be same-origin. If it cannot start (or fails), every job is answered with
// `undefined` and the view computes on the page instead — slower, same numbers.
// Every job is sent at once (the worker queues them and goes from one to the next without waiting
// for the page); jobs sent for an older setting and not wanted by the new one are cancelled, so a
// dragged slider does not leave a queue of stale work behind it.
import {
  type GradientCancel,
  type GradientJob,
  readGradientReply,
  readGradientStarted,
} from "../../workers/recurrentProtocol";
import { warn } from "../../vscodeApi";
import { besidePageScript, startBlobWorker } from "../../workers/blobWorker";
import type { InputSequence } from "./inputs";
import type { CellWeights } from "./weights";

export interface WorkerJob {
  /** The CellResults key the answer is for. */
  key: string;
  weights: CellWeights;
  inputs: InputSequence;
}

/** A cell's gradient through time, or undefined if the worker could not compute it. */
export type WorkerAnswer = Float64Array | undefined;

/** Where the worker's script is: beside the page's own script (only known while it first runs). */
const scriptUrl = besidePageScript("recurrentWorker.js");

export class GradientWorker {
  readonly #onAnswer: (key: string, answer: WorkerAnswer) => void;
  #worker: Worker | undefined;
  #state: "idle" | "starting" | "ready" | "failed" =
    scriptUrl && typeof Worker !== "undefined" ? "idle" : "failed";
  /** Jobs waiting for the worker to start. */
  #queue: WorkerJob[] = [];
  /** Jobs sent and not yet answered, by message id. */
  readonly #sent = new Map<number, { message: GradientJob; job: WorkerJob }>();
  /** Ids of sent jobs the worker has said it started. */
  readonly #started = new Set<number>();
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
    return (
      this.#queue.some((job) => job.key === key) ||
      [...this.#sent.values()].some(({ job }) => job.key === key)
    );
  }

  /**
   * These jobs replace the earlier ones: a job already sent for the same key stays (its answer is
   * on its way), a job sent for a key no longer wanted is cancelled (the worker drops it unless it
   * has started it; an answer that comes anyway is ignored).
   */
  submit(jobs: WorkerJob[]): void {
    const wanted = new Set(jobs.map((job) => job.key));
    const stale = [...this.#sent].filter(([, { job }]) => !wanted.has(job.key));
    if (stale.length > 0) {
      for (const [id] of stale) {
        this.#sent.delete(id);
        this.#started.delete(id);
      }
      const cancel: GradientCancel = { cancel: stale.map(([id]) => id) };
      this.#worker?.postMessage(cancel);
    }
    this.#queue = jobs.filter(
      (job) => ![...this.#sent.values()].some((sent) => sent.job.key === job.key),
    );
    if (this.#queue.length === 0) return;
    if (this.#state === "idle") void this.#start();
    else this.#pump();
  }

  /**
   * The last job sent that the worker has not started yet, cancelled, for the page to compute
   * itself: called when the page has nothing else to do but wait, so the page begins it at once,
   * while the worker would begin it only after the job in hand. Returns its key, or undefined when
   * every job left is started. (If the worker starts it before the cancel arrives, its answer is
   * ignored: the page's own numbers are the same.)
   */
  takeBack(): string | undefined {
    const waiting = [...this.#sent].filter(([id]) => !this.#started.has(id));
    if (waiting.length === 0) return undefined;
    const [id, { job }] = waiting[waiting.length - 1];
    this.#sent.delete(id);
    const cancel: GradientCancel = { cancel: [id] };
    this.#worker?.postMessage(cancel);
    return job.key;
  }

  async #start(): Promise<void> {
    this.#state = "starting";
    try {
      const worker = await startBlobWorker(scriptUrl!);
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

  /** Sends every job waiting: the worker queues them. */
  #pump(): void {
    if (this.#state !== "ready") return;
    for (const job of this.#queue) {
      const id = this.#nextId++;
      const message: GradientJob = { id, weights: job.weights, inputs: job.inputs };
      this.#sent.set(id, { message, job });
      this.#worker!.postMessage(message);
    }
    this.#queue = [];
  }

  #answered(data: unknown): void {
    const started = readGradientStarted(data);
    if (started !== undefined) {
      if (this.#sent.has(started)) this.#started.add(started);
      return;
    }
    const id = (data as { id?: unknown } | null)?.id;
    const sent = typeof id === "number" ? this.#sent.get(id) : undefined;
    // A cancelled job's answer, or a stray message: nothing is waiting for it.
    if (!sent) return;
    const reply = readGradientReply(data, sent.message);
    if (reply === undefined) return;
    this.#sent.delete(sent.message.id);
    this.#started.delete(sent.message.id);
    // A malformed answer counts as a failed job, which the page then computes itself.
    if (typeof reply === "string" || "error" in reply) {
      warn(typeof reply === "string" ? reply : reply.error);
      this.#onAnswer(sent.job.key, undefined);
      return;
    }
    this.#onAnswer(sent.job.key, reply.gradient);
  }

  #fail(): void {
    this.#state = "failed";
    document.body.dataset.recurrentWorker = "failed";
    this.#worker?.terminate();
    this.#worker = undefined;
    const left = [...[...this.#sent.values()].map(({ job }) => job), ...this.#queue];
    this.#sent.clear();
    this.#started.clear();
    this.#queue = [];
    for (const job of left) this.#onAnswer(job.key, undefined);
  }
}

// A Web Worker for the LSTM & GRU view: the other cells' gradients through time at large sizes,
// on the second core while the page computes and draws the chosen cell. The same code as on the
// page (cellTrace.ts, the math core), so the same numbers, bit for bit. The trace's buffers are
// transferred back, not copied: the page keeps them for when that cell is chosen.
import { gradientOfTrace } from "../../src/core";
import { traceOf } from "../views/recurrent/cellTrace";
import { type GradientReply, readGradientJob } from "./recurrentProtocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: GradientReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  const job = readGradientJob(data);
  if (typeof job === "string") {
    const id = (data as { id?: unknown } | null)?.id;
    scope.postMessage({ id: typeof id === "number" ? id : -1, error: job }, []);
    return;
  }
  const { id, weights, inputs } = job;
  try {
    const trace = traceOf(weights, inputs);
    const gradient = gradientOfTrace(trace);
    const transfer = [trace.outputs, trace.cells, trace.gates, trace.hiddenCandidate, gradient].map(
      (array) => array.buffer,
    );
    scope.postMessage({ id, trace, gradient }, transfer);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }, []);
  }
};

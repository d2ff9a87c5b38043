// The page's side of the conversation: typed postMessage, setState/getState, and validated input.
import {
  type FromWebview,
  type ToWebview,
  MessageType,
  parseToWebview,
} from "../src/shared/protocol";

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function send(message: FromWebview): void {
  api.postMessage(message);
}

export function warn(message: string): void {
  send({ type: MessageType.Log, level: "warn", message });
}

export function savedState(): unknown {
  return api.getState();
}

export function saveState(state: unknown): void {
  api.setState(state);
}

/** Listens for host messages; anything that does not parse is logged back to the host and dropped. */
export function onHostMessage(handler: (message: ToWebview) => void): void {
  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    const parsed = parseToWebview(event.data);
    if (parsed.ok) handler(parsed.message);
    else warn(`ignored a host message: ${parsed.error}`);
  });
}

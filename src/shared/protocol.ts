// Typed messages between the extension host and the Lab webview, and the start the host writes into
// the page's HTML. Both sides import this file and validate what they receive with the parse
// functions below: a message is data from another process, never trusted by its type alone.
// Messages carry settings and intents, not arrays of numbers — the page computes everything itself
// with src/core.
import {
  type LabIntent,
  type LabState,
  defaultLabState,
  sanitizeIntent,
  sanitizeLabState,
} from "./labState";
import { isRecord } from "./guards";

export const enum MessageType {
  // webview → host
  Ready = "ready",
  Export = "export",
  Log = "log",
  // host → webview
  Apply = "apply",
  ExportDone = "exportDone",
}

export type ExportFormat = "png" | "csv" | "py";

/** The page has loaded and listens: intents that came after its HTML was written follow as Apply. */
export interface ReadyRequest {
  type: MessageType.Ready;
}

/** Save a chart, its data or a reproducing PyTorch script through the host's save dialog. */
export interface ExportRequest {
  type: MessageType.Export;
  format: ExportFormat;
  suggestedName: string;
  /** Text (CSV, Python) or a data: URL (PNG). */
  content: string;
}

/** A warning from the page, written to the host's log channel. */
export interface LogMessage {
  type: MessageType.Log;
  level: "info" | "warn" | "error";
  message: string;
}

/** Show something new in a panel that is already open (a hover link, a CodeLens). */
export interface ApplyMessage {
  type: MessageType.Apply;
  intent: LabIntent;
}

/** How an export ended, so the page can say so. */
export interface ExportDoneMessage {
  type: MessageType.ExportDone;
  format: ExportFormat;
  outcome: "saved" | "cancelled" | "failed";
  detail?: string;
}

export type FromWebview = ReadyRequest | ExportRequest | LogMessage;
export type ToWebview = ApplyMessage | ExportDoneMessage;

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: string };

/** Exports bigger than this are refused: a PNG of a panel is a few hundred KB. */
export const MAX_EXPORT_BYTES = 20 * 1024 * 1024;
const EXPORT_FORMATS: readonly ExportFormat[] = ["png", "csv", "py"];
const FILE_NAME = /^[\w.-]{1,100}$/;

export function parseFromWebview(data: unknown): Parsed<FromWebview> {
  if (!isRecord(data) || typeof data.type !== "string") {
    return { ok: false, error: "message is not an object with a string `type`" };
  }
  switch (data.type) {
    case MessageType.Ready:
      return { ok: true, message: { type: MessageType.Ready } };
    case MessageType.Export: {
      const { format, suggestedName, content } = data;
      if (typeof format !== "string" || !EXPORT_FORMATS.includes(format as ExportFormat)) {
        return { ok: false, error: `export: format must be one of ${EXPORT_FORMATS.join(", ")}` };
      }
      if (typeof suggestedName !== "string" || !FILE_NAME.test(suggestedName)) {
        return { ok: false, error: "export: suggestedName must be a plain file name" };
      }
      if (typeof content !== "string" || content.length > MAX_EXPORT_BYTES) {
        return {
          ok: false,
          error: `export: content must be a string under ${MAX_EXPORT_BYTES} bytes`,
        };
      }
      if (format === "png" && !content.startsWith("data:image/png;base64,")) {
        return { ok: false, error: "export: png content must be a data:image/png;base64 URL" };
      }
      return {
        ok: true,
        message: {
          type: MessageType.Export,
          format: format as ExportFormat,
          suggestedName,
          content,
        },
      };
    }
    case MessageType.Log: {
      const level = data.level;
      if (level !== "info" && level !== "warn" && level !== "error") {
        return { ok: false, error: "log: level must be info, warn or error" };
      }
      if (typeof data.message !== "string")
        return { ok: false, error: "log: message must be a string" };
      return {
        ok: true,
        message: { type: MessageType.Log, level, message: data.message.slice(0, 2000) },
      };
    }
    default:
      return { ok: false, error: `unknown message type ${JSON.stringify(data.type).slice(0, 40)}` };
  }
}

export function parseToWebview(data: unknown): Parsed<ToWebview> {
  if (!isRecord(data) || typeof data.type !== "string") {
    return { ok: false, error: "message is not an object with a string `type`" };
  }
  switch (data.type) {
    case MessageType.Apply: {
      const { intent, problems } = sanitizeIntent(data.intent);
      if (Object.keys(intent).length === 0 && problems.length > 0) {
        return { ok: false, error: `apply: ${problems.join("; ")}` };
      }
      return { ok: true, message: { type: MessageType.Apply, intent } };
    }
    case MessageType.ExportDone: {
      const { format, outcome, detail } = data;
      if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
        return { ok: false, error: "exportDone: unknown format" };
      }
      if (outcome !== "saved" && outcome !== "cancelled" && outcome !== "failed") {
        return { ok: false, error: "exportDone: unknown outcome" };
      }
      return {
        ok: true,
        message: {
          type: MessageType.ExportDone,
          format: format as ExportFormat,
          outcome,
          detail: typeof detail === "string" ? detail.slice(0, 500) : undefined,
        },
      };
    }
    default:
      return { ok: false, error: `unknown message type ${JSON.stringify(data.type).slice(0, 40)}` };
  }
}

/** The id of the <script type="application/json"> that holds the page's start (LabStart). */
export const LAB_START_ELEMENT_ID = "sigmoid-lab-start";

/**
 * What a new page starts from: the state the host has (the defaults, or what the serializer
 * restored) and the intent of the command that opened it. The host writes it into the page's HTML
 * beside the words, so the page draws its first chart as soon as its script has run, instead of
 * asking with Ready and waiting for an answer through the extension host (20–90 ms in code-server).
 */
export interface LabStart {
  state: LabState;
  intent: LabIntent;
}

/** `start` as the text of a <script type="application/json">: every `<` escaped, so nothing in it
 * can end or change the element. */
export function labStartScriptText(start: LabStart): string {
  return JSON.stringify(start).replace(/</g, "\\u003c");
}

/**
 * The start in the page's HTML (the text of its #sigmoid-lab-start element), validated like a
 * message: a missing, malformed or out-of-range part falls back to the defaults, and `problems`
 * names each one for the log.
 */
export function parseLabStart(text: string | null | undefined): {
  start: LabStart;
  problems: string[];
} {
  const defaults = (problem: string) => ({
    start: { state: defaultLabState(), intent: {} },
    problems: [`${problem}; starting from the defaults`],
  });
  if (text == null) return defaults(`the page has no #${LAB_START_ELEMENT_ID}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return defaults(`#${LAB_START_ELEMENT_ID} is not JSON (${String(error)})`);
  }
  if (!isRecord(data)) return defaults(`#${LAB_START_ELEMENT_ID} is not an object`);
  const state = sanitizeLabState(data.state);
  const intent = sanitizeIntent(data.intent ?? {});
  return {
    start: { state: state.state, intent: intent.intent },
    problems: [
      ...state.problems.map((problem) => `start state: ${problem}`),
      ...intent.problems.map((problem) => `start intent: ${problem}`),
    ],
  };
}

// Typed messages between the extension host and the Lab webview. Both sides import this file and
// validate what they receive with the parse functions below: a message is data from another
// process, never trusted by its type alone. Messages carry settings and intents, not arrays of
// numbers — the page computes everything itself with src/core.
import { type LabIntent, type LabState, sanitizeIntent, sanitizeLabState } from "./labState";
import { isRecord } from "./guards";

export const enum MessageType {
  // webview → host
  Ready = "ready",
  Export = "export",
  Log = "log",
  // host → webview
  Init = "init",
  Apply = "apply",
  ExportDone = "exportDone",
}

export type ExportFormat = "png" | "csv" | "py";

/** The page has loaded and asks for its starting state (the webview starts the conversation). */
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

/** The answer to Ready: the state to show, and the UI language. */
export interface InitMessage {
  type: MessageType.Init;
  state: LabState;
  intent: LabIntent;
  locale: string;
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
export type ToWebview = InitMessage | ApplyMessage | ExportDoneMessage;

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
    case MessageType.Init: {
      const { state } = sanitizeLabState(data.state);
      const { intent } = sanitizeIntent(data.intent ?? {});
      const locale = typeof data.locale === "string" ? data.locale.slice(0, 20) : "en";
      return { ok: true, message: { type: MessageType.Init, state, intent, locale } };
    }
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

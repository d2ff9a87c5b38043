// The extension's one log channel (host code never writes to the console).
import * as vscode from "vscode";

let channel: vscode.LogOutputChannel | undefined;

export function createLog(): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel("Sigmoid Lab", { log: true });
  return channel;
}

export const log = {
  info: (message: string) => channel?.info(message),
  warn: (message: string) => channel?.warn(message),
  error: (message: string) => channel?.error(message),
};

// What every view of the panel provides to the shell in main.ts.
import type { LabState } from "../src/shared/labState";
import type { ThemeColors } from "./theme";

export interface ExportPayload {
  suggestedName: string;
  content: string;
}

export interface LabView {
  readonly id: LabState["view"];
  readonly title: string;
  readonly root: HTMLElement;
  /** Shows `state` (after a restore or an intent); must not write the state back. */
  render(state: LabState): void;
  applyTheme(theme: ThemeColors): void;
  exportPng(): ExportPayload;
  exportCsv(): ExportPayload;
  exportScript(): ExportPayload;
}

/** How a view reports that the user changed something. */
export type StateUpdate = (update: (state: LabState) => LabState, note?: string) => void;

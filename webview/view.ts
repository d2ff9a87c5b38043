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
  /**
   * Shows `state` (after a change, a restore or an intent); must not write the state back. Calls
   * reportRendered when its chart is drawn. `force` redraws everything (after a theme change).
   */
  render(state: LabState, force?: boolean): void;
  applyTheme(theme: ThemeColors): void;
  /** Shows a note from the last change (a value that had to be clamped), or clears it. */
  showNote(note: string | undefined): void;
  exportPng(): ExportPayload;
  exportCsv(): ExportPayload;
  exportScript(): ExportPayload;
}

/** How a view reports that the user changed something, with the note to show if it was clamped. */
export type StateUpdate = (update: (state: LabState) => LabState, note?: string) => void;

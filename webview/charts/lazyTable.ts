// A chart's data-table fallback (a collapsed <details>) is filled only when someone opens it: a
// 200-row table rebuilt on every slider step cost more than the chart's redraw, for a table that is
// usually closed. Screen readers and keyboard users open it like anyone else, and then it is filled
// before it is shown (the toggle event fires before the next paint).
import { fillTable } from "../dom";

export class LazyTable {
  private pending: (() => { headers: string[]; rows: string[][] }) | undefined;

  constructor(
    private readonly table: HTMLTableElement,
    private readonly details: HTMLElement,
  ) {
    details.addEventListener("toggle", () => this.flush());
  }

  /** The table's contents from now on, built when the table is (or next becomes) visible. */
  set(contents: () => { headers: string[]; rows: string[][] }): void {
    this.pending = contents;
    this.flush();
  }

  private flush(): void {
    if (!this.pending || !(this.details as HTMLDetailsElement).open) return;
    const { headers, rows } = this.pending();
    this.pending = undefined;
    fillTable(this.table, headers, rows);
  }
}

// A view built the first time it is shown: the page starts by constructing only the view it opens
// on, so a panel opened on Activations does not pay for the other views' charts and controls.
import type { LabState } from "../src/shared/labState";
import { h } from "./dom";
import type { ThemeColors } from "./theme";
import type { ExportPayload, LabView } from "./view";

export class LazyView implements LabView {
  readonly root: HTMLElement;
  private view: LabView | undefined;
  private theme: ThemeColors | undefined;

  constructor(
    readonly id: LabState["view"],
    readonly title: string,
    private readonly create: () => LabView,
  ) {
    this.root = h("section", { class: "lazy-view" });
  }

  private get built(): LabView {
    if (!this.view) {
      this.view = this.create();
      if (this.theme) this.view.applyTheme(this.theme);
      this.root.append(this.view.root);
    }
    return this.view;
  }

  render(state: LabState, force?: boolean): void {
    this.built.render(state, force);
  }

  applyTheme(theme: ThemeColors): void {
    this.theme = theme;
    this.view?.applyTheme(theme);
  }

  showNote(note: string | undefined): void {
    this.view?.showNote(note);
  }

  exportPng(): ExportPayload {
    return this.built.exportPng();
  }

  exportCsv(): ExportPayload {
    return this.built.exportCsv();
  }

  exportScript(): ExportPayload {
    return this.built.exportScript();
  }
}

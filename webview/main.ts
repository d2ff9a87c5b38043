// The Lab page: asks the host for its starting state, shows one tab per view, keeps the one state
// object, saves it with setState after every change, and recolours on theme switches.
import {
  type LabIntent,
  type LabState,
  type ViewId,
  applyIntent,
  defaultLabState,
  sanitizeLabState,
} from "../src/shared/labState";
import { MessageType, type ToWebview } from "../src/shared/protocol";
import { applyThemeDefaults } from "./charts/chartSetup";
import { h } from "./dom";
import { readTheme, watchTheme } from "./theme";
import type { LabView } from "./view";
import { ActivationsView } from "./views/activations";
import { onHostMessage, saveState, savedState, send, warn } from "./vscodeApi";

let state: LabState = defaultLabState();
const views: LabView[] = [];
const tabs = new Map<ViewId, HTMLButtonElement>();
const status = h("p", { class: "status", role: "status" });

function setState(next: LabState): void {
  state = next;
  saveState(state);
  show();
}

const activations = new ActivationsView((update, note) => {
  activations.showNote(note);
  setState(update(state));
});
views.push(activations);

function show(): void {
  for (const view of views) {
    const selected = view.id === state.view;
    view.root.hidden = !selected;
    const tab = tabs.get(view.id)!;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected) view.render(state);
  }
}

function buildShell(): HTMLElement {
  const tablist = h("div", { role: "tablist", "aria-label": "Sigmoid Lab views", class: "tabs" });
  for (const view of views) {
    const tab = h(
      "button",
      { role: "tab", id: `tab-${view.id}`, "aria-controls": `view-${view.id}`, type: "button" },
      view.title,
    );
    view.root.id = `view-${view.id}`;
    view.root.setAttribute("role", "tabpanel");
    view.root.setAttribute("aria-labelledby", tab.id);
    tab.addEventListener("click", () => setState({ ...state, view: view.id }));
    tab.addEventListener("keydown", (event) => {
      const order = views.map((v) => v.id);
      const at = order.indexOf(view.id);
      const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (step === 0) return;
      const next = order[(at + step + order.length) % order.length];
      setState({ ...state, view: next });
      tabs.get(next)!.focus();
    });
    tabs.set(view.id, tab);
    tablist.append(tab);
  }
  const exportBar = h(
    "div",
    { class: "export", role: "group", "aria-label": "Export" },
    exportButton("PNG", "png"),
    exportButton("CSV", "csv"),
    exportButton("PyTorch script", "py"),
  );
  return h("main", {}, h("header", {}, tablist, exportBar), ...views.map((v) => v.root), status);
}

function exportButton(label: string, format: "png" | "csv" | "py"): HTMLButtonElement {
  const button = h("button", { type: "button", class: "secondary" }, `Export ${label}`);
  button.addEventListener("click", () => {
    const view = views.find((v) => v.id === state.view)!;
    const payload =
      format === "png"
        ? view.exportPng()
        : format === "csv"
          ? view.exportCsv()
          : view.exportScript();
    send({ type: MessageType.Export, format, ...payload });
  });
  return button;
}

function start(initial: LabState, intent: LabIntent): void {
  setState(applyIntent(initial, intent));
  // Chart.js draws synchronously with animation off; the next frame has it on screen.
  requestAnimationFrame(() => {
    document.body.dataset.ready = "true";
  });
}

function onMessage(message: ToWebview): void {
  switch (message.type) {
    case MessageType.Init: {
      // After the panel was hidden and shown again the page reloads: its own saved state is newer
      // than what the host restored when the panel was created.
      const own = savedState();
      const { state: restored, problems } =
        own === undefined ? { state: message.state, problems: [] } : sanitizeLabState(own);
      for (const problem of problems) warn(`saved state: ${problem}`);
      start(restored, message.intent);
      return;
    }
    case MessageType.Apply:
      setState(applyIntent(state, message.intent));
      return;
    case MessageType.ExportDone:
      status.textContent =
        message.outcome === "saved"
          ? `Saved ${message.detail ?? ""}`
          : message.outcome === "failed"
            ? `Export failed: ${message.detail ?? "unknown error"}`
            : "";
      return;
  }
}

const theme = readTheme();
applyThemeDefaults(theme);
document.getElementById("app")!.append(buildShell());
for (const view of views) view.applyTheme(theme);
watchTheme((next) => {
  applyThemeDefaults(next);
  for (const view of views) view.applyTheme(next);
});
onHostMessage(onMessage);
send({ type: MessageType.Ready });

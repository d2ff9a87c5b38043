// The Lab page: starts from the state in its HTML (or its own saved state), shows one tab per view,
// keeps the one state object, saves it with setState after every change, and recolours on theme
// switches.
import {
  type LabIntent,
  type LabState,
  type ViewId,
  applyIntent,
  defaultLabState,
  sanitizeLabState,
} from "../src/shared/labState";
import {
  LAB_START_ELEMENT_ID,
  MessageType,
  type ToWebview,
  parseLabStart,
} from "../src/shared/protocol";
import { mlpKernelsAvailable, recurrentKernelsAvailable } from "../src/core";
import { applyThemeDefaults } from "./charts/chartSetup";
import { h } from "./dom";
import { t, wordProblems } from "./i18n";
import { readTheme, watchTheme } from "./theme";
import { LazyView } from "./lazyView";
import type { LabView, StateUpdate } from "./view";
import { ActivationsView } from "./views/activations";
import { RecurrentView } from "./views/recurrent";
import { SoftmaxView } from "./views/softmax";
import { VanishingView } from "./views/vanishing";
import { onHostMessage, saveState, savedState, send, warn } from "./vscodeApi";

let state: LabState = defaultLabState();
const tabs = new Map<ViewId, HTMLButtonElement>();
const status = h("p", { class: "status", role: "status" });

function viewUpdate(view: () => LabView): StateUpdate {
  return (update, note) => {
    view().showNote(note);
    setState(update(state));
  };
}

// Each view is built the first time it is shown (LazyView): opening the panel costs one view.
const views: LabView[] = [];
const lazy = (id: ViewId, title: string, create: (update: StateUpdate) => LabView): LabView => {
  const view: LabView = new LazyView(id, title, () => create(viewUpdate(() => view)));
  return view;
};
views.push(
  lazy("activations", t("view.activations"), (update) => new ActivationsView(update)),
  lazy("vanishing", t("view.vanishing"), (update) => new VanishingView(update)),
  lazy("softmax", t("view.softmax"), (update) => new SoftmaxView(update)),
  lazy("recurrent", t("view.recurrent"), (update) => new RecurrentView(update)),
);

/** The view a state shows; a view this page does not have yet (LSTM & GRU) falls back to the first. */
function currentView(): LabView {
  return views.find((v) => v.id === state.view) ?? views[0];
}

function setState(next: LabState): void {
  state = next;
  saveState(state);
  scheduleRender();
}

// Drawing is throttled to one redraw per animation frame: the first change in a frame draws at
// once (no added latency), changes that arrive while that frame is still open are coalesced into
// one redraw on the next frame. A slider dragged across its range therefore never queues work.
let drawnThisFrame = false;
let redrawQueued = false;
let forceNext = false;
let lastShown: LabView | undefined;

function scheduleRender(force = false): void {
  forceNext ||= force;
  if (drawnThisFrame) {
    if (!redrawQueued) {
      redrawQueued = true;
      requestAnimationFrame(() => {
        redrawQueued = false;
        drawnThisFrame = false;
        renderNow();
      });
    }
    return;
  }
  renderNow();
}

function renderNow(): void {
  drawnThisFrame = true;
  requestAnimationFrame(() => {
    if (!redrawQueued) drawnThisFrame = false;
  });
  const shown = currentView();
  // A view coming back into sight redraws fully: the theme may have changed while it was hidden.
  const force = forceNext || shown !== lastShown;
  forceNext = false;
  lastShown = shown;
  for (const view of views) {
    const selected = view === shown;
    view.root.hidden = !selected;
    const tab = tabs.get(view.id)!;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  shown.render(state, force);
}

function buildShell(): HTMLElement {
  const tablist = h("div", { role: "tablist", "aria-label": t("views.label"), class: "tabs" });
  for (const view of views) {
    const tab = h(
      "button",
      { role: "tab", id: `tab-${view.id}`, "aria-controls": `view-${view.id}`, type: "button" },
      view.title,
    );
    view.root.id = `view-${view.id}`;
    view.root.setAttribute("role", "tabpanel");
    view.root.setAttribute("aria-labelledby", tab.id);
    view.root.hidden = true;
    tab.addEventListener("click", () => setState({ ...state, view: view.id }));
    tab.addEventListener("keydown", (event) => {
      const order = views.map((v) => v.id);
      const at = order.indexOf(view.id);
      let next: ViewId | undefined;
      if (event.key === "ArrowRight") next = order[(at + 1) % order.length];
      else if (event.key === "ArrowLeft") next = order[(at - 1 + order.length) % order.length];
      else if (event.key === "Home") next = order[0];
      else if (event.key === "End") next = order[order.length - 1];
      if (!next) return;
      event.preventDefault();
      setState({ ...state, view: next });
      tabs.get(next)!.focus();
    });
    tabs.set(view.id, tab);
    tablist.append(tab);
  }
  const exportBar = h(
    "div",
    { class: "export", role: "group", "aria-label": t("export.label") },
    exportButton(t("export.png"), "png"),
    exportButton(t("export.csv"), "csv"),
    exportButton(t("export.py"), "py"),
  );
  return h("main", {}, h("header", {}, tablist, exportBar), ...views.map((v) => v.root), status);
}

function exportButton(label: string, format: "png" | "csv" | "py"): HTMLButtonElement {
  const button = h("button", { type: "button", class: "secondary" }, label);
  button.addEventListener("click", () => {
    const view = currentView();
    try {
      const payload =
        format === "png"
          ? view.exportPng()
          : format === "csv"
            ? view.exportCsv()
            : view.exportScript();
      status.textContent = t("export.running", payload.suggestedName);
      send({ type: MessageType.Export, format, ...payload });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      status.textContent = t("export.failed", detail);
      warn(`export ${format}: ${detail}`);
    }
  });
  return button;
}

function start(initial: LabState, intent: LabIntent): void {
  setState(applyIntent(initial, intent));
  // Chart.js draws synchronously with animation off; the next frame has it on screen.
  requestAnimationFrame(() => {
    document.body.dataset.ready = "true";
  });
  // When the page is idle, not in the way of the first chart or the first inputs (compiling both
  // modules took ~4 ms, which a page showing only Activations would not otherwise spend): whether
  // the core's WebAssembly kernels run under this page's CSP. Without them every number is the
  // same, only computed slower, so it is a warning in the log and a mark for the tests.
  requestIdleCallback(() => {
    const kernels = recurrentKernelsAvailable() && mlpKernelsAvailable();
    document.body.dataset.wasmKernels = kernels ? "on" : "off";
    if (!kernels) warn("WebAssembly kernels unavailable: the Lab computes with plain loops.");
  });
}

/**
 * The state to start from. A new page takes the host's start from its HTML. A page VS Code reloads
 * (shown again after it was hidden, or after a window reload) has its own saved state, newer than
 * the HTML's, whose intent it applied the first time; what was asked of it since comes as Apply.
 */
function startingPoint(): { state: LabState; intent: LabIntent } {
  const own = savedState();
  if (own === undefined) {
    const { start, problems } = parseLabStart(
      document.getElementById(LAB_START_ELEMENT_ID)?.textContent,
    );
    for (const problem of problems) warn(problem);
    return start;
  }
  const { state, problems } = sanitizeLabState(own);
  for (const problem of problems) warn(`saved state: ${problem}`);
  return { state, intent: {} };
}

function onMessage(message: ToWebview): void {
  switch (message.type) {
    case MessageType.Apply:
      setState(applyIntent(state, message.intent));
      return;
    case MessageType.ExportDone:
      status.textContent =
        message.outcome === "saved"
          ? t("export.saved", message.detail ?? "")
          : message.outcome === "failed"
            ? t("export.failed", message.detail ?? t("export.unknownError"))
            : t("export.cancelled");
      return;
  }
}

const theme = readTheme();
applyThemeDefaults(theme);
document.getElementById("app")!.append(buildShell());
for (const view of views) view.applyTheme(theme);
watchTheme((next) => {
  applyThemeDefaults(next);
  document.body.dataset.themeBackground = next.background;
  for (const view of views) view.applyTheme(next);
  scheduleRender(true);
});
onHostMessage(onMessage);
send({ type: MessageType.Ready });
// The words were read before the first view was built; a table that could not be read is reported.
for (const problem of wordProblems()) warn(problem);
// When the script has run and the first view starts to build (the benchmark's breakdown).
performance.mark("lab:start");
const { state: first, intent } = startingPoint();
start(first, intent);

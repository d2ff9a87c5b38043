// LSTM & GRU: the seed's gates made visible. A cell (LSTM, GRU, or a plain tanh RNN for contrast)
// runs over an input sequence; every gate is a heatmap over time × unit; a step-through cursor
// shows the seed's equations with this step's numbers; and the gradient through time of all three
// cells on the same input, on a log axis, shows the long-term-dependency problem and its fix.
// The math core computes; this file schedules the work and draws.
import { recurrentKernelsAvailable } from "../../src/core";
import type { CellId, LabState } from "../../src/shared/labState";
import {
  INPUT_PRESETS,
  type InputPresetId,
  type LoadedWeights,
  MAX_SAVED_STATE_DICT_CHARS,
  MAX_TYPED_CHARS,
  RECURRENT_LIMITS,
  type RecurrentControl,
  type RecurrentState,
  WEIGHT_PRESETS,
  type WeightPresetId,
  clampRecurrent,
} from "../../src/shared/recurrentState";
import { Chart, fastLineOptions, themeAxes } from "../charts/chartSetup";
import { Heatmap, type HeatmapColours, heatmapColours } from "../charts/heatmap";
import { toCsv } from "../csv";
import { chartFigure, fillTable, formatNumber, h, numberControl, selectControl } from "../dom";
import { nextTask } from "../nextTask";
import { reportRendered } from "../rendered";
import type { ThemeColors } from "../theme";
import type { LabView, StateUpdate } from "../view";
import { t } from "../i18n";
import { localNote } from "../i18n/notes";
import { stepEquations } from "./recurrent/equations";
import { type InputSequence, inputLabel, inputsOf } from "./recurrent/inputs";
import { recurrentCsv } from "./recurrent/csv";
import { recurrentScript } from "./recurrent/script";
import { CellResults, presetWeightsKey } from "./recurrent/cellResults";
import { GradientWorker, type WorkerAnswer } from "./recurrent/gradientWorker";
import { type CellRun, type GateSeries, forwardWork, valueAt } from "./recurrent/simulation";
import { loadStateDict } from "./recurrent/stateDict";
import { type CellWeights, weightLabel, weightsFor } from "./recurrent/weights";

type Recurrent = RecurrentState;

const CELL_LABELS: Record<CellId, string> = { lstm: "LSTM", gru: "GRU", rnn: "tanh RNN" };
const GRADIENT_ORDER: readonly CellId[] = ["rnn", "lstm", "gru"];
/**
 * Below this much arithmetic everything is computed before the first redraw; above, the heatmaps
 * come first and the gradients follow a pass at a time, in tasks of their own.
 */
const SYNC_MS = 3;
/** The page's drawing, when the cells are shared between the page and the worker. */
const DRAWING_MS = 4;

/**
 * Multiply-adds of the cells' passes per millisecond here (with their gates and copies): about
 * 2.5 million with the core's WebAssembly kernels, 0.6 million with the plain loops that run where
 * the kernels cannot (measured in Chromium, T = 500, H = 64).
 */
function workPerMs(): number {
  return recurrentKernelsAvailable() ? 2_500_000 : 600_000;
}
/** How long the heatmaps wait for the worker's answers before they are drawn without them. */
const MAPS_WAIT_MS = 40;
/** Cells whose forward pass and gradient are kept: the three of the last three settings. */
const KEPT_CELLS = 9;
/** Play speed: ten steps a second, or one when the system asks for reduced motion. */
const PLAY_MS = 100;
const PLAY_REDUCED_MS = 1000;

function tick(value: number | string): string {
  const k = Number(value);
  return Number.isInteger(k) ? `1e${k}` : "";
}

/** Scientific notation with an ASCII minus, so the table can be read back as numbers. */
function sci(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value === 0 ? "0" : value.toExponential(4);
}

function short(value: number): string {
  return formatNumber(value, 4);
}

interface HeatmapEntry {
  series: GateSeries;
  map: Heatmap;
  figure: HTMLElement;
}

/** CSS height of a map with `rows` rows: 5 px a row within 56–150 px, plus the axes' labels. */
function heatmapHeight(rows: number): number {
  return Math.max(56, Math.min(150, rows * 5)) + 36;
}

interface Prepared {
  key: string;
  inputs: InputSequence;
  /** Weights of the chosen cell, and of each cell for the gradient comparison. */
  weights: Record<CellId, CellWeights>;
  /** Per cell: what its weights, forward pass and gradient depend on (keys into #results). */
  keys: Record<CellId, string>;
  run: CellRun;
  hidden: number;
  inputSize: number;
}

export class RecurrentView implements LabView {
  readonly id = "recurrent" as const;
  readonly title = t("view.recurrent");
  readonly root: HTMLElement;
  readonly #update: StateUpdate;

  readonly #controls: {
    cell: ReturnType<typeof selectControl<CellId>>;
    hidden: ReturnType<typeof numberControl>;
    inputSize: ReturnType<typeof numberControl>;
    steps: ReturnType<typeof numberControl>;
    period: ReturnType<typeof numberControl>;
    seed: ReturnType<typeof numberControl>;
    input: ReturnType<typeof selectControl<InputPresetId>>;
    weights: ReturnType<typeof selectControl<WeightPresetId>>;
    cursor: ReturnType<typeof numberControl>;
    unit: ReturnType<typeof numberControl>;
  };
  readonly #typed: HTMLTextAreaElement;
  readonly #typedRow: HTMLElement;
  readonly #periodRow: HTMLElement;
  readonly #stateDictText: HTMLTextAreaElement;
  readonly #stateDictError: HTMLElement;
  readonly #stateDictStatus: HTMLElement;
  readonly #note: HTMLElement;
  readonly #readout: HTMLElement;
  readonly #equations: HTMLTableElement;
  readonly #playButton: HTMLButtonElement;
  readonly #heatmapBox: HTMLElement;
  readonly #gateTableDetails: HTMLDetailsElement;
  readonly #gateTable: HTMLTableElement;
  readonly #gateTableChoice: HTMLSelectElement;
  readonly #gradientTableDetails: HTMLElement;
  readonly #gradientTable: HTMLTableElement;
  readonly #gradientFigure: HTMLElement;
  readonly #progress: HTMLElement;
  readonly #chart: Chart<"line">;
  readonly #cursorLayer: HTMLCanvasElement;
  #cursorDrawn: { x: number; w: number } | undefined;
  /**
   * What the cursor layer shows (its size, the line's place and colour): a redraw that would draw
   * the same leaves the canvas untouched, so the frame has no canvas to copy.
   */
  #cursorKey = "";
  /** What the gradient chart shows: a new key redraws its lines. */
  #chartKey = "";
  #heatmaps: HeatmapEntry[] = [];
  readonly #heatmapSets = new Map<CellId, { grid: HTMLElement; entries: HeatmapEntry[] }>();

  #state: Recurrent | undefined;
  #theme: ThemeColors | undefined;
  #colours: HeatmapColours | undefined;
  #prepared: Prepared | undefined;
  /** Every cell's forward pass and gradient, kept by what they depend on. */
  readonly #results = new CellResults(KEPT_CELLS);
  /** Bumped by every redraw: a gradient computation still under way for an older one stops. */
  #generation = 0;
  /**
   * At large sizes the cells not chosen are computed here, on the second core, while the page
   * computes and draws the chosen one.
   */
  readonly #worker = new GradientWorker((key, answer) => this.#workerAnswered(key, answer));
  /** Cells the worker could not compute (its answer was an error): the page computes them. */
  readonly #workerRefused = new Set<string>();
  /** The pasted state_dict's weights, kept here (they may be too big for the saved state). */
  #loaded: { stamp: number; weights: CellWeights } | undefined;
  #playing: ReturnType<typeof setTimeout> | undefined;
  /**
   * Every map's canvas is watched for its width, so that drawing never has to ask the layout for
   * it (a forced layout per change costs more than the drawing).
   */
  readonly #resizes = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const found = [...this.#heatmapSets.values()]
        .flatMap((set) => set.entries)
        .find((e) => e.map.canvas === entry.target);
      if (!found || entry.contentRect.width <= 0) continue;
      found.map.setWidth(entry.contentRect.width);
      if (this.#colours && this.#heatmaps.includes(found)) found.map.draw(this.#colours);
    }
  });
  #bounds = "";
  /** The heatmaps have data or a cursor not drawn yet (see #showGradients). */
  #mapsPending = false;
  #mapsTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #shownValues = new Map<object, unknown>();

  constructor(update: StateUpdate) {
    this.#update = update;
    const d = { hidden: 16, inputSize: 1, steps: 100, period: 10, seed: 1 };
    const number = (id: string, label: string, name: RecurrentControl, value: number) =>
      numberControl({
        id,
        label,
        min: RECURRENT_LIMITS[name].min,
        max: RECURRENT_LIMITS[name].max,
        step: 1,
        value,
        onInput: (v) => this.#set(name, v),
      });
    this.#controls = {
      cell: selectControl({
        id: "recurrent-cell",
        label: t("recurrent.cell"),
        choices: (["lstm", "gru", "rnn"] as const).map((value) => ({
          value,
          label: CELL_LABELS[value],
        })),
        value: "lstm",
        onChange: (cell) => this.#change({ cell }),
      }),
      hidden: number("recurrent-hidden", t("recurrent.hidden"), "hidden", d.hidden),
      inputSize: number("recurrent-input-size", t("recurrent.inputSize"), "inputSize", d.inputSize),
      steps: number("recurrent-steps", t("recurrent.steps"), "steps", d.steps),
      period: number("recurrent-period", t("recurrent.period"), "period", d.period),
      seed: number("recurrent-seed", t("recurrent.seed"), "seed", d.seed),
      input: selectControl({
        id: "recurrent-input",
        label: t("recurrent.input"),
        choices: INPUT_PRESETS.map((value) => ({ value, label: inputLabel(value) })),
        value: "first",
        onChange: (input) => this.#change({ input }),
      }),
      weights: selectControl({
        id: "recurrent-weights",
        label: t("recurrent.weights"),
        choices: WEIGHT_PRESETS.map((value) => ({ value, label: weightLabel(value) })),
        value: "remember",
        onChange: (weights) => this.#change({ weights }),
      }),
      cursor: numberControl({
        id: "recurrent-cursor",
        label: t("recurrent.cursor"),
        min: 0,
        max: d.steps - 1,
        step: 1,
        value: 0,
        onInput: (v) => this.#moveCursor(v),
      }),
      unit: numberControl({
        id: "recurrent-unit",
        label: t("recurrent.unit"),
        min: 1,
        max: d.hidden,
        step: 1,
        value: 1,
        onInput: (v) => this.#moveUnit(v - 1),
      }),
    };
    const c = this.#controls;

    this.#typed = h("textarea", {
      id: "recurrent-typed",
      rows: 5,
      cols: 30,
      spellcheck: "false",
      "aria-describedby": "recurrent-typed-help",
    });
    this.#typed.addEventListener("input", () =>
      this.#change({ typed: this.#typed.value.slice(0, MAX_TYPED_CHARS) }),
    );
    this.#typedRow = h(
      "div",
      { class: "control typed" },
      h("label", { for: "recurrent-typed" }, t("recurrent.typed")),
      this.#typed,
      h("span", { id: "recurrent-typed-help", class: "help" }, t("recurrent.typedHelp")),
    );
    this.#periodRow = c.period.root;

    // A user's own weights: pasted JSON or a .json file.
    this.#stateDictText = h("textarea", {
      id: "recurrent-state-dict",
      rows: 4,
      cols: 60,
      spellcheck: "false",
      placeholder:
        '{"weight_ih_l0": [[…]], "weight_hh_l0": [[…]], "bias_ih_l0": […], "bias_hh_l0": […]}',
      "aria-describedby": "recurrent-state-dict-help",
    });
    const loadButton = h(
      "button",
      { type: "button", id: "recurrent-load-json", class: "secondary" },
      t("recurrent.loadPasted"),
    );
    loadButton.addEventListener("click", () => this.#loadText(this.#stateDictText.value, "pasted"));
    const file = h("input", {
      type: "file",
      id: "recurrent-state-dict-file",
      accept: ".json,application/json",
    });
    file.addEventListener("change", () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      void chosen.text().then((text) => this.#loadText(text, chosen.name.slice(0, 100)));
      file.value = "";
    });
    this.#stateDictError = h("p", {
      id: "recurrent-state-dict-error",
      class: "note warning",
      role: "alert",
    });
    this.#stateDictError.hidden = true;
    this.#stateDictStatus = h("p", { id: "recurrent-state-dict-status", class: "progress" });
    const stateDictBox = h(
      "details",
      { class: "state-dict" },
      h("summary", {}, t("recurrent.stateDict.summary")),
      h(
        "p",
        { id: "recurrent-state-dict-help", class: "explain" },
        t("recurrent.stateDict.helpBefore"),
        h("code", {}, "json.dumps({k: v.tolist() for k, v in model.state_dict().items()})"),
        t(
          "recurrent.stateDict.helpAfter",
          RECURRENT_LIMITS.hidden.max,
          RECURRENT_LIMITS.inputSize.max,
          MAX_SAVED_STATE_DICT_CHARS / 1024,
        ),
      ),
      h("label", { for: "recurrent-state-dict" }, t("recurrent.stateDict.label")),
      h("div", {}, this.#stateDictText),
      h(
        "div",
        { class: "presets" },
        loadButton,
        h("label", { for: "recurrent-state-dict-file" }, t("recurrent.stateDict.file")),
        file,
      ),
      this.#stateDictError,
      this.#stateDictStatus,
    );

    // Step-through: buttons, the cursor, the unit, and keys on the whole group.
    const stepButton = (id: string, label: string, text: string, by: number | "first" | "last") => {
      const button = h(
        "button",
        { type: "button", id, class: "secondary", "aria-label": label },
        text,
      );
      button.addEventListener("click", () => this.#step(by));
      return button;
    };
    this.#playButton = h(
      "button",
      { type: "button", id: "recurrent-play", "aria-pressed": "false" },
      t("recurrent.play"),
    );
    this.#playButton.addEventListener("click", () => this.#togglePlay());
    const stepper = h(
      "div",
      {
        class: "controls stepper",
        role: "group",
        "aria-label": t("recurrent.stepper"),
      },
      stepButton("recurrent-first", t("recurrent.first"), t("recurrent.firstShort"), "first"),
      stepButton("recurrent-back", t("recurrent.back"), t("recurrent.backShort"), -1),
      this.#playButton,
      stepButton("recurrent-forward", t("recurrent.forward"), t("recurrent.forwardShort"), 1),
      stepButton("recurrent-last", t("recurrent.last"), t("recurrent.lastShort"), "last"),
      c.cursor.root,
      c.unit.root,
    );
    stepper.addEventListener("keydown", (event) => this.#stepKey(event));
    this.#equations = h("table", { id: "recurrent-equations", class: "steps" });

    this.#note = h("p", { class: "note", role: "status", id: "recurrent-note" });
    this.#readout = h("p", { id: "recurrent-readout", class: "words", "aria-live": "polite" });
    this.#progress = h("p", { class: "progress", "aria-live": "off" });
    this.#heatmapBox = h("div", { class: "heatmaps", id: "recurrent-heatmaps" });

    this.#gateTableChoice = h("select", { id: "recurrent-table-series" });
    this.#gateTableChoice.addEventListener("change", () => this.#writeGateTable());
    this.#gateTable = h("table", { id: "recurrent-gates-table" });
    this.#gateTable.dataset.caption = t("recurrent.gateTable.caption");
    this.#gateTableDetails = h(
      "details",
      { class: "data-table", id: "recurrent-gates-details" },
      h("summary", {}, t("dataTable", t("recurrent.gateTable.summary"))),
      h(
        "div",
        { class: "control select" },
        h("label", { for: "recurrent-table-series" }, t("recurrent.gateTable.quantity")),
        this.#gateTableChoice,
      ),
      this.#gateTable,
    );
    this.#gateTableDetails.addEventListener("toggle", () => this.#writeGateTable());

    const gradient = chartFigure({
      id: "chart-recurrent-gradient",
      label: t("recurrent.gradient.chartLabel"),
      caption: t("recurrent.gradient.caption"),
    });
    this.#gradientFigure = gradient.figure;
    // The step-through cursor is drawn on a canvas over the chart: moving it then costs one line,
    // not a Chart.js update of 3·T points.
    this.#cursorLayer = h("canvas", { "aria-hidden": "true" });
    Object.assign(this.#cursorLayer.style, {
      position: "absolute",
      inset: "0",
      width: "100%",
      height: "100%",
      pointerEvents: "none",
    });
    this.#gradientFigure.append(this.#cursorLayer);
    this.#gradientTable = gradient.table;
    this.#gradientTable.id = "recurrent-gradient-table";
    this.#gradientTableDetails = gradient.fallback;
    this.#gradientTableDetails.id = "recurrent-gradient-details";
    this.#gradientTableDetails.addEventListener("toggle", () => this.#writeGradientTable());

    this.root = h(
      "section",
      { class: "view", "aria-label": t("view.recurrent") },
      h(
        "div",
        { class: "controls" },
        c.cell.root,
        c.hidden.root,
        c.inputSize.root,
        c.steps.root,
        c.input.root,
        this.#periodRow,
        c.weights.root,
        c.seed.root,
      ),
      this.#typedRow,
      stateDictBox,
      this.#note,
      stepper,
      this.#equations,
      this.#readout,
      this.#heatmapBox,
      this.#gateTableDetails,
      h("h2", { id: "recurrent-gradient-heading" }, t("recurrent.gradient.heading")),
      this.#progress,
      this.#gradientFigure,
      this.#gradientTableDetails,
      h("p", { class: "explain" }, t("recurrent.explain")),
    );

    this.#chart = new Chart(gradient.canvas, {
      type: "line",
      data: { datasets: [] },
      options: {
        ...fastLineOptions(),
        onResize: () => requestAnimationFrame(() => this.#drawCursorLine(this.#state?.cursor ?? 0)),
        scales: {
          x: { type: "linear", title: { display: true, text: t("recurrent.axis.step") } },
          y: {
            type: "linear",
            title: { display: true, text: t("recurrent.axis.gradient") },
            ticks: { callback: tick },
          },
        },
      },
    });
  }

  // --- state changes ----------------------------------------------------------------------

  /** Writes a control's value only when it changed: every write to an input restyles the page. */
  #show<T>(control: { set: (value: T) => void }, value: T): void {
    if (this.#shownValues.get(control) === value) return;
    this.#shownValues.set(control, value);
    control.set(value);
  }

  #set(name: RecurrentControl, raw: number): void {
    const clamped = clampRecurrent(name, raw);
    this.#change({ [name]: clamped.value }, clamped.note);
  }

  #change(part: Partial<Recurrent>, note?: string): void {
    this.#update((s) => ({ ...s, recurrent: { ...s.recurrent, ...part } }), note);
  }

  #moveCursor(raw: number): void {
    const steps = this.#prepared?.inputs.steps ?? 1;
    const t = Math.max(0, Math.min(steps - 1, Math.round(Number.isFinite(raw) ? raw : 0)));
    this.#change({ cursor: t });
  }

  #moveUnit(raw: number): void {
    const hidden = this.#prepared?.hidden ?? 1;
    const unit = Math.max(0, Math.min(hidden - 1, Math.round(Number.isFinite(raw) ? raw : 0)));
    this.#change({ unit });
  }

  #step(by: number | "first" | "last"): void {
    const t = this.#state?.cursor ?? 0;
    const steps = this.#prepared?.inputs.steps ?? 1;
    this.#moveCursor(by === "first" ? 0 : by === "last" ? steps - 1 : t + by);
  }

  #stepKey(event: KeyboardEvent): void {
    if (event.target instanceof HTMLInputElement && event.target.type === "number") return;
    const by = event.shiftKey ? 10 : 1;
    if (event.key === "ArrowRight") this.#step(by);
    else if (event.key === "ArrowLeft") this.#step(-by);
    else if (event.key === "Home") this.#step("first");
    else if (event.key === "End") this.#step("last");
    else if (event.key === " " && !(event.target instanceof HTMLButtonElement)) this.#togglePlay();
    else return;
    event.preventDefault();
  }

  #togglePlay(): void {
    if (this.#playing !== undefined) {
      this.#stopPlay();
      return;
    }
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const steps = this.#prepared?.inputs.steps ?? 1;
    if ((this.#state?.cursor ?? 0) >= steps - 1) this.#moveCursor(0);
    this.#playButton.textContent = t("recurrent.pause");
    this.#playButton.setAttribute("aria-pressed", "true");
    const advance = () => {
      const last = (this.#prepared?.inputs.steps ?? 1) - 1;
      if (this.root.hidden || (this.#state?.cursor ?? 0) >= last) {
        this.#stopPlay();
        return;
      }
      this.#step(1);
      this.#playing = setTimeout(advance, reduced ? PLAY_REDUCED_MS : PLAY_MS);
    };
    this.#playing = setTimeout(advance, reduced ? PLAY_REDUCED_MS : PLAY_MS);
  }

  #stopPlay(): void {
    clearTimeout(this.#playing);
    this.#playing = undefined;
    this.#playButton.textContent = t("recurrent.play");
    this.#playButton.setAttribute("aria-pressed", "false");
  }

  /** Validates pasted or loaded JSON; on success the weights replace the preset, else nothing changes. */
  #loadText(text: string, name: string): void {
    const kind = this.#state?.cell ?? "lstm";
    const result = loadStateDict(kind, text);
    if (!result.ok) {
      this.#stateDictError.textContent = t("recurrent.stateDict.notLoaded", result.error);
      this.#stateDictError.hidden = false;
      return;
    }
    this.#stateDictError.hidden = true;
    this.#stateDictError.textContent = "";
    const stamp = Date.now();
    this.#loaded = { stamp, weights: result.weights };
    const { hidden, inputSize } = result.weights;
    const loaded: LoadedWeights = {
      kind,
      hidden,
      inputSize,
      name,
      chars: text.length,
      stamp,
      ...(text.length <= MAX_SAVED_STATE_DICT_CHARS ? { json: text } : {}),
    };
    this.#change({ weights: "stateDict", loaded, hidden, inputSize });
  }

  // --- computing ----------------------------------------------------------------------------

  /** The loaded weights when the state asks for them and they are at hand (memory or saved JSON). */
  #loadedWeights(r: Recurrent): CellWeights | undefined {
    if (r.weights !== "stateDict" || !r.loaded) return undefined;
    if (this.#loaded?.stamp === r.loaded.stamp) return this.#loaded.weights;
    if (r.loaded.json === undefined) return undefined;
    const result = loadStateDict(r.loaded.kind, r.loaded.json);
    if (!result.ok) return undefined;
    this.#loaded = { stamp: r.loaded.stamp, weights: result.weights };
    return result.weights;
  }

  #prepare(r: Recurrent): { prepared?: Prepared; notes: string[] } {
    const notes: string[] = [];
    const own = this.#loadedWeights(r);
    if (r.weights === "stateDict" && !own) {
      notes.push(
        r.loaded
          ? t("recurrent.note.tooBig", r.loaded.name, (r.loaded.chars / 1024).toFixed(0))
          : t("recurrent.note.noStateDict"),
      );
    }
    if (own && own.kind !== r.cell) {
      notes.push(t("recurrent.note.otherKind", own.kind.toUpperCase(), CELL_LABELS[r.cell]));
    }
    const hidden = own ? own.hidden : r.hidden;
    const inputSize = own ? own.inputSize : r.inputSize;
    // What the inputs and the weights depend on; "\u0001" cannot be typed into the text box.
    const inputKey =
      r.input === "typed"
        ? `typed:${r.typed}`
        : [r.input, r.steps, r.period, r.input === "random" ? r.seed : ""].join();
    const preset: Exclude<WeightPresetId, "stateDict"> =
      r.weights === "stateDict" ? "random" : r.weights;
    // Each cell's own key: a control that leaves a cell's weights as they were (a forget-bias
    // preset and the RNN) leaves its forward pass and gradient as they were too.
    const keys = {} as Record<CellId, string>;
    for (const kind of GRADIENT_ORDER) {
      const weightKey =
        own && own.kind === kind
          ? `own:${r.loaded?.stamp}`
          : [presetWeightsKey(preset, kind), r.seed, hidden].join();
      keys[kind] = [inputKey, weightKey, inputSize, kind].join("\u0001");
    }
    const key = GRADIENT_ORDER.map((kind) => keys[kind]).join("\u0002");
    const runKey = `${key}\u0002${r.cell}`;
    const previous = this.#prepared;
    if (previous?.key === runKey) return { prepared: previous, notes };
    // Inputs and weights that did not change are kept.
    let inputs: InputSequence;
    if (
      previous &&
      previous.keys[r.cell].startsWith(`${inputKey}\u0001`) &&
      previous.inputSize === inputSize
    ) {
      inputs = previous.inputs;
    } else {
      const typed = inputsOf(r, inputSize);
      if (!typed.ok) return { notes: [...notes, typed.error] };
      inputs = typed.sequence;
    }
    const weights = {} as Record<CellId, CellWeights>;
    for (const kind of GRADIENT_ORDER) {
      weights[kind] =
        previous?.keys[kind] === keys[kind]
          ? previous.weights[kind]
          : own && own.kind === kind
            ? own
            : weightsFor(preset, kind, hidden, inputSize, r.seed);
    }
    // The other cells go to the worker first, so that it computes while the page does the chosen one.
    const prepared = { keys, weights, inputs, hidden, inputSize };
    if (this.#isLarge(prepared, r.cell)) this.#sendToWorker(prepared, r.cell);
    // The three cells in use are the last ones the results may drop.
    this.#results.touch(GRADIENT_ORDER.map((kind) => keys[kind]));
    // The chosen cell's forward pass: its gradient through time reuses it.
    const run = this.#results.run(keys[r.cell], weights[r.cell], inputs);
    return { prepared: { key: runKey, inputs, weights, keys, run, hidden, inputSize }, notes };
  }

  // --- drawing ------------------------------------------------------------------------------

  render(state: LabState, force = false): void {
    const r = state.recurrent;
    this.#state = r;
    const c = this.#controls;
    this.#show(c.cell, r.cell);
    this.#show(c.input, r.input);
    this.#show(c.weights, r.weights);
    this.#show(c.seed, r.seed);
    this.#show(c.period, r.period);
    this.#show(c.steps, r.steps);
    if (document.activeElement !== this.#typed && this.#typed.value !== r.typed) {
      this.#typed.value = r.typed;
    }
    this.#typedRow.hidden = r.input !== "typed";
    this.#periodRow.hidden = r.input !== "pulse" && r.input !== "sine";
    c.steps.root.hidden = r.input === "typed";

    const { prepared, notes } = this.#prepare(r);
    const usingOwn =
      r.weights === "stateDict" && prepared?.weights[r.cell] === this.#loaded?.weights;
    this.#writeStateDictStatus(r, usingOwn);
    this.showNote(notes.join(" ") || undefined);
    if (!prepared) {
      // Typed inputs that do not parse: the message says why, the last picture stays.
      reportRendered(this.id);
      return;
    }
    const changed = prepared !== this.#prepared;
    this.#prepared = prepared;
    this.#show(c.hidden, prepared.hidden);
    this.#show(c.inputSize, prepared.inputSize);
    const sizesFixed = usingOwn;
    for (const control of [c.hidden.root, c.inputSize.root]) {
      for (const input of control.querySelectorAll("input")) {
        if (input.disabled !== sizesFixed) input.disabled = sizesFixed;
      }
    }
    const steps = prepared.inputs.steps;
    const t = Math.min(r.cursor, steps - 1);
    const unit = Math.min(r.unit, prepared.hidden - 1);
    // Bounds are attributes: writing them only when they change keeps styles from recalculating.
    const bounds = `${steps}x${prepared.hidden}`;
    if (bounds !== this.#bounds) {
      this.#bounds = bounds;
      c.cursor.setBounds(0, steps - 1);
      c.unit.setBounds(1, prepared.hidden);
    }
    this.#show(c.cursor, t);
    this.#show(c.unit, unit + 1);

    if (changed || force) this.#paintHeatmaps(prepared);
    for (const { map } of this.#heatmaps) map.setCursor(t, unit);
    // Drawn with the chart (#drawGradients), or a moment later while the worker computes.
    this.#mapsPending = true;
    this.#writeEquations(prepared, t, unit);
    if (changed) this.#writeGateTable();
    this.#showGradients(prepared, t, force);
  }

  /** Draws the heatmaps' new data or cursor, if they have any not drawn yet. */
  #drawMaps(): void {
    clearTimeout(this.#mapsTimer);
    this.#mapsTimer = undefined;
    if (!this.#mapsPending || !this.#colours) return;
    this.#mapsPending = false;
    for (const { map } of this.#heatmaps) map.draw(this.#colours);
  }

  #paintHeatmaps(p: Prepared): void {
    const colours = this.#colours;
    if (!colours) return;
    const { run } = p;
    const all: GateSeries[] = [
      {
        id: "x",
        symbol: "x_t",
        name: "recurrent.series.input",
        range: "signed",
        values: p.inputs.values,
        offset: 0,
        rowStride: p.inputSize,
      },
      ...run.series,
    ];
    // One set of maps per cell kind, made once: switching cells or sizes swaps and resizes
    // canvases instead of building new ones.
    let made = this.#heatmapSets.get(run.kind);
    if (!made) {
      const entries = all.map((series) => this.#makeHeatmap(series, run.kind));
      const grid = h("div", { class: "heatmap-grid" }, ...entries.map((e) => e.figure));
      Object.assign(grid.style, {
        display: "grid",
        gridTemplateColumns: "repeat(auto-fit, minmax(420px, 1fr))",
        gap: "8px 24px",
      });
      made = { grid, entries };
      this.#heatmapSets.set(run.kind, made);
      this.#heatmapBox.append(grid);
      for (const entry of entries) this.#resizes.observe(entry.map.canvas);
    }
    const set = made.entries;
    if (set !== this.#heatmaps) {
      this.#heatmaps = set;
      // The other cells' maps stay in the page, hidden: switching back costs no new elements.
      for (const other of this.#heatmapSets.values()) other.grid.hidden = other !== made;
      this.#gateTableChoice.replaceChildren(
        ...all.map((s) => h("option", { value: s.id }, `${s.symbol} — ${t(s.name)}`)),
      );
      this.#gateTableChoice.value = run.kind === "lstm" ? "cell" : "hidden";
    }
    for (let k = 0; k < all.length; k++) {
      const series = all[k];
      const entry = set[k];
      entry.series = series;
      const rows = series.id === "x" ? p.inputSize : run.hidden;
      const height = heatmapHeight(rows);
      // One pass for the colour scale's end (the largest |value|) and the accessible name.
      const stats = seriesStats(series, run.steps, rows);
      entry.map.setHeight(height);
      // The figure shows the map's height of a canvas that keeps the tallest height it has had.
      if (entry.figure.style.height !== `${height}px`) entry.figure.style.height = `${height}px`;
      const scale =
        series.range === "unit"
          ? ({ kind: "sequential", max: 1 } as const)
          : ({
              kind: "diverging",
              max:
                series.range === "signed" && series.id !== "x" ? 1 : largestMagnitude(stats) || 1,
            } as const);
      entry.map.setData(
        series,
        run.steps,
        rows,
        scale,
        `${series.symbol} — ${t(series.name)}`,
        colours,
      );
      entry.figure.setAttribute("aria-label", this.#describe(series, stats, run.steps, rows));
    }
  }

  #makeHeatmap(series: GateSeries, kind: CellId): HeatmapEntry {
    const canvas = h("canvas", { id: `heatmap-${kind}-${series.id}` });
    const overlay = h("canvas", {});
    const figure = h("div", { class: "heatmap", role: "img", tabindex: 0 }, canvas, overlay);
    figure.style.position = "relative";
    figure.style.overflow = "hidden";
    const map = new Heatmap(canvas, overlay, heatmapHeight(1));
    const entry: HeatmapEntry = { series, map, figure };
    figure.addEventListener("keydown", (event) => this.#heatmapKey_(event));
    canvas.addEventListener("click", (event) => {
      const cell = entry.map.cellAt(event.offsetX, event.offsetY);
      if (!cell) return;
      this.#change(
        entry.series.id === "x" ? { cursor: cell.t } : { cursor: cell.t, unit: cell.unit },
      );
    });
    canvas.addEventListener("mousemove", (event) => this.#hover(entry.series, entry.map, event));
    return entry;
  }

  /** An accessible name that says what the map shows in numbers: range and where it sits. */
  #describe(series: GateSeries, stats: SeriesStats, steps: number, rows: number): string {
    const { min, max, mean } = stats;
    return (
      t(
        series.id === "x" ? "recurrent.heatmap.inputs" : "recurrent.heatmap.units",
        series.symbol,
        t(series.name),
        steps,
        rows,
        short(min),
        short(max),
        short(mean),
      ) + t("recurrent.heatmap.keys")
    );
  }

  #heatmapKey_(event: KeyboardEvent): void {
    const r = this.#state;
    if (!r) return;
    if (event.key === "ArrowUp") this.#moveUnit(r.unit - 1);
    else if (event.key === "ArrowDown") this.#moveUnit(r.unit + 1);
    else return this.#stepKey(event);
    event.preventDefault();
  }

  #hover(series: GateSeries, map: Heatmap, event: MouseEvent): void {
    const p = this.#prepared;
    const cell = map.cellAt(event.offsetX, event.offsetY);
    if (!p || !cell) return;
    const value = valueAt(series, cell.t, cell.unit);
    map.canvas.title = t(
      series.id === "x" ? "recurrent.hover.input" : "recurrent.hover.unit",
      series.symbol,
      cell.t,
      cell.unit + 1,
      short(value),
    );
  }

  #writeEquations(p: Prepared, step: number, unit: number): void {
    const lines = stepEquations(p.weights[p.run.kind], p.inputs, p.run, step, unit, short);
    const x = Array.from(
      p.inputs.values.subarray(step * p.inputSize, (step + 1) * p.inputSize),
      short,
    );
    const rows = [
      ["x_t", t("recurrent.equations.input"), x.join(", "), ""],
      ...lines.map((l) => [l.symbol, l.formula, l.filled, short(l.value)]),
    ];
    const caption = t(
      "recurrent.equations.caption",
      CELL_LABELS[p.run.kind],
      step,
      unit + 1,
      p.hidden,
    );
    const body = this.#equations.tBodies[0];
    // Stepping keeps the table and rewrites its text: no new elements per step.
    if (body && body.rows.length === rows.length) {
      rows.forEach((row, k) =>
        row.forEach((text, j) => {
          const cell = body.rows[k].cells[j];
          if (cell.textContent !== text) cell.textContent = text;
        }),
      );
    } else {
      fillTable(
        this.#equations,
        [
          "",
          t("recurrent.equations.formula"),
          t("recurrent.equations.filled"),
          t("recurrent.equations.value"),
        ],
        rows,
      );
    }
    this.#equations.caption!.textContent = caption;
    this.#readout.textContent = this.#words(p, lines, step);
  }

  #words(p: Prepared, lines: ReturnType<typeof stepEquations>, step: number): string {
    const value = (symbol: string) => lines.find((l) => l.symbol === symbol)?.value ?? NaN;
    const percent = (v: number) => `${(100 * v).toFixed(1)} %`;
    if (p.run.kind === "lstm") {
      const f = value("f_t");
      const i = value("i_t");
      return (
        t("recurrent.words.lstm", step, percent(f), percent(i)) +
        (f > 0.95
          ? t("recurrent.words.lstmKeeps")
          : f < 0.05
            ? t("recurrent.words.lstmForgets")
            : "")
      );
    }
    if (p.run.kind === "gru") {
      const z = value("z_t");
      return (
        t("recurrent.words.gru", step, percent(z), percent(1 - z)) +
        (z > 0.95 ? t("recurrent.words.gruKeeps") : "")
      );
    }
    return t("recurrent.words.rnn", step);
  }

  #writeStateDictStatus(r: Recurrent, usingOwn: boolean): void {
    const loaded = r.loaded;
    if (!loaded) {
      setText(this.#stateDictStatus, t("recurrent.stateDict.none"));
      return;
    }
    const kept =
      loaded.json !== undefined
        ? t("recurrent.stateDict.kept")
        : t("recurrent.stateDict.notKept", MAX_SAVED_STATE_DICT_CHARS / 1024);
    setText(
      this.#stateDictStatus,
      t(
        "recurrent.stateDict.loaded",
        loaded.name,
        loaded.kind.toUpperCase(),
        loaded.hidden,
        loaded.inputSize,
        (loaded.chars / 1024).toFixed(1),
        kept,
      ) + (usingOwn ? t("recurrent.stateDict.inUse") : t("recurrent.stateDict.choose")),
    );
  }

  // --- gradient through time ------------------------------------------------------------------

  /**
   * Whether the three gradients need more than SYNC_MS of arithmetic beyond the chosen cell's
   * forward pass (which the heatmaps need anyway).
   */
  #isLarge(p: Pick<Prepared, "keys" | "hidden" | "inputSize" | "inputs">, chosen: CellId): boolean {
    const work = GRADIENT_ORDER.reduce((sum, kind) => {
      const passes = this.#results.passesLeft(p.keys[kind]);
      return (
        sum +
        (kind === chosen ? Math.min(passes, 1) : passes) *
          forwardWork(kind, p.hidden, p.inputSize, p.inputs.steps)
      );
    }, 0);
    return work > SYNC_MS * workPerMs();
  }

  /**
   * The cells other than `chosen` with nothing computed yet are shared between the worker and the
   * page, the biggest first, each to whichever has less to do: the page has the chosen cell's
   * passes and the drawing. With the LSTM chosen the worker takes both others; with the RNN chosen
   * it takes the LSTM and the page the GRU. The same setting always shares the same way, so a
   * second call sends nothing new. Returns the cells sent.
   */
  #sendToWorker(p: Pick<Prepared, "keys" | "weights" | "inputs">, chosen: CellId): CellId[] {
    if (!this.#worker.usable) return [];
    const work = (kind: CellId) =>
      forwardWork(kind, p.weights[kind].hidden, p.weights[kind].inputSize, p.inputs.steps);
    let page =
      DRAWING_MS * workPerMs() + (this.#results.gradient(p.keys[chosen]) ? 0 : 2 * work(chosen));
    let worker = 0;
    const kinds: CellId[] = [];
    const candidates = GRADIENT_ORDER.filter(
      (kind) =>
        kind !== chosen &&
        this.#results.passesLeft(p.keys[kind]) === 2 &&
        !this.#workerRefused.has(p.keys[kind]),
    ).sort((a, b) => work(b) - work(a));
    for (const kind of candidates) {
      if (worker <= page) {
        kinds.push(kind);
        worker += 2 * work(kind);
      } else {
        page += 2 * work(kind);
      }
    }
    this.#worker.submit(
      kinds.map((kind) => ({ key: p.keys[kind], weights: p.weights[kind], inputs: p.inputs })),
    );
    return kinds;
  }

  #workerAnswered(key: string, answer: WorkerAnswer): void {
    if (answer) this.#results.put(key, answer);
    else this.#workerRefused.add(key);
    const p = this.#prepared;
    if (!p || !GRADIENT_ORDER.some((kind) => p.keys[kind] === key)) return;
    // No answer: the page computes that cell (#showGradients leaves it to the page now).
    if (!answer) this.#showGradients(p, this.#state?.cursor ?? 0, false);
    else this.#finishGradients(p);
  }

  /** Draws the chart once all three gradients of the current setting are there; else says so. */
  #finishGradients(p: Prepared): boolean {
    if (p !== this.#prepared) return true;
    const done = GRADIENT_ORDER.filter((kind) => this.#results.gradient(p.keys[kind])).length;
    if (done < 3) {
      this.#progress.textContent = t("recurrent.gradient.computing", done, 3);
      return false;
    }
    if (this.#chartKey !== gradientsKey(p)) {
      this.#drawGradients(p, this.#state?.cursor ?? 0, true, true);
    } else this.#drawMaps();
    return true;
  }

  #showGradients(p: Prepared, cursor: number, force: boolean): void {
    const results = this.#results;
    // A computation still under way for an older setting stops at its next pass; what it finished
    // is kept in #results.
    const generation = ++this.#generation;
    const missing = GRADIENT_ORDER.filter((kind) => results.passesLeft(p.keys[kind]) > 0);
    if (missing.length === 0) {
      this.#drawGradients(p, cursor, true, force || this.#chartKey !== gradientsKey(p));
      return;
    }
    if (!this.#isLarge(p, p.run.kind)) {
      for (const kind of missing) results.completeGradient(p.keys[kind], p.weights[kind], p.inputs);
      this.#drawGradients(p, cursor, true, true);
      return;
    }
    // Large: the worker has the other cells (sent before the chosen cell's forward pass). The
    // chosen cell's backward pass follows its forward pass in this task, and the heatmaps are
    // drawn with the chart when the worker's answers come (or after MAPS_WAIT_MS if they are
    // late): a frame drawn in between, with the heatmaps' canvases, would come before the page
    // reads the answers (~10 ms at T = 500, H = 64) and lengthen the path to the finished view.
    // Without a worker, and for what is left, the page makes one pass (forward or backward of one
    // cell) per task, so input stays answered between them, and draws the heatmaps first; the
    // chart is drawn once, when all three gradients are there.
    this.#sendToWorker(p, p.run.kind);
    const withWorker = this.#worker.usable;
    if (withWorker) {
      results.completeGradient(p.keys[p.run.kind], p.weights[p.run.kind], p.inputs);
      if (GRADIENT_ORDER.every((kind) => results.passesLeft(p.keys[kind]) === 0)) {
        this.#drawGradients(p, cursor, true, true);
        return;
      }
      // Until then nothing else changes on screen either: the frame that follows the input has
      // only the control to draw, and the chart is marked as computing only if the answers are
      // late.
      this.#mapsTimer ??= setTimeout(() => {
        const now = this.#prepared;
        if (now) this.#drawGradients(now, this.#state?.cursor ?? 0, false, false);
      }, MAPS_WAIT_MS);
    } else this.#drawGradients(p, cursor, false, false);
    const next = () => {
      if (generation !== this.#generation) return;
      // Asked afresh at every pass: what is missing may change (a worker's answer arrives). With
      // nothing of its own left, the page takes back a cell the worker has not started: the
      // worker would begin it only after the one in hand.
      const pageKind = () =>
        GRADIENT_ORDER.find(
          (k) => results.passesLeft(p.keys[k]) > 0 && !this.#worker.has(p.keys[k]),
        );
      let kind = pageKind();
      if (!kind && this.#worker.takeBack() !== undefined) kind = pageKind();
      if (kind) results.advance(p.keys[kind], p.weights[kind], p.inputs);
      // Nothing left for the page: the worker's answer finishes the chart.
      if (!this.#finishGradients(p) && kind) nextTask(next);
    };
    nextTask(next);
  }

  #gradientSeries(p: Prepared): { kind: CellId; values?: Float64Array }[] {
    return GRADIENT_ORDER.map((kind) => ({ kind, values: this.#results.gradient(p.keys[kind]) }));
  }

  /** Draws the heatmaps' new data, the chart's (with `data`) and reports the redraw. */
  #drawGradients(p: Prepared, cursor: number, complete: boolean, data: boolean): void {
    this.#drawMaps();
    const steps = p.inputs.steps;
    const width = this.#theme?.kind === "high-contrast" ? 3 : 2;
    const series = this.#gradientSeries(p);
    if (data) {
      let low = Infinity;
      let high = -Infinity;
      // The three datasets are made once and their points reused: Chart.js then keeps their
      // resolved options, and no T·3 new objects are made per change.
      if (this.#chart.data.datasets.length !== 3) {
        this.#chart.data.datasets = series.map(({ kind }) => ({
          label: CELL_LABELS[kind],
          data: [],
          borderDash: kind === "rnn" ? [6, 3] : kind === "gru" ? [2, 2] : undefined,
        }));
      }
      series.forEach(({ kind, values }, k) => {
        const dataset = this.#chart.data.datasets[k];
        const colour = this.#theme?.series[[4, 0, 2][k]];
        dataset.borderColor = colour;
        dataset.backgroundColor = colour;
        dataset.borderWidth = width;
        dataset.label = values
          ? CELL_LABELS[kind]
          : t("recurrent.legend.computing", CELL_LABELS[kind]);
        const points = dataset.data as { x: number; y: number }[];
        const count = values ? steps : 0;
        if (points.length > count) points.length = count;
        for (let t = 0; t < count; t++) {
          // log10 of 0 (an underflowed gradient) is left out of the line rather than drawn at −∞.
          const y = values![t] > 0 ? Math.log10(values![t]) : NaN;
          if (t < points.length) points[t].y = y;
          else points.push({ x: t, y });
          if (y < low) low = y;
          if (y > high) high = y;
        }
      });
      const axes = this.#chart.options.scales!;
      axes.x!.min = 0;
      axes.x!.max = Math.max(1, steps - 1);
      if (Number.isFinite(low)) {
        axes.y!.min = Math.floor(Math.max(low, high - 300));
        axes.y!.max = Math.ceil(high) + (Math.ceil(high) === high ? 1 : 0);
      }
      // The words of the chart's numbers, unless the line below says that the rest is computing.
      if (complete) setText(this.#progress, this.#writeGradientWords(p, series));
      else this.#writeGradientWords(p, series);
      this.#writeGradientTable();
      this.#chart.update("none");
      this.#chartKey = gradientsKey(p);
    }
    // While the gradients are computed, the lines of the last setting stay, faded: redrawing the
    // chart without them would cost as much as drawing it again with them a moment later.
    this.#gradientFigure.classList.toggle("stale", !complete);
    if (complete) this.#gradientFigure.removeAttribute("aria-busy");
    else {
      this.#gradientFigure.setAttribute("aria-busy", "true");
      setText(
        this.#progress,
        t("recurrent.gradient.computing", series.filter((s) => s.values).length, 3),
      );
    }
    this.#drawCursorLine(cursor);
    reportRendered(this.id, complete);
  }

  #drawCursorLine(cursor: number): void {
    const layer = this.#cursorLayer;
    const chart = this.#chart;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(chart.width * ratio);
    const height = Math.round(chart.height * ratio);
    const x = chart.scales.x?.getPixelForValue(cursor);
    const area = chart.chartArea;
    const colour = this.#theme?.highlight ?? "#0090f1";
    const key = `${width}x${height}:${x}:${area?.top},${area?.bottom},${area?.right}:${cursor}:${colour}:${this.#theme?.font}`;
    if (key === this.#cursorKey) return;
    this.#cursorKey = key;
    const context = layer.getContext("2d")!;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (layer.width !== width || layer.height !== height) {
      layer.width = width;
      layer.height = height;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
    } else if (this.#cursorDrawn) {
      // Only the strip the last cursor covered is cleared: a full clear of a large canvas costs
      // more than the line.
      const { x, w } = this.#cursorDrawn;
      context.clearRect(x, 0, w, chart.height);
    }
    this.#cursorDrawn = undefined;
    if (x === undefined || !area || !Number.isFinite(x)) return;
    const label = `t = ${cursor}`;
    const right = x > area.right - 60;
    context.strokeStyle = colour;
    context.lineWidth = 1.5;
    context.beginPath();
    context.moveTo(x, area.top);
    context.lineTo(x, area.bottom);
    context.stroke();
    context.fillStyle = context.strokeStyle;
    context.font = `11px ${this.#theme?.font ?? "sans-serif"}`;
    context.textAlign = right ? "right" : "left";
    context.fillText(label, right ? x - 4 : x + 4, area.top + 12);
    this.#cursorDrawn = { x: x - 64, w: 128 };
  }

  /** Describes the chart for screen readers; returns the same numbers as a line for everyone. */
  #writeGradientWords(p: Prepared, series: { kind: CellId; values?: Float64Array }[]): string {
    const steps = p.inputs.steps;
    const parts = series
      .filter((s) => s.values)
      .map(({ kind, values }) => {
        const ratio = values![0] / values![steps - 1];
        return `${CELL_LABELS[kind]} ${Number.isFinite(ratio) ? sci(ratio) : "—"}`;
      });
    setAttribute(
      this.#gradientFigure,
      "aria-description",
      t("recurrent.gradient.description", parts.join(", ")),
    );
    return `‖∂(Σ h_T)/∂x_0‖ ÷ ‖∂(Σ h_T)/∂x_{T−1}‖: ${parts.join("; ")}.`;
  }

  // --- tables (filled when open: up to 500 rows × 64 columns) ----------------------------------

  #writeGateTable(): void {
    const p = this.#prepared;
    if (!p || !this.#gateTableDetails.open) return;
    const id = this.#gateTableChoice.value || "hidden";
    const isInput = id === "x";
    const series = isInput
      ? { symbol: "x_t", values: p.inputs.values, offset: 0, rowStride: p.inputSize }
      : (p.run.series.find((s) => s.id === id) ?? p.run.series[p.run.series.length - 1]);
    const columns = isInput ? p.inputSize : p.hidden;
    const headers = [
      "t",
      ...Array.from({ length: columns }, (_, u) =>
        t(isInput ? "recurrent.gateTable.input" : "recurrent.gateTable.unit", series.symbol, u + 1),
      ),
    ];
    const rows: string[][] = [];
    for (let t = 0; t < p.inputs.steps; t++) {
      const row = [String(t)];
      for (let u = 0; u < columns; u++) row.push(formatNumber(valueAt(series, t, u), 6));
      rows.push(row);
    }
    this.#gateTable.dataset.caption = t(
      isInput ? "recurrent.gateTable.inputCaption" : "recurrent.gateTable.unitCaption",
      series.symbol,
    );
    fillTable(this.#gateTable, headers, rows);
  }

  #writeGradientTable(): void {
    const p = this.#prepared;
    if (!p || !this.#gradientTableDetails.hasAttribute("open")) return;
    const series = this.#gradientSeries(p);
    const rows: string[][] = [];
    for (let t = 0; t < p.inputs.steps; t++) {
      rows.push([String(t), ...series.map(({ values }) => (values ? sci(values[t]) : "…"))]);
    }
    fillTable(
      this.#gradientTable,
      ["t", ...series.map(({ kind }) => `${CELL_LABELS[kind]} ‖∂(Σ h_T)/∂x_t‖`)],
      rows,
    );
  }

  showNote(note: string | undefined): void {
    setText(this.#note, note === undefined ? "" : localNote(note));
  }

  applyTheme(theme: ThemeColors): void {
    this.#theme = theme;
    this.#colours = heatmapColours(theme);
    themeAxes(this.#chart, theme);
  }

  // --- export ----------------------------------------------------------------------------------

  /** Every heatmap and the gradient chart stacked into one picture on the theme's background. */
  exportPng() {
    // Maps still waiting for the worker's answers are drawn first: the picture shows this setting.
    this.#drawMaps();
    // A map's canvas may be taller than the map (it keeps its tallest height): only the map is copied.
    const sources = [
      ...this.#heatmaps.map(({ map }) => ({ image: map.canvas, height: map.shownPixelHeight })),
      { image: this.#chart.canvas, height: this.#chart.canvas.height },
    ];
    const width = Math.max(...sources.map((s) => s.image.width));
    const height = sources.reduce((sum, s) => sum + s.height, 0);
    const copy = document.createElement("canvas");
    copy.width = width;
    copy.height = height;
    const context = copy.getContext("2d")!;
    context.fillStyle = this.#theme?.background ?? "#ffffff";
    context.fillRect(0, 0, width, height);
    let y = 0;
    for (const { image, height: h } of sources) {
      context.drawImage(image, 0, 0, image.width, h, 0, y, image.width, h);
      y += h;
    }
    return {
      suggestedName: `sigmoid-lab-${this.#state?.cell ?? "lstm"}.png`,
      content: copy.toDataURL("image/png"),
    };
  }

  /** Makes sure all three gradients exist (a CSV asked for before they finished computing). */
  #completeGradients(p: Prepared): { kind: CellId; values: Float64Array }[] {
    return GRADIENT_ORDER.map((kind) => ({
      kind,
      values: this.#results.completeGradient(p.keys[kind], p.weights[kind], p.inputs),
    }));
  }

  exportCsv() {
    const p = this.#prepared;
    if (!p) throw new Error(t("recurrent.nothingYet"));
    const { headers, rows } = recurrentCsv(p.inputs, p.run, this.#completeGradients(p));
    return { suggestedName: `sigmoid-lab-${p.run.kind}.csv`, content: toCsv(headers, rows) };
  }

  exportScript() {
    const p = this.#prepared;
    const r = this.#state;
    if (!p || !r) throw new Error(t("recurrent.nothingYet"));
    return {
      suggestedName: `sigmoid_lab_${p.run.kind}.py`,
      content: recurrentScript({
        state: r,
        inputs: p.inputs,
        weights: p.weights,
        hidden: p.hidden,
        inputSize: p.inputSize,
        loaded: r.weights === "stateDict" ? this.#loaded?.weights : undefined,
      }),
    };
  }
}

/**
 * Writes an element's text only when it changes: every write replaces its text node, and the
 * style recalculation that follows is forced by the next canvas that sets a font in the same task.
 */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Writes an attribute only when it changes (see setText). */
function setAttribute(element: HTMLElement, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** What the gradient chart shows: the three cells' keys, whichever cell is chosen. */
function gradientsKey(p: Prepared): string {
  return GRADIENT_ORDER.map((kind) => p.keys[kind]).join("\u0002");
}

interface SeriesStats {
  min: number;
  max: number;
  mean: number;
}

/** The largest |value|; 0 when there is none (no values, or only NaN). */
function largestMagnitude({ min, max }: SeriesStats): number {
  return min <= max ? Math.max(Math.abs(min), Math.abs(max)) : 0;
}

function seriesStats(
  { values, offset, rowStride }: Pick<GateSeries, "values" | "offset" | "rowStride">,
  steps: number,
  units: number,
): SeriesStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * rowStride;
    for (let k = row; k < row + units; k++) {
      const v = values[k];
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
  }
  return { min, max, mean: sum / (steps * units) };
}

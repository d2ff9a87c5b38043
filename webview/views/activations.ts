// Activations: σ and σ' (and, toggled, tanh, ReLU, softplus, logit), a probe x with its tangent
// line, the 0.25 maximum of σ' marked, and a gain k in σ(k·x). Everything is computed here, in the
// page, by the math core.
import { logit, relu, sigmoid, sigmoidDerivative, softplus } from "../../src/core";
import {
  CURVE_IDS,
  type CurveId,
  type LabState,
  LIMITS,
  clampControl,
} from "../../src/shared/labState";
import { Chart, fastLineOptions, themeAxes } from "../charts/chartSetup";
import { chartToPng } from "../charts/exportPng";
import { toCsv } from "../csv";
import { chartFigure, fillTable, formatNumber, h, numberControl } from "../dom";
import { reportRendered } from "../rendered";
import type { ThemeColors } from "../theme";
import type { LabView, StateUpdate } from "../view";
import { t } from "../i18n";
import { localNote } from "../i18n/notes";

// Points per curve: more than a panel is wide in pixels, so curves stay smooth at any width.
const SAMPLES = 1001;
/** Rows of the data table and of the CSV: x from −range to range. */
const TABLE_ROWS = 21;
const CSV_ROWS = 201;

type Activations = LabState["activations"];

interface Curve {
  id: "sigmoid" | "derivative" | CurveId;
  label: string;
  /** y at x for gain k; the derivative is d/dx of σ(kx), so it carries the factor k. */
  at: (x: number, k: number) => number;
}

const CURVES: Curve[] = [
  { id: "sigmoid", label: "σ(kx)", at: (x, k) => sigmoid(k * x) },
  { id: "derivative", label: "d/dx σ(kx) = k·σ(1−σ)", at: (x, k) => k * sigmoidDerivative(k * x) },
  { id: "tanh", label: "tanh(x)", at: (x) => Math.tanh(x) },
  { id: "relu", label: "ReLU(x)", at: (x) => relu(x) },
  { id: "softplus", label: "softplus(x)", at: (x) => softplus(x) },
  // logit = σ⁻¹ is defined on the probabilities (0, 1) only, so it is drawn there and nowhere else.
  { id: "logit", label: t("activations.logitCurve"), at: (x) => (x > 0 && x < 1 ? logit(x) : NaN) },
];

function shownCurves(curves: CurveId[]): Curve[] {
  return CURVES.filter(
    (c) => c.id === "sigmoid" || c.id === "derivative" || curves.includes(c.id as CurveId),
  );
}

/** x as typed, without trailing zeros: 2.5, not 2.5000. */
function plain(value: number): string {
  return String(Number(value.toFixed(4))).replace("-", "−");
}

export class ActivationsView implements LabView {
  readonly id = "activations" as const;
  readonly title = t("view.activations");
  readonly root: HTMLElement;

  private readonly chart: Chart<"line">;
  private readonly readout: HTMLElement;
  private readonly words: HTMLElement;
  private readonly note: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly probe: ReturnType<typeof numberControl>;
  private readonly gain: ReturnType<typeof numberControl>;
  private readonly range: ReturnType<typeof numberControl>;
  private readonly toggles = new Map<CurveId, HTMLInputElement>();
  private readonly xs = new Float64Array(SAMPLES);
  private state: Activations | undefined;
  private theme: ThemeColors | undefined;

  constructor(private readonly update: StateUpdate) {
    const initial = { x: 0, gain: 1, range: 10 };
    this.probe = numberControl({
      id: "probe-x",
      label: t("activations.probe"),
      min: -initial.range,
      max: initial.range,
      step: 0.01,
      value: initial.x,
      onInput: (value) => this.set("x", value),
    });
    this.gain = numberControl({
      id: "gain-k",
      label: t("activations.gain"),
      ...LIMITS.gain,
      step: 0.05,
      value: initial.gain,
      onInput: (value) => this.set("gain", value),
    });
    this.range = numberControl({
      id: "x-range",
      label: t("activations.range"),
      ...LIMITS.range,
      step: 1,
      value: initial.range,
      onInput: (value) => this.set("range", value),
    });
    const toggleRow = h(
      "fieldset",
      { class: "toggles" },
      h("legend", {}, t("activations.alsoDraw")),
    );
    for (const id of CURVE_IDS) {
      const box = h("input", { type: "checkbox", id: `curve-${id}` });
      box.addEventListener("change", () =>
        this.update((s) => ({
          ...s,
          activations: {
            ...s.activations,
            curves: CURVE_IDS.filter((c) =>
              c === id ? box.checked : s.activations.curves.includes(c),
            ),
          },
        })),
      );
      this.toggles.set(id, box);
      toggleRow.append(
        h("label", { class: "toggle" }, box, CURVES.find((c) => c.id === id)!.label),
      );
    }

    const { figure, canvas, table, fallback } = chartFigure({
      id: "chart-activations",
      label: t("activations.chartLabel"),
      caption: t("activations.caption"),
    });
    this.table = table;
    // The chart itself moves the probe from the keyboard: ←/→ by 0.1 (Shift: by 1), Home/End to
    // the ends of the range, 0 back to the centre, where σ' is largest.
    figure.addEventListener("keydown", (event) => this.probeKey(event));
    this.readout = h("p", { id: "probe-readout", class: "readout", "aria-live": "polite" });
    this.words = h("p", { id: "probe-words", class: "words" });
    this.note = h("p", { class: "note", role: "status" });
    this.root = h(
      "section",
      { class: "view", "aria-label": t("view.activations") },
      h("div", { class: "controls" }, this.probe.root, this.gain.root, this.range.root, toggleRow),
      this.readout,
      this.words,
      this.note,
      figure,
      h("p", { class: "explain" }, t("activations.explain")),
      fallback,
    );

    this.chart = new Chart(canvas, {
      type: "line",
      data: { datasets: [] },
      options: {
        ...fastLineOptions(),
        scales: {
          x: { type: "linear", title: { display: true, text: "x" } },
          y: {
            type: "linear",
            suggestedMin: -0.1,
            suggestedMax: 1.1,
            title: { display: true, text: "y" },
          },
        },
      },
    });
  }

  private set(name: "x" | "gain" | "range", raw: number): void {
    const clamped = clampControl(name, raw);
    this.update((s) => {
      const next = { ...s.activations, [name]: clamped.value };
      // The probe stays inside the plotted interval when the interval shrinks.
      if (name === "range") next.x = Math.max(-next.range, Math.min(next.range, next.x));
      return { ...s, activations: next };
    }, clamped.note);
  }

  private probeKey(event: KeyboardEvent): void {
    const state = this.state;
    if (!state) return;
    const step = event.shiftKey ? 1 : 0.1;
    let x: number | undefined;
    if (event.key === "ArrowRight" || event.key === "ArrowUp") x = state.x + step;
    else if (event.key === "ArrowLeft" || event.key === "ArrowDown") x = state.x - step;
    else if (event.key === "Home") x = -state.range;
    else if (event.key === "End") x = state.range;
    else if (event.key === "0") x = 0;
    if (x === undefined) return;
    event.preventDefault();
    // Steps of 0.1 add up to 2.4999999999999996; the probe shows what was meant.
    const rounded = Math.round(Math.max(-state.range, Math.min(state.range, x)) * 1e6) / 1e6;
    this.set("x", rounded);
  }

  render(state: LabState, force = false): void {
    const previous = force ? undefined : this.state;
    const next = state.activations;
    this.state = next;
    const { x, gain, range, curves } = next;
    this.probe.setBounds(-range, range);
    this.probe.set(x);
    this.gain.set(gain);
    this.range.set(range);
    for (const [id, box] of this.toggles) box.checked = curves.includes(id);

    const curvesChanged =
      !previous ||
      previous.gain !== gain ||
      previous.range !== range ||
      previous.curves.join() !== curves.join();
    if (curvesChanged) this.drawCurves(next);
    this.drawProbe(next);
    this.chart.update("none");
    this.writeReadout(next);
    if (curvesChanged) this.writeTable(next);
    reportRendered(this.id);
  }

  private drawCurves({ gain, range, curves }: Activations): void {
    for (let i = 0; i < SAMPLES; i++) this.xs[i] = -range + (2 * range * i) / (SAMPLES - 1);
    const width = this.theme?.kind === "high-contrast" ? 3 : 2;
    const datasets = shownCurves(curves).map((curve, index) => {
      const points = new Array<{ x: number; y: number }>(SAMPLES);
      for (let i = 0; i < SAMPLES; i++)
        points[i] = { x: this.xs[i], y: curve.at(this.xs[i], gain) };
      return {
        label: curve.label,
        data: points,
        borderColor: this.seriesColor(index),
        backgroundColor: this.seriesColor(index),
        borderWidth: width,
        order: index + 10,
      };
    });
    this.chart.data.datasets = [...datasets, ...this.probeDatasets()];
    this.chart.options.scales!.x!.min = -range;
    this.chart.options.scales!.x!.max = range;
  }

  private probeDatasets() {
    return [
      {
        label: t("activations.tangent"),
        data: [] as { x: number; y: number }[],
        borderDash: [6, 4],
        borderColor: this.theme?.highlight,
        backgroundColor: this.theme?.highlight,
        order: 1,
      },
      {
        label: t("activations.maximum"),
        data: [] as { x: number; y: number }[],
        showLine: false,
        pointRadius: 6,
        pointHoverRadius: 7,
        pointStyle: "rectRot",
        borderColor: this.theme?.series[4],
        backgroundColor: this.theme?.series[4],
        order: 0,
      },
      {
        label: t("activations.probePoint"),
        data: [] as { x: number; y: number }[],
        showLine: false,
        pointRadius: 5,
        pointHoverRadius: 6,
        borderColor: this.theme?.highlight,
        backgroundColor: this.theme?.highlight,
        order: 0,
      },
    ];
  }

  private drawProbe({ x, gain, range }: Activations): void {
    const n = this.chart.data.datasets.length;
    const [tangent, maximum, probe] = this.chart.data.datasets.slice(n - 3);
    const y = sigmoid(gain * x);
    const slope = gain * sigmoidDerivative(gain * x);
    // The tangent is drawn over a span that keeps it readable: 0.6 of y either side.
    const half = Math.min(range, slope > 0 ? 0.6 / slope : range);
    tangent.data = [
      { x: x - half, y: y - slope * half },
      { x: x + half, y: y + slope * half },
    ];
    maximum.data = [{ x: 0, y: 0.25 * gain }];
    probe.data = [
      { x, y },
      { x, y: slope },
    ];
  }

  private writeReadout({ x, gain }: Activations): void {
    const kx = gain * x;
    const s = sigmoid(kx);
    const d = sigmoidDerivative(kx);
    const at = gain === 1 ? `x = ${plain(x)}` : `x = ${plain(x)}, k·x = ${plain(kx)}`;
    this.readout.textContent =
      `${at}: σ = ${formatNumber(s)}, σ' = ${formatNumber(d)}, logit(σ) = ${formatNumber(logit(s))}` +
      (gain === 1 ? "" : `, ${t("activations.slope", formatNumber(gain * d))}`);
    const percent = (value: number) => `${(100 * value).toFixed(1)} %`;
    this.words.textContent =
      t("activations.words", percent(s), percent(d / 0.25), formatNumber(d)) +
      (d < 0.01 ? t("activations.saturated") : ".") +
      t("activations.undo");
  }

  private rows(count: number, { gain, range, curves }: Activations): number[][] {
    const shown = shownCurves(curves);
    const rows: number[][] = [];
    for (let i = 0; i < count; i++) {
      const x = -range + (2 * range * i) / (count - 1);
      rows.push([x, ...shown.map((c) => c.at(x, gain))]);
    }
    return rows;
  }

  private writeTable(state: Activations): void {
    const headers = ["x", ...shownCurves(state.curves).map((c) => c.label)];
    const rows = this.rows(TABLE_ROWS, state).map((r) =>
      r.map((v, i) => formatNumber(v, i === 0 ? 3 : 6)),
    );
    fillTable(this.table, headers, rows);
  }

  showNote(note: string | undefined): void {
    this.note.textContent = note === undefined ? "" : localNote(note);
  }

  private seriesColor(index: number): string | undefined {
    return this.theme?.series[index % this.theme.series.length];
  }

  applyTheme(theme: ThemeColors): void {
    this.theme = theme;
    themeAxes(this.chart, theme);
  }

  exportPng() {
    return {
      suggestedName: "sigmoid-activations.png",
      content: chartToPng(this.chart, this.theme?.background ?? "#ffffff"),
    };
  }

  exportCsv() {
    const state = this.state ?? { x: 0, gain: 1, range: 10, curves: [] };
    const headers = ["x", ...shownCurves(state.curves).map((c) => c.id)];
    return {
      suggestedName: "sigmoid-activations.csv",
      content: toCsv(headers, this.rows(CSV_ROWS, state)),
    };
  }

  exportScript() {
    const { x, gain, range } = this.state ?? { x: 0, gain: 1, range: 10 };
    const content = `# Reproduces Sigmoid Lab's Activations view with PyTorch (float64).
# Run: python3 sigmoid_activations.py
import torch

k = ${gain}
x = torch.linspace(${-range}, ${range}, ${CSV_ROWS}, dtype=torch.float64, requires_grad=True)
y = torch.sigmoid(k * x)
(dy,) = torch.autograd.grad(y.sum(), x)  # d/dx sigma(kx) = k * sigma(kx) * (1 - sigma(kx))
print("max derivative:", dy.max().item(), "(0.25 * k =", 0.25 * k, ")")

probe = torch.tensor(${x}, dtype=torch.float64, requires_grad=True)
s = torch.sigmoid(k * probe)
s.backward()
sigma_prime = probe.grad.item() / k  # sigma'(kx), the derivative at sigma's own argument
print(f"x = ${x}: sigma = {s.item():.6f}, sigma' = {sigma_prime:.6f}, "
      f"logit(sigma) = {torch.logit(s).item():.6f}")
`;
    return { suggestedName: "sigmoid_activations.py", content };
  }
}

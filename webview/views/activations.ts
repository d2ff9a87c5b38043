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
import { Chart, fastLineOptions } from "../charts/chartSetup";
import { formatNumber, h, numberControl } from "../dom";
import type { ThemeColors } from "../theme";
import type { LabView, StateUpdate } from "../view";

const SAMPLES = 2001;

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
  { id: "logit", label: "logit(x) on (0, 1)", at: (x) => (x > 0 && x < 1 ? logit(x) : NaN) },
];

export class ActivationsView implements LabView {
  readonly id = "activations" as const;
  readonly title = "Activations";
  readonly root: HTMLElement;

  private readonly chart: Chart<"line">;
  private readonly readout: HTMLElement;
  private readonly note: HTMLElement;
  private readonly table: HTMLTableSectionElement;
  private readonly probe: ReturnType<typeof numberControl>;
  private readonly gain: ReturnType<typeof numberControl>;
  private readonly range: ReturnType<typeof numberControl>;
  private readonly toggles = new Map<CurveId, HTMLInputElement>();
  private readonly xs = new Float64Array(SAMPLES);
  private state: LabState["activations"] | undefined;

  constructor(private readonly update: StateUpdate) {
    const initial = { x: 0, gain: 1, range: 10 };
    this.probe = numberControl({
      id: "probe-x",
      label: "probe x",
      ...LIMITS.x,
      min: -initial.range,
      max: initial.range,
      step: 0.01,
      value: initial.x,
      onInput: (value) => this.set("x", value),
    });
    this.gain = numberControl({
      id: "gain-k",
      label: "gain k (1/temperature)",
      ...LIMITS.gain,
      step: 0.05,
      value: initial.gain,
      onInput: (value) => this.set("gain", value),
    });
    this.range = numberControl({
      id: "x-range",
      label: "x range ±",
      ...LIMITS.range,
      step: 1,
      value: initial.range,
      onInput: (value) => this.set("range", value),
    });
    const toggleRow = h("fieldset", { class: "toggles" }, h("legend", {}, "Also draw"));
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

    const canvas = h("canvas", { id: "chart-activations" });
    const figure = h(
      "div",
      {
        class: "chart",
        role: "img",
        "aria-label":
          "Line chart of the sigmoid σ(kx) and its derivative over x, with the probe's tangent line",
      },
      canvas,
    );
    this.readout = h("p", { id: "probe-readout", class: "readout", "aria-live": "polite" });
    this.note = h("p", { class: "note", role: "status" });
    this.table = h("tbody");
    this.root = h(
      "section",
      { class: "view", "aria-label": "Activations" },
      h("div", { class: "controls" }, this.probe.root, this.gain.root, this.range.root, toggleRow),
      this.readout,
      this.note,
      figure,
      h(
        "p",
        { class: "explain" },
        "σ(x) = 1 / (1 + e^(−x)) maps every real number into (0, 1), so one sigmoid output can be read as one class's probability. ",
        "Its slope σ'(x) = σ(x)·(1 − σ(x)) is at most 0.25, reached at x = 0, and falls towards 0 on both sides: ",
        "a gradient passing back through n sigmoid layers is multiplied by at most 0.25ⁿ — the vanishing gradient.",
      ),
      h(
        "details",
        { class: "data-table" },
        h("summary", {}, "Data table"),
        h(
          "table",
          {},
          h("caption", {}, "σ(kx) and its derivative at 21 points"),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "x"),
              h("th", { scope: "col" }, "σ(kx)"),
              h("th", { scope: "col" }, "d/dx σ(kx)"),
            ),
          ),
          this.table,
        ),
      ),
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
    this.update(
      (s) => ({ ...s, activations: { ...s.activations, [name]: clamped.value } }),
      clamped.note,
    );
  }

  render(state: LabState): void {
    const previous = this.state;
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
  }

  private drawCurves({ gain, range, curves }: LabState["activations"]): void {
    for (let i = 0; i < SAMPLES; i++) this.xs[i] = -range + (2 * range * i) / (SAMPLES - 1);
    const shown = CURVES.filter(
      (c) => c.id === "sigmoid" || c.id === "derivative" || curves.includes(c.id as CurveId),
    );
    const datasets = shown.map((curve, index) => {
      const points = new Array<{ x: number; y: number }>(SAMPLES);
      for (let i = 0; i < SAMPLES; i++)
        points[i] = { x: this.xs[i], y: curve.at(this.xs[i], gain) };
      return {
        label: curve.label,
        data: points,
        borderColor: this.seriesColor(index),
        backgroundColor: this.seriesColor(index),
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
        label: "tangent at the probe",
        data: [] as { x: number; y: number }[],
        borderDash: [6, 4],
        borderColor: this.theme?.highlight,
        order: 1,
      },
      {
        label: "max σ' = 0.25·k at x = 0",
        data: [] as { x: number; y: number }[],
        showLine: false,
        pointRadius: 5,
        pointHoverRadius: 6,
        pointStyle: "rectRot",
        borderColor: this.theme?.series[4],
        backgroundColor: this.theme?.series[4],
        order: 0,
      },
      {
        label: "probe",
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

  private drawProbe({ x, gain, range }: LabState["activations"]): void {
    const n = this.chart.data.datasets.length;
    const [tangent, maximum, probe] = this.chart.data.datasets.slice(n - 3);
    const y = sigmoid(gain * x);
    const slope = gain * sigmoidDerivative(gain * x);
    // The tangent is drawn over a span that keeps it readable: two units of y either side.
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

  private writeReadout({ x, gain }: LabState["activations"]): void {
    const s = sigmoid(gain * x);
    const d = sigmoidDerivative(gain * x);
    const kx =
      gain === 1
        ? formatNumber(x, 4).replace(/\.?0+$/, "")
        : `${formatNumber(gain, 3)}·${formatNumber(x, 3)}`;
    this.readout.textContent =
      `σ(${kx}) = ${formatNumber(s)}, σ'(${kx}) = ${formatNumber(d)}, logit(σ(${kx})) = ${formatNumber(logit(s), 4)}` +
      (gain === 1 ? "" : `, d/dx σ(kx) = ${formatNumber(gain * d)}`) +
      ` — σ' is ${formatNumber(d / 0.25, 3)} of its maximum 0.25.`;
  }

  private writeTable({ gain, range }: LabState["activations"]): void {
    const rows: HTMLTableRowElement[] = [];
    for (let i = 0; i <= 20; i++) {
      const x = -range + (2 * range * i) / 20;
      rows.push(
        h(
          "tr",
          {},
          h("td", {}, formatNumber(x, 3)),
          h("td", {}, formatNumber(sigmoid(gain * x))),
          h("td", {}, formatNumber(gain * sigmoidDerivative(gain * x))),
        ),
      );
    }
    this.table.replaceChildren(...rows);
  }

  /** Shows a clamping note from the last change, or clears it. */
  showNote(note: string | undefined): void {
    this.note.textContent = note ?? "";
  }

  private theme: ThemeColors | undefined;

  private seriesColor(index: number): string | undefined {
    return this.theme?.series[index % this.theme.series.length];
  }

  applyTheme(theme: ThemeColors): void {
    this.theme = theme;
    const axes = this.chart.options.scales!;
    for (const axis of [axes.x!, axes.y!]) {
      axis.grid = { ...axis.grid, color: theme.grid };
      axis.ticks = { ...axis.ticks, color: theme.foreground };
    }
    if (this.state) {
      const state = this.state;
      this.state = undefined; // force a full redraw with the new colours
      this.render({ version: 1, view: "activations", activations: state });
    }
  }

  exportPng() {
    return {
      suggestedName: "sigmoid-activations.png",
      content: this.chart.toBase64Image("image/png", 1),
    };
  }

  exportCsv() {
    const { gain, range } = this.state ?? { gain: 1, range: 10 };
    const lines = ["x,sigmoid_kx,derivative_kx"];
    for (let i = 0; i < 201; i++) {
      const x = -range + (2 * range * i) / 200;
      lines.push(`${x},${sigmoid(gain * x)},${gain * sigmoidDerivative(gain * x)}`);
    }
    return { suggestedName: "sigmoid-activations.csv", content: lines.join("\n") + "\n" };
  }

  exportScript() {
    const { x, gain, range } = this.state ?? { x: 0, gain: 1, range: 10 };
    const content = `# Reproduces Sigmoid Lab's Activations view with PyTorch (float64).
import torch

k = ${gain}
x = torch.linspace(${-range}, ${range}, 201, dtype=torch.float64, requires_grad=True)
y = torch.sigmoid(k * x)
(dy,) = torch.autograd.grad(y.sum(), x)  # d/dx σ(kx) = k·σ(kx)·(1 − σ(kx))
print("max derivative:", dy.max().item(), "(0.25·k =", 0.25 * k, ")")

probe = torch.tensor(${x}, dtype=torch.float64, requires_grad=True)
s = torch.sigmoid(k * probe)
s.backward()
print(f"sigma({x}) = {s.item():.6f}, derivative = {probe.grad.item():.6f}")
`;
    return { suggestedName: "sigmoid_activations.py", content };
  }
}

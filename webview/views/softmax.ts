// Logits & softmax: edit logits and see softmax(z / T) as bars, σ(z) as softmax([z, 0]), and a
// CrossEntropyLoss step-through (logits → LogSoftmax → NLLLoss) beside the mistaken
// softmax-then-CrossEntropyLoss value and its smaller gradient. Beside it, logistic regression on
// points the user places: binary (one sigmoid, a straight decision boundary) or multinomial
// (softmax over 3–5 classes), with the model's probabilities shaded under the points.
import {
  crossEntropy,
  crossEntropyGradient,
  logSoftmax,
  logSumExp,
  nllLoss,
  sigmoid,
  softmax,
  softmaxThenCrossEntropy,
  softmaxThenCrossEntropyGradient,
  type LogisticRegressionResult,
} from "../../src/core";
import {
  type LabState,
  type LabeledPoint,
  LIMITS,
  LOGIT_COUNT,
  MAX_POINTS,
  clampControl,
} from "../../src/shared/labState";
import { Chart, fastLineOptions, themeAxes } from "../charts/chartSetup";
import { type Shading, probabilityShading, setShading, toRgb } from "../charts/probabilityShading";
import { softmaxScript } from "../export/softmaxScript";
import { toCsv } from "../csv";
import { chartFigure, fillTable, formatNumber, h, numberControl } from "../dom";
import { reportRendered } from "../rendered";
import { decisionLine } from "./decisionLine";
import { LogisticRegressionTrajectory } from "./softmaxTraining";
import type { ThemeColors } from "../theme";
import type { LabView, StateUpdate } from "../view";
import { t } from "../i18n";
import { localNote } from "../i18n/notes";

type Softmax = LabState["softmax"];

const BOX = LIMITS.coordinate;
/** Cells per side of the probability shading. */
const GRID = 64;

export class SoftmaxView implements LabView {
  readonly id = "softmax" as const;
  readonly title = t("view.softmax");
  readonly root: HTMLElement;

  private readonly bars: Chart<"bar">;
  private readonly scatter: Chart<"line">;
  private readonly logitBoxes: HTMLElement;
  private readonly targetSelect: HTMLSelectElement;
  private readonly temperature: ReturnType<typeof numberControl>;
  private readonly epochs: ReturnType<typeof numberControl>;
  private readonly learningRate: ReturnType<typeof numberControl>;
  private readonly classesSelect: HTMLSelectElement;
  private readonly brushGroup: HTMLElement;
  private readonly sigmoidReadout: HTMLElement;
  private readonly steps: HTMLTableElement;
  private readonly lossReadout: HTMLElement;
  private readonly mistakeReadout: HTMLElement;
  private readonly modelReadout: HTMLElement;
  private readonly barsTable: HTMLTableElement;
  private readonly pointsTable: HTMLTableElement;
  private readonly note: HTMLElement;
  private readonly pointX: HTMLInputElement;
  private readonly pointY: HTMLInputElement;
  private state: Softmax | undefined;
  private theme: ThemeColors | undefined;
  private model: { key: string; result: LogisticRegressionResult | undefined } | undefined;
  /** Every epoch's loss and a snapshot of the weights every few epochs, for the current points. */
  private readonly trajectory = new LogisticRegressionTrajectory();
  private logitsKey = "";

  constructor(private readonly update: StateUpdate) {
    // --- logits, temperature, target ---
    this.logitBoxes = h("div", {
      class: "logits",
      role: "group",
      "aria-label": t("softmax.logits"),
    });
    const addClass = h("button", { type: "button", class: "secondary" }, t("softmax.addClass"));
    const removeClass = h(
      "button",
      { type: "button", class: "secondary" },
      t("softmax.removeClass"),
    );
    addClass.addEventListener("click", () =>
      this.edit((s) =>
        s.logits.length >= LOGIT_COUNT.max ? s : { ...s, logits: [...s.logits, 0] },
      ),
    );
    removeClass.addEventListener("click", () =>
      this.edit((s) =>
        s.logits.length <= LOGIT_COUNT.min
          ? s
          : {
              ...s,
              logits: s.logits.slice(0, -1),
              target: Math.min(s.target, s.logits.length - 2),
            },
      ),
    );
    this.temperature = numberControl({
      id: "temperature",
      label: t("softmax.temperature"),
      ...LIMITS.temperature,
      step: 0.05,
      value: 1,
      onInput: (value) => {
        const clamped = clampControl("temperature", value);
        this.edit((s) => ({ ...s, temperature: clamped.value }), clamped.note);
      },
    });
    this.targetSelect = h("select", { id: "target-class" });
    this.targetSelect.addEventListener("change", () =>
      this.edit((s) => ({ ...s, target: Number(this.targetSelect.value) })),
    );
    const bars = chartFigure({
      id: "chart-softmax",
      label: t("softmax.barsLabel"),
      caption: t("softmax.barsCaption"),
    });
    this.barsTable = bars.table;
    this.sigmoidReadout = h("p", { id: "sigmoid-as-softmax", class: "readout" });
    this.steps = h("table", { class: "steps", id: "cross-entropy-steps" });
    this.lossReadout = h("p", { id: "cross-entropy-readout", class: "readout" });
    this.mistakeReadout = h("p", { id: "mistake-readout", class: "readout warning" });

    // --- logistic regression on points ---
    this.classesSelect = h("select", { id: "classes" });
    for (let k = LIMITS.classes.min; k <= LIMITS.classes.max; k++) {
      this.classesSelect.append(
        h(
          "option",
          { value: k },
          k === 2 ? t("softmax.model.binary") : t("softmax.model.multinomial", k),
        ),
      );
    }
    this.classesSelect.addEventListener("change", () => {
      const classes = Number(this.classesSelect.value);
      this.edit((s) => ({ ...s, classes, brush: Math.min(s.brush, classes - 1) }));
    });
    this.brushGroup = h("div", {
      class: "brush",
      role: "radiogroup",
      "aria-label": t("softmax.brush"),
    });
    this.epochs = numberControl({
      id: "epochs",
      label: t("softmax.epochs"),
      ...LIMITS.epochs,
      step: 1,
      value: 300,
      onInput: (value) => {
        const clamped = clampControl("epochs", value);
        this.edit((s) => ({ ...s, epochs: clamped.value }), clamped.note);
      },
    });
    this.learningRate = numberControl({
      id: "lr-softmax",
      label: t("softmax.learningRate"),
      ...LIMITS.learningRate,
      step: 0.01,
      value: 0.5,
      onInput: (value) => {
        const clamped = clampControl("learningRate", value);
        this.edit((s) => ({ ...s, learningRate: clamped.value }), clamped.note);
      },
    });
    this.pointX = h("input", { type: "number", id: "point-x", step: 0.1, value: 0, ...BOX });
    this.pointY = h("input", { type: "number", id: "point-y", step: 0.1, value: 0, ...BOX });
    const addPoint = h("button", { type: "button", id: "add-point" }, t("softmax.addPoint"));
    addPoint.addEventListener("click", () =>
      this.addPoint(Number(this.pointX.value), Number(this.pointY.value)),
    );
    const undo = h("button", { type: "button", class: "secondary" }, t("softmax.removeLast"));
    undo.addEventListener("click", () =>
      this.edit((s) => ({ ...s, points: s.points.slice(0, -1) })),
    );
    const clear = h("button", { type: "button", class: "secondary" }, t("softmax.clearPoints"));
    clear.addEventListener("click", () => this.edit((s) => ({ ...s, points: [] })));
    const scatter = chartFigure({
      id: "chart-logistic",
      label: t("softmax.scatterLabel"),
      caption: t("softmax.scatterCaption"),
    });
    this.pointsTable = scatter.table;
    this.modelReadout = h("p", { id: "model-readout", class: "readout" });
    this.note = h("p", { class: "note", role: "status" });

    this.root = h(
      "section",
      { class: "view", "aria-label": t("view.softmax") },
      this.note,
      h(
        "div",
        { class: "columns" },
        h(
          "div",
          { class: "column" },
          h("h2", { id: "softmax-heading" }, t("softmax.heading")),
          h("div", { class: "controls" }, this.logitBoxes, addClass, removeClass),
          h(
            "div",
            { class: "controls" },
            this.temperature.root,
            h(
              "div",
              { class: "control select" },
              h("label", { for: "target-class" }, t("softmax.target")),
              this.targetSelect,
            ),
          ),
          bars.figure,
          this.sigmoidReadout,
          this.lossReadout,
          this.steps,
          this.mistakeReadout,
          bars.fallback,
        ),
        h(
          "div",
          { class: "column" },
          h("h2", { id: "logistic-heading" }, t("softmax.logisticHeading")),
          h(
            "div",
            { class: "controls" },
            h(
              "div",
              { class: "control select" },
              h("label", { for: "classes" }, t("softmax.model")),
              this.classesSelect,
            ),
            this.epochs.root,
            this.learningRate.root,
          ),
          this.brushGroup,
          h(
            "div",
            { class: "controls add-point" },
            h("label", { for: "point-x" }, "x"),
            this.pointX,
            h("label", { for: "point-y" }, "y"),
            this.pointY,
            addPoint,
            undo,
            clear,
          ),
          scatter.figure,
          this.modelReadout,
          scatter.fallback,
        ),
      ),
      h("p", { class: "explain" }, t("softmax.explain")),
    );

    this.bars = new Chart(bars.canvas, {
      type: "bar",
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        parsing: false,
        normalized: true,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { type: "category", title: { display: true, text: t("softmax.axis.class") } },
          y: {
            type: "linear",
            min: 0,
            max: 1,
            title: { display: true, text: t("softmax.axis.probability") },
          },
        },
        plugins: { legend: { position: "top", labels: { boxWidth: 14 } } },
      },
    });
    // A line chart with its lines off draws the points: Chart.js's scatter controller is a line
    // controller with that default, and leaving it out keeps the page under its size budget.
    this.scatter = new Chart<"line">(scatter.canvas, {
      type: "line",
      data: { datasets: [] },
      options: {
        ...(fastLineOptions() as object),
        interaction: { mode: "nearest", intersect: true },
        scales: {
          x: { type: "linear", min: BOX.min, max: BOX.max, title: { display: true, text: "x₁" } },
          y: { type: "linear", min: BOX.min, max: BOX.max, title: { display: true, text: "x₂" } },
        },
      },
      plugins: [probabilityShading],
    });
    scatter.canvas.addEventListener("click", (event) => this.click(event));
  }

  private edit(change: (s: Softmax) => Softmax, note?: string): void {
    this.update((s) => ({ ...s, softmax: change(s.softmax) }), note);
  }

  private addPoint(rawX: number, rawY: number): void {
    const x = clampControl("coordinate", rawX);
    const y = clampControl("coordinate", rawY);
    this.edit(
      (s) =>
        s.points.length >= MAX_POINTS
          ? s
          : { ...s, points: [...s.points, { x: x.value, y: y.value, label: s.brush }] },
      (this.state?.points.length ?? 0) >= MAX_POINTS
        ? t("softmax.maxPoints", MAX_POINTS)
        : (x.note ?? y.note),
    );
  }

  private click(event: MouseEvent): void {
    const area = this.scatter.chartArea;
    if (
      event.offsetX < area.left ||
      event.offsetX > area.right ||
      event.offsetY < area.top ||
      event.offsetY > area.bottom
    ) {
      return;
    }
    const x = this.scatter.scales.x.getValueForPixel(event.offsetX)!;
    const y = this.scatter.scales.y.getValueForPixel(event.offsetY)!;
    if (event.shiftKey || event.altKey) {
      const points = this.state?.points ?? [];
      let nearest = -1;
      let best = Infinity;
      points.forEach((p, i) => {
        const dx = this.scatter.scales.x.getPixelForValue(p.x) - event.offsetX;
        const dy = this.scatter.scales.y.getPixelForValue(p.y) - event.offsetY;
        const d = dx * dx + dy * dy;
        if (d < best) {
          best = d;
          nearest = i;
        }
      });
      if (nearest >= 0 && best < 20 * 20) {
        this.edit((s) => ({ ...s, points: s.points.filter((_, i) => i !== nearest) }));
      }
      return;
    }
    this.addPoint(Math.round(x * 100) / 100, Math.round(y * 100) / 100);
  }

  render(state: LabState, force = false): void {
    const s = state.softmax;
    const previous = force ? undefined : this.state;
    this.state = s;
    this.temperature.set(s.temperature);
    this.epochs.set(s.epochs);
    this.learningRate.set(s.learningRate);
    this.classesSelect.value = String(s.classes);
    const logitsKey = `${s.logits.join()}|${s.temperature}|${s.target}`;
    if (!previous || logitsKey !== this.logitsKey) {
      this.logitsKey = logitsKey;
      this.renderLogitBoxes(s);
      this.drawBars(s);
    }
    if (!previous || previous.brush !== s.brush || previous.classes !== s.classes) {
      this.renderBrush(s);
    }
    if (
      !previous ||
      previous.points !== s.points ||
      previous.classes !== s.classes ||
      previous.epochs !== s.epochs ||
      previous.learningRate !== s.learningRate
    ) {
      this.drawModel(s);
    }
    reportRendered(this.id);
  }

  // --- logits, softmax and the loss ------------------------------------------------------------

  private renderLogitBoxes(s: Softmax): void {
    const boxes = this.logitBoxes.querySelectorAll<HTMLInputElement>("input");
    if (boxes.length !== s.logits.length) {
      this.logitBoxes.replaceChildren(
        ...s.logits.map((_, i) => {
          const box = h("input", {
            type: "number",
            id: `logit-${i}`,
            step: 0.1,
            min: LIMITS.logit.min,
            max: LIMITS.logit.max,
            "aria-label": t("softmax.logitOf", `z${subscript(i)}`, i),
          });
          box.addEventListener("input", () => {
            if (box.value.trim() === "" || box.validity.badInput) return;
            const clamped = clampControl("logit", Number(box.value));
            this.edit((st) => {
              const logits = st.logits.slice();
              logits[i] = clamped.value;
              return { ...st, logits };
            }, clamped.note);
          });
          box.addEventListener("change", () => {
            box.value = String(this.state?.logits[i] ?? 0);
          });
          return h("label", { class: "logit" }, `z${subscript(i)}`, box);
        }),
      );
    }
    this.logitBoxes.querySelectorAll<HTMLInputElement>("input").forEach((box, i) => {
      if (document.activeElement !== box) box.value = String(s.logits[i]);
    });
    if (this.targetSelect.options.length !== s.logits.length) {
      this.targetSelect.replaceChildren(
        ...s.logits.map((_, i) => h("option", { value: i }, t("softmax.class", i))),
      );
    }
    this.targetSelect.value = String(s.target);
  }

  private drawBars(s: Softmax): void {
    const { logits, temperature, target } = s;
    const probabilities = softmax(logits, temperature);
    const atOne = softmax(logits);
    const colors = logits.map((_, i) => this.classColor(i));
    this.bars.data.labels = logits.map((_, i) =>
      i === target ? t("softmax.classTarget", i) : t("softmax.class", i),
    );
    this.bars.data.datasets = [
      {
        label: `softmax(z / ${formatNumber(temperature, 2)})`,
        data: Array.from(probabilities, (p, i) => ({ x: i, y: p })) as unknown as number[],
        backgroundColor: colors,
        borderColor: colors,
        borderWidth: 1,
      },
    ];
    if (temperature !== 1) {
      this.bars.data.datasets.push({
        label: "softmax(z), T = 1",
        data: Array.from(atOne, (p, i) => ({ x: i, y: p })) as unknown as number[],
        backgroundColor: "transparent",
        borderColor: this.theme?.foreground,
        borderWidth: 2,
      });
    }
    this.bars.update("none");

    // σ(z) as the two-class softmax: softmax([z, 0])₀ = e^z / (e^z + 1) = σ(z).
    const z = logits[0];
    const pair = softmax([z, 0]);
    this.sigmoidReadout.textContent =
      `σ(z₀) = σ(${formatNumber(z, 3)}) = ${formatNumber(sigmoid(z))} = softmax([z₀, 0])₀ = ${formatNumber(pair[0])}: ` +
      t("softmax.sigmoidIsSoftmax");

    // CrossEntropyLoss(z, t) = NLLLoss(LogSoftmax(z), t), on the raw logits, as PyTorch gets them.
    const logProbs = logSoftmax(logits);
    const lse = logSumExp(logits);
    const loss = crossEntropy([logits], [target]);
    const nll = nllLoss([Array.from(logProbs)], [target]);
    const gradient = crossEntropyGradient([logits], [target])[0];
    const mistaken = softmaxThenCrossEntropy([logits], [target]);
    const mistakenGradient = softmaxThenCrossEntropyGradient([logits], [target])[0];
    const floor = -Math.log(Math.E / (Math.E + logits.length - 1));
    const norm = (v: Float64Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
    const g = norm(gradient);
    const gm = norm(mistakenGradient);
    fillTable(
      this.steps,
      [
        t("softmax.table.class"),
        t("softmax.table.logitZ"),
        "LogSoftmax z − logsumexp(z)",
        "softmax",
        "∂CE/∂z",
        t("softmax.table.softmaxFirst"),
      ],
      logits.map((value, i) => [
        `${i}${i === target ? " ✓" : ""}`,
        formatNumber(value, 4),
        formatNumber(logProbs[i]),
        formatNumber(atOne[i]),
        formatNumber(gradient[i]),
        formatNumber(mistakenGradient[i]),
      ]),
    );
    this.steps.querySelector("caption")!.textContent = t("softmax.stepsCaption", formatNumber(lse));
    this.lossReadout.textContent =
      `CrossEntropyLoss(z, target=${target}) = NLLLoss(LogSoftmax(z), ${target}) = −(${formatNumber(logProbs[target])}) = ${formatNumber(nll)}` +
      (Math.abs(nll - loss) > 1e-12 ? ` (cross_entropy: ${formatNumber(loss)})` : "");
    this.mistakeReadout.textContent =
      g > 0 && gm > 0
        ? t(
            "softmax.mistake",
            target,
            formatNumber(mistaken),
            formatNumber(floor),
            formatNumber(gm),
            formatNumber(g / gm, 3),
            formatNumber(g),
          )
        : t(
            "softmax.mistakeNoGradient",
            target,
            formatNumber(mistaken),
            formatNumber(floor),
            formatNumber(gm),
            formatNumber(g),
          );
    fillTable(
      this.barsTable,
      [
        t("softmax.table.class"),
        t("softmax.table.logit"),
        `softmax(z / ${formatNumber(temperature, 2)})`,
        "softmax(z)",
      ],
      logits.map((value, i) => [
        String(i),
        formatNumber(value, 4),
        formatNumber(probabilities[i]),
        formatNumber(atOne[i]),
      ]),
    );
  }

  // --- logistic regression ------------------------------------------------------------------

  private renderBrush(s: Softmax): void {
    const radios: HTMLElement[] = [];
    for (let c = 0; c < s.classes; c++) {
      const radio = h("input", {
        type: "radio",
        name: "brush",
        id: `brush-${c}`,
        value: c,
        checked: c === s.brush,
      });
      radio.addEventListener("change", () => this.edit((st) => ({ ...st, brush: c })));
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = this.classColor(c) ?? "";
      radios.push(h("label", { class: "toggle" }, radio, swatch, t("softmax.class", c)));
    }
    this.brushGroup.replaceChildren(
      h("span", { class: "legend" }, t("softmax.clickAdds")),
      ...radios,
    );
  }

  private trainingPoints(s: Softmax): LabeledPoint[] {
    return s.points.filter((p) => p.label < s.classes);
  }

  private train(s: Softmax): LogisticRegressionResult | undefined {
    const points = this.trainingPoints(s);
    const key = `${JSON.stringify(points)}|${s.classes}|${s.epochs}|${s.learningRate}`;
    if (this.model?.key === key) return this.model.result;
    const result =
      points.length === 0
        ? undefined
        : this.trajectory.train(
            {
              kind: s.classes === 2 ? "binary" : "multinomial",
              points: points.map((p) => [p.x, p.y]),
              labels: points.map((p) => p.label),
              classes: s.classes === 2 ? undefined : s.classes,
              learningRate: s.learningRate,
            },
            `${JSON.stringify(points)}|${s.classes}|${s.learningRate}`,
            s.epochs,
          );
    this.model = { key, result };
    return result;
  }

  /** Class probabilities of the trained model at (x, y). */
  private predict(result: LogisticRegressionResult, x: number, y: number): Float64Array {
    const w = result.weights;
    if (result.kind === "binary") {
      const p = sigmoid(w[0][0] * x + w[0][1] * y + result.bias[0]);
      return Float64Array.of(1 - p, p);
    }
    return softmax(w.map((row, c) => row[0] * x + row[1] * y + result.bias[c]));
  }

  private drawModel(s: Softmax): void {
    const result = this.train(s);
    const datasets: Chart<"line">["data"]["datasets"] = [];
    for (let c = 0; c < LIMITS.classes.max; c++) {
      const points = s.points.filter((p) => p.label === c).map((p) => ({ x: p.x, y: p.y }));
      if (points.length === 0 && c >= s.classes) continue;
      const color = this.classColor(c);
      const outside = c >= s.classes;
      datasets.push({
        label: outside ? t("softmax.classOutside", c) : t("softmax.class", c),
        data: points,
        pointRadius: 5,
        pointHoverRadius: 6,
        pointStyle: ["circle", "triangle", "rect", "rectRot", "star"][c],
        showLine: false,
        borderColor: this.theme?.foreground,
        backgroundColor: outside ? "transparent" : color,
        borderWidth: 1,
      });
    }
    if (result?.kind === "binary") {
      const boundary = decisionLine(result.weights[0][0], result.weights[0][1], result.bias[0]);
      if (boundary) {
        datasets.push({
          label: t("softmax.boundary"),
          data: boundary,
          showLine: true,
          pointRadius: 0,
          borderColor: this.theme?.foreground,
          borderDash: [6, 4],
          borderWidth: 2,
        });
      }
    }
    this.scatter.data.datasets = datasets;
    setShading(this.scatter, result ? this.shading(result, s.classes) : undefined);
    this.scatter.update("none");

    if (!result) {
      this.modelReadout.textContent = t("softmax.noPoints");
    } else {
      const kind =
        result.kind === "binary"
          ? t("softmax.binaryModel")
          : t("softmax.multinomialModel", s.classes);
      this.modelReadout.textContent =
        kind +
        t(
          "softmax.modelReadout",
          formatNumber(result.losses[0], 4),
          formatNumber(result.finalLoss, 4),
          s.epochs,
          (100 * result.accuracy).toFixed(0),
          this.trainingPoints(s).length,
        );
    }
    const rows = s.points.map((p) => {
      const probabilities = result ? this.predict(result, p.x, p.y) : undefined;
      return [
        formatNumber(p.x, 2),
        formatNumber(p.y, 2),
        String(p.label),
        probabilities ? Array.from(probabilities, (q) => formatNumber(q, 3)).join(" / ") : "—",
      ];
    });
    fillTable(
      this.pointsTable,
      ["x₁", "x₂", t("softmax.table.class"), t("softmax.table.predicted")],
      rows,
    );
  }

  private shading(result: LogisticRegressionResult, classes: number): Shading {
    const rgb = Array.from({ length: classes }, (_, c) => toRgb(this.classColor(c) ?? "#888"));
    const strength = this.theme?.kind === "high-contrast" ? 0.55 : 0.35;
    const pixels = new Uint8ClampedArray(GRID * GRID * 4);
    // The model's probabilities cell by cell, in place: 4,096 cells, no arrays per cell.
    const outputs = result.kind === "binary" ? 1 : classes;
    const w = new Float64Array(2 * outputs);
    const bias = new Float64Array(outputs);
    for (let c = 0; c < outputs; c++) {
      w[2 * c] = result.weights[c][0];
      w[2 * c + 1] = result.weights[c][1];
      bias[c] = result.bias[c];
    }
    const p = new Float64Array(classes);
    for (let row = 0; row < GRID; row++) {
      const y = BOX.max - ((row + 0.5) * (BOX.max - BOX.min)) / GRID;
      for (let col = 0; col < GRID; col++) {
        const x = BOX.min + ((col + 0.5) * (BOX.max - BOX.min)) / GRID;
        if (result.kind === "binary") {
          p[1] = sigmoid(w[0] * x + w[1] * y + bias[0]);
          p[0] = 1 - p[1];
        } else {
          let max = -Infinity;
          for (let c = 0; c < classes; c++) {
            p[c] = w[2 * c] * x + w[2 * c + 1] * y + bias[c];
            if (p[c] > max) max = p[c];
          }
          let sum = 0;
          for (let c = 0; c < classes; c++) sum += p[c] = Math.exp(p[c] - max);
          for (let c = 0; c < classes; c++) p[c] /= sum;
        }
        let r = 0;
        let g = 0;
        let b = 0;
        let best = 0;
        for (let c = 0; c < classes; c++) {
          r += p[c] * rgb[c][0];
          g += p[c] * rgb[c][1];
          b += p[c] * rgb[c][2];
          if (p[c] > best) best = p[c];
        }
        // Opaque where the model is sure, clear where every class is equally likely.
        const sureness = (best - 1 / classes) / (1 - 1 / classes);
        const at = 4 * (row * GRID + col);
        pixels[at] = r;
        pixels[at + 1] = g;
        pixels[at + 2] = b;
        pixels[at + 3] = 255 * strength * (0.25 + 0.75 * sureness);
      }
    }
    return { size: GRID, pixels, xMin: BOX.min, xMax: BOX.max, yMin: BOX.min, yMax: BOX.max };
  }

  private classColor(c: number): string | undefined {
    const series = this.theme?.series;
    // Blue, orange, green, purple, red: the first five chart colours of the theme.
    return series?.[c % series.length];
  }

  showNote(note: string | undefined): void {
    this.note.textContent = note === undefined ? "" : localNote(note);
  }

  applyTheme(theme: ThemeColors): void {
    this.theme = theme;
    themeAxes(this.bars as unknown as Chart, theme);
    themeAxes(this.scatter as unknown as Chart, theme);
    this.model = undefined;
  }

  exportPng() {
    // Both charts side by side, on the theme's background.
    const left = this.bars.canvas;
    const right = this.scatter.canvas;
    const canvas = document.createElement("canvas");
    canvas.width = left.width + right.width;
    canvas.height = Math.max(left.height, right.height);
    const context = canvas.getContext("2d")!;
    context.fillStyle = this.theme?.background ?? "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(left, 0, 0);
    context.drawImage(right, left.width, 0);
    return { suggestedName: "logits-softmax.png", content: canvas.toDataURL("image/png") };
  }

  exportCsv() {
    const s = this.state!;
    const probabilities = softmax(s.logits, s.temperature);
    const logProbs = logSoftmax(s.logits);
    const gradient = crossEntropyGradient([s.logits], [s.target])[0];
    const mistaken = softmaxThenCrossEntropyGradient([s.logits], [s.target])[0];
    const logitsCsv = toCsv(
      ["class", "logit", "softmax_T", "log_softmax", "target", "ce_grad", "softmax_first_ce_grad"],
      s.logits.map((z, i) => [
        i,
        z,
        probabilities[i],
        logProbs[i],
        i === s.target ? 1 : 0,
        gradient[i],
        mistaken[i],
      ]),
    );
    const result = this.train(s);
    const classes = s.classes;
    const pointsCsv = toCsv(
      ["x1", "x2", "class", ...Array.from({ length: classes }, (_, c) => `p_class_${c}`)],
      s.points.map((p) => [
        p.x,
        p.y,
        p.label,
        ...(result ? Array.from(this.predict(result, p.x, p.y)) : new Array(classes).fill(NaN)),
      ]),
    );
    // Two tables, one blank line between them: the logits step-through, then the points.
    return { suggestedName: "logits-softmax.csv", content: `${logitsCsv}\r\n${pointsCsv}` };
  }

  exportScript() {
    return { suggestedName: "logits_softmax.py", content: softmaxScript(this.state!) };
  }
}

function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]);
}

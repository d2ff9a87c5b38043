// Vanishing gradients: a deep stack of equal-width layers with seeded random weights. One backward
// pass shows ‖∂(Σ y)/∂W_l‖ for every layer on a log axis beside the bound 0.25^(depth − l) that
// sigmoid's σ' ≤ 0.25 puts on it; "train N steps" shows how far each layer's weights move per step,
// so the early layers visibly stall with sigmoid and not with ReLU + He. The math core computes;
// this file schedules the work so that the page never stalls on it.
import {
  NormalStream,
  StreamGradientNorms,
  type TrainDeepNetworkOptions,
  type TrainDeepNetworkResult,
  mlpKernelsAvailable,
  startDeepNetworkTraining,
} from "../../src/core";
import {
  ACTIVATION_IDS,
  type ActivationId,
  INIT_IDS,
  type InitId,
  type LabState,
  LIMITS,
  type VanishingMode,
  clampControl,
  fitNetwork,
  fitSteps,
} from "../../src/shared/labState";
import { Chart, fastLineOptions, themeAxes } from "../charts/chartSetup";
import { chartToPng } from "../charts/exportPng";
import { toCsv } from "../csv";
import { vanishingScript } from "../export/vanishingScript";
import { chartFigure, formatNumber, h, numberControl, selectControl } from "../dom";
import { LazyTable } from "../charts/lazyTable";
import { runSliced } from "../slicedJob";
import { reportRendered } from "../rendered";
import type { ThemeColors } from "../theme";
import type { LabView, StateUpdate } from "../view";
import { t } from "../i18n";
import { localNote } from "../i18n/notes";
import { MeanOfLogs, sampleSeed } from "./vanishingSamples";
import { VanishingWorker } from "./vanishingWorkerClient";
import type { NetworkShape } from "../workers/vanishingProtocol";

type Vanishing = LabState["vanishing"];

/** Training uses a fixed small batch: enough to average, small enough to stay quick. */
export const TRAINING_BATCH = 4;
/**
 * Work (weights × samples, weights × steps) from which the worker shares a request: about a
 * frame's worth on the page (~9 ns a weight per sample, most of it drawing the weights; a training
 * step ~10 ns a weight with the core's WebAssembly kernels, ~20 without, in Chromium here). Below
 * it the page finishes in a slice or two, sooner than a message round trip and a second thread
 * would: with the kernels, a training run of ~1M weight-steps (100 × 36² × 8 or 200 × 24² × 8)
 * redrew in 20–23 ms p50 on the page against 27–30 ms through the worker (50 seed changes each,
 * interleaved, load ~2.5).
 */
const WORKER_GRADIENT_WORK = 2 ** 20;
const workerTrainingWork = (): number => (mlpKernelsAvailable() ? 2 ** 20 : 2 ** 19);

/** Labels are looked up when drawn, so they are in the page's language. */
const activationLabel = (id: ActivationId): string =>
  id === "sigmoid" ? t("vanishing.activation.sigmoid") : id === "tanh" ? "tanh" : "ReLU";
const initLabel = (id: InitId): string =>
  id === "normal"
    ? t("vanishing.init.normal")
    : id === "xavier"
      ? t("vanishing.init.xavier")
      : t("vanishing.init.he");

function tick(value: number | string): string {
  const k = Number(value);
  return Number.isInteger(k) ? `1e${k}` : "";
}

/** Layers whose training curves are drawn: the first, the last and three between. */
function trackedLayers(depth: number): number[] {
  const picks = [0, Math.round((depth - 1) / 4), Math.round((depth - 1) / 2), depth - 1];
  return [...new Set(picks)].sort((a, b) => a - b);
}

interface GradientResult {
  key: string;
  norms: Float64Array;
  log10Norms: Float64Array;
  log10Bound: Float64Array;
  samplesDone: number;
}

export class VanishingView implements LabView {
  readonly id = "vanishing" as const;
  readonly title = t("view.vanishing");
  readonly root: HTMLElement;

  private readonly chart: Chart<"line">;
  private readonly table: LazyTable;
  private readonly readout: HTMLElement;
  private readonly note: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly controls: {
    depth: ReturnType<typeof numberControl>;
    width: ReturnType<typeof numberControl>;
    scale: ReturnType<typeof numberControl>;
    seed: ReturnType<typeof numberControl>;
    samples: ReturnType<typeof numberControl>;
    steps: ReturnType<typeof numberControl>;
    learningRate: ReturnType<typeof numberControl>;
    activation: ReturnType<typeof selectControl<ActivationId>>;
    init: ReturnType<typeof selectControl<InitId>>;
    mode: ReturnType<typeof selectControl<VanishingMode>>;
  };
  private readonly trainingOnly: HTMLElement;
  private readonly gradientsOnly: HTMLElement;
  private state: Vanishing | undefined;
  private theme: ThemeColors | undefined;
  /** Bumped by every new request: a job that sees a newer generation stops. */
  private generation = 0;
  private gradients: GradientResult | undefined;
  private training: { key: string; result: TrainDeepNetworkResult } | undefined;
  /** Sample s's normals for the current seed: the other controls draw nothing new. */
  private readonly streams: NormalStream[] = [];
  private readonly sampler = new StreamGradientNorms();
  /** Shares large requests with the page (started by the first one). */
  private readonly worker = new VanishingWorker();
  /** The chart's datasets, kept and updated in place (Chart.js then keeps its controllers). */
  private readonly gradientSets = [
    { label: "", data: [] as { x: number; y: number }[] },
    { label: "", data: [] as { x: number; y: number }[] },
  ];
  private trainingSets: { label: string; data: { x: number; y: number }[] }[] = [];

  constructor(private readonly update: StateUpdate) {
    const d = { depth: 20, width: 16, scale: 1, seed: 1, samples: 4, steps: 30, rate: 0.1 };
    const number = (
      id: string,
      label: string,
      name: "depth" | "width" | "scale" | "seed" | "samples" | "steps" | "learningRate",
      step: number,
      value: number,
    ) =>
      numberControl({
        id,
        label,
        min: LIMITS[name].min,
        max: LIMITS[name].max,
        step,
        value,
        onInput: (v) => this.set(name, v),
      });
    this.controls = {
      depth: number("depth", t("vanishing.depth"), "depth", 1, d.depth),
      width: number("width", t("vanishing.width"), "width", 1, d.width),
      scale: number("init-scale", t("vanishing.scale"), "scale", 0.01, d.scale),
      seed: number("seed", t("vanishing.seed"), "seed", 1, d.seed),
      samples: number("samples", t("vanishing.samples"), "samples", 1, d.samples),
      steps: number("steps", t("vanishing.steps"), "steps", 1, d.steps),
      learningRate: number(
        "learning-rate",
        t("vanishing.learningRate"),
        "learningRate",
        0.01,
        d.rate,
      ),
      activation: selectControl({
        id: "activation",
        label: t("vanishing.activation"),
        choices: ACTIVATION_IDS.map((value) => ({ value, label: activationLabel(value) })),
        value: "sigmoid",
        onChange: (activation) => this.change({ activation }),
      }),
      init: selectControl({
        id: "init",
        label: t("vanishing.init"),
        choices: INIT_IDS.map((value) => ({ value, label: initLabel(value) })),
        value: "normal",
        onChange: (init) => this.change({ init }),
      }),
      mode: selectControl({
        id: "vanishing-mode",
        label: t("vanishing.mode"),
        choices: [
          { value: "gradients", label: t("vanishing.mode.gradients") },
          { value: "training", label: t("vanishing.mode.training") },
        ],
        value: "gradients",
        onChange: (mode) => this.change({ mode }),
      }),
    };
    const c = this.controls;
    const newSeed = h("button", { type: "button", class: "secondary" }, t("vanishing.newSeed"));
    newSeed.addEventListener("click", () =>
      this.change({ seed: Math.floor(Math.random() * LIMITS.seed.max) }),
    );
    const presets = h(
      "div",
      { class: "presets", role: "group", "aria-label": t("vanishing.presets") },
      preset(t("vanishing.preset.sigmoidNormal"), () =>
        this.change({ activation: "sigmoid", init: "normal", scale: 1 }),
      ),
      preset(t("vanishing.preset.sigmoidXavier"), () =>
        this.change({ activation: "sigmoid", init: "xavier", scale: 1 }),
      ),
      preset("ReLU, He", () => this.change({ activation: "relu", init: "he", scale: 1 })),
    );
    this.gradientsOnly = h("div", { class: "controls" }, c.samples.root);
    this.trainingOnly = h("div", { class: "controls" }, c.steps.root, c.learningRate.root);
    const { figure, canvas, table, fallback } = chartFigure({
      id: "chart-vanishing",
      label: t("vanishing.chartLabel"),
      caption: t("vanishing.caption"),
    });
    this.table = new LazyTable(table, fallback);
    this.readout = h("p", { id: "vanishing-readout", class: "readout", "aria-live": "polite" });
    this.note = h("p", { class: "note", role: "status" });
    this.progress = h("p", { class: "progress", "aria-live": "off" });
    this.root = h(
      "section",
      { class: "view", "aria-label": t("view.vanishing") },
      h(
        "div",
        { class: "controls" },
        c.mode.root,
        c.depth.root,
        c.width.root,
        c.activation.root,
        c.init.root,
        c.scale.root,
        h("div", { class: "control seed" }, c.seed.root, newSeed),
      ),
      this.gradientsOnly,
      this.trainingOnly,
      presets,
      this.note,
      this.readout,
      this.progress,
      figure,
      h("p", { class: "explain" }, t("vanishing.explain")),
      fallback,
    );
    this.chart = new Chart(canvas, {
      type: "line",
      data: { datasets: [] },
      options: {
        ...fastLineOptions(),
        scales: {
          x: { type: "linear", title: { display: true, text: t("vanishing.axis.layer") } },
          y: {
            type: "linear",
            title: { display: true, text: t("vanishing.axis.gradientNorm") },
            ticks: { callback: tick },
          },
        },
      },
    });
  }

  private set(
    name: "depth" | "width" | "scale" | "seed" | "samples" | "steps" | "learningRate",
    raw: number,
  ): void {
    const clamped = clampControl(name, raw);
    this.change({ [name]: clamped.value }, clamped.note);
  }

  /** Applies a change, then fits the network and the training run into what the page can do. */
  private change(part: Partial<Vanishing>, firstNote?: string): void {
    let note = firstNote;
    this.update((s) => {
      const next = { ...s.vanishing, ...part };
      const keep = part.width !== undefined && part.depth === undefined ? "width" : "depth";
      const network = fitNetwork(next.depth, next.width, keep);
      next.depth = network.depth;
      next.width = network.width;
      const steps = fitSteps(next.steps, next.depth, next.width);
      next.steps = steps.steps;
      note = [note, network.note, next.mode === "training" ? steps.note : undefined]
        .filter(Boolean)
        .join(". ");
      return { ...s, vanishing: next };
    });
    // The note is known only once the update ran; the shell showed the first one already.
    this.showNote(note || undefined);
  }

  render(state: LabState, force = false): void {
    const v = state.vanishing;
    this.state = v;
    const c = this.controls;
    c.depth.set(v.depth);
    c.width.set(v.width);
    c.scale.set(v.scale);
    c.seed.set(v.seed);
    c.samples.set(v.samples);
    c.steps.set(v.steps);
    c.learningRate.set(v.learningRate);
    c.activation.set(v.activation);
    c.init.set(v.init);
    c.mode.set(v.mode);
    this.gradientsOnly.hidden = v.mode !== "gradients";
    this.trainingOnly.hidden = v.mode !== "training";
    if (v.mode === "gradients") this.showGradients(v, force);
    else this.showTraining(v, force);
  }

  // --- one backward pass, averaged over samples -------------------------------------------

  private gradientKey(v: Vanishing): string {
    return [v.depth, v.width, v.activation, v.init, v.scale, v.seed, v.samples].join();
  }

  private showGradients(v: Vanishing, force: boolean): void {
    const key = this.gradientKey(v);
    const shown = this.gradients;
    if (shown && shown.key === key && shown.samplesDone === v.samples) {
      if (force) this.drawGradients(v, shown);
      else reportRendered(this.id);
      return;
    }
    const generation = ++this.generation;
    const samples = v.samples;
    const log10Bound = new Float64Array(v.depth);
    for (let l = 0; l < v.depth; l++) log10Bound[l] = (v.depth - l) * Math.log10(0.25);
    // Sample s's per-layer log10 norms, whoever computed it; averaged in sample order, so the
    // mean is the same whatever the page and the worker each did.
    const rows: (Float64Array | undefined)[] = new Array<undefined>(samples).fill(undefined);
    let done = 0;
    const put = (sample: number, row: Float64Array) => {
      if (rows[sample]) return;
      rows[sample] = row;
      done++;
    };
    const result = (): GradientResult => {
      const mean = new MeanOfLogs(v.depth);
      for (const row of rows) if (row) mean.add(row);
      return {
        key,
        norms: mean.mean(),
        log10Norms: mean.log10Mean(),
        log10Bound,
        samplesDone: mean.count,
      };
    };
    // A large request: the worker computes samples from the last one down while the page computes
    // them from the first one up, skipping what the worker has sent; they meet in the middle.
    const shared =
      samples > 1 &&
      v.depth * v.width ** 2 * samples >= WORKER_GRADIENT_WORK &&
      this.worker.ready();
    let workerFailed = false;
    if (shared) {
      this.worker.gradients(
        this.networkShape(v),
        samples,
        1,
        (sample, row) => {
          if (generation === this.generation) put(sample, row);
        },
        () => (workerFailed = true), // the page computes what the worker did not
      );
    } else this.worker.stop();
    // Samples are computed one network at a time, each from its own seed: a big request is cut
    // into slices, the chart fills in as they finish, and any new input cancels the rest.
    let next = 0;
    let computedHere = 0;
    runSliced({
      current: () => generation === this.generation,
      advance: () => {
        while (next < samples && rows[next]) next++;
        if (next < samples) {
          put(next, this.sampler.run(this.stream(next, v.seed), v));
          computedHere++;
        }
        if (done === samples) return 1;
        // The worker's samples arrive only between slices, but it draws about as fast as the page:
        // counting its share as the page's own keeps the slices from judging the rest twice as
        // long as it is — and from drawing a partial chart a few milliseconds before the last one.
        const progress = shared && !workerFailed ? Math.max(done, 2 * computedHere) : done;
        return Math.min(progress, samples - 0.5) / samples;
      },
      // Past its half, the page reads what the worker sent before it draws anything more itself.
      yieldNow: () => shared && !workerFailed && 2 * computedHere >= samples,
      drawPartial: () => {
        this.gradients = result();
        this.drawGradients(v, this.gradients);
      },
      drawComplete: () => {
        this.worker.stop();
        this.gradients = result();
        this.drawGradients(v, this.gradients);
      },
    });
  }

  private networkShape(v: Vanishing): NetworkShape {
    const { depth, width, activation, init, scale, seed } = v;
    return { depth, width, activation, init, scale, seed };
  }

  /** Sample s's stream for `seed`; a new seed restarts it in the memory it already has. */
  private stream(sample: number, seed: number): NormalStream {
    const wanted = sampleSeed(seed, sample);
    const stream = this.streams[sample];
    if (!stream) return (this.streams[sample] = new NormalStream(wanted));
    if (stream.seed !== wanted) stream.restart(wanted);
    return stream;
  }

  private drawGradients(v: Vanishing, g: GradientResult): void {
    const complete = g.samplesDone >= v.samples;
    const layers = g.log10Norms.length;
    const norms = new Array<{ x: number; y: number }>(layers);
    const bound = new Array<{ x: number; y: number }>(layers);
    for (let l = 0; l < layers; l++) {
      norms[l] = { x: l + 1, y: g.log10Norms[l] };
      bound[l] = { x: l + 1, y: g.log10Bound[l] };
    }
    const width = this.theme?.kind === "high-contrast" ? 3 : 2;
    const [normSet, boundSet] = this.gradientSets;
    Object.assign(normSet, {
      label: t(
        g.samplesDone === 1 ? "vanishing.legend.normsOne" : "vanishing.legend.norms",
        activationLabel(v.activation),
        g.samplesDone,
      ),
      data: norms,
      borderColor: this.theme?.series[0],
      backgroundColor: this.theme?.series[0],
      borderWidth: width,
      pointRadius: layers <= 40 ? 2 : 0,
    });
    Object.assign(boundSet, {
      label: t("vanishing.legend.bound"),
      data: bound,
      borderColor: this.theme?.series[1],
      backgroundColor: this.theme?.series[1],
      borderDash: [6, 4],
      borderWidth: width,
    });
    if (this.chart.data.datasets !== this.gradientSets)
      this.chart.data.datasets = this.gradientSets;
    const axes = this.chart.options.scales!;
    axes.x!.title!.text = t("vanishing.axis.layer");
    axes.y!.title!.text = t("vanishing.axis.gradientNorm");
    axes.x!.min = 1;
    axes.x!.max = Math.max(2, layers);
    this.chart.update("none");
    this.progress.textContent = complete ? "" : t("vanishing.computing", g.samplesDone, v.samples);
    const first = g.log10Norms[0];
    const last = g.log10Norms[layers - 1];
    // How many powers of ten the gradient loses between the last layer and the first.
    const loss = last - first;
    this.readout.textContent =
      t("vanishing.readout", formatLog(first), layers, formatLog(last)) +
      (loss > 1
        ? t("vanishing.readout.vanishing", loss.toFixed(1))
        : loss < -1
          ? t("vanishing.readout.exploding", (-loss).toFixed(1))
          : t("vanishing.readout.level")) +
      t("vanishing.readout.bound", layers, formatLog(layers * Math.log10(0.25)));
    if (complete) {
      this.table.set(() => ({
        headers: [t("vanishing.table.layer"), t("vanishing.table.meanNorm"), "0.25^(depth − l)"],
        rows: Array.from({ length: layers }, (_, l) => [
          String(l + 1),
          formatLog(g.log10Norms[l]),
          formatLog(g.log10Bound[l]),
        ]),
      }));
    }
    reportRendered(this.id, complete);
  }

  // --- a few training steps ------------------------------------------------------------------

  private trainingKey(v: Vanishing): string {
    return [
      v.depth,
      v.width,
      v.activation,
      v.init,
      v.scale,
      v.seed,
      v.steps,
      v.learningRate,
    ].join();
  }

  private showTraining(v: Vanishing, force: boolean): void {
    const key = this.trainingKey(v);
    if (this.training?.key === key) {
      if (force) this.drawTraining(v, this.training.result);
      else reportRendered(this.id);
      return;
    }
    const generation = ++this.generation;
    const options = {
      ...this.networkShape(v),
      steps: v.steps,
      learningRate: v.learningRate,
      batchSize: TRAINING_BATCH,
    };
    const finished = (result: TrainDeepNetworkResult) => {
      this.training = { key, result };
      this.drawTraining(v, result);
    };
    // A large run goes to the worker whole: the page stays free to draw its progress.
    if (v.depth * v.width ** 2 * v.steps >= workerTrainingWork() && this.worker.ready()) {
      this.worker.training(
        options,
        (result, complete) => {
          if (generation !== this.generation) return;
          if (complete) finished(result);
          else this.drawTraining(v, result, false);
        },
        () => {
          if (generation === this.generation) this.trainOnPage(options, generation, finished);
        },
      );
      return;
    }
    this.worker.stop();
    this.trainOnPage(options, generation, finished);
  }

  /** Step by step in slices: the curves grow while it runs, and new input stops it. */
  private trainOnPage(
    options: TrainDeepNetworkOptions,
    generation: number,
    finished: (result: TrainDeepNetworkResult) => void,
  ): void {
    const training = startDeepNetworkTraining(options);
    const v = this.state!;
    runSliced({
      current: () => generation === this.generation,
      advance: () => {
        training.step();
        return training.stepsDone / training.steps;
      },
      drawPartial: () => this.drawTraining(v, training.result(), false),
      drawComplete: () => finished(training.result()),
    });
  }

  private drawTraining(v: Vanishing, result: TrainDeepNetworkResult, complete = true): void {
    const steps = result.relativeUpdates.length;
    const width = this.theme?.kind === "high-contrast" ? 3 : 2;
    const layers = trackedLayers(v.depth);
    // Same number of curves as last time: the dataset objects are kept and updated in place.
    if (this.trainingSets.length !== layers.length) {
      this.trainingSets = layers.map(() => ({ label: "", data: [] }));
    }
    layers.forEach((layer, index) => {
      const data = new Array<{ x: number; y: number }>(steps);
      for (let s = 0; s < steps; s++) {
        data[s] = { x: s + 1, y: safeLog10(result.relativeUpdates[s][layer]) };
      }
      const color = this.theme?.series[index % this.theme.series.length];
      Object.assign(this.trainingSets[index], {
        label: t("vanishing.legend.layer", layer + 1),
        data,
        borderColor: color,
        backgroundColor: color,
        borderWidth: width,
        pointRadius: steps <= 40 ? 2 : 0,
      });
    });
    if (this.chart.data.datasets !== this.trainingSets)
      this.chart.data.datasets = this.trainingSets;
    const axes = this.chart.options.scales!;
    axes.x!.title!.text = t("vanishing.axis.step");
    axes.y!.title!.text = t("vanishing.axis.updateSize");
    axes.x!.min = 1;
    axes.x!.max = Math.max(2, v.steps); // the whole run, so a partial chart does not rescale
    this.chart.update("none");
    this.progress.textContent = complete ? "" : t("vanishing.training", v.steps, v.depth);
    const firstLayer = meanLog10(result.relativeUpdates, 0);
    const lastLayer = meanLog10(result.relativeUpdates, v.depth - 1);
    this.readout.textContent =
      t(
        "vanishing.trainingReadout",
        steps,
        formatNumber(result.losses[0], 4),
        formatNumber(result.finalLoss, 4),
        formatLog(firstLayer),
        v.depth,
        formatLog(lastLayer),
      ) +
      (lastLayer - firstLayer > 2
        ? t("vanishing.trainingReadout.stalled")
        : t("vanishing.trainingReadout.learning"));
    if (complete)
      this.table.set(() => ({
        headers: [
          t("vanishing.table.step"),
          t("vanishing.table.loss"),
          ...layers.map((l) => t("vanishing.legend.layer", l + 1)),
        ],
        rows: Array.from({ length: steps }, (_, s) => [
          String(s + 1),
          formatNumber(result.losses[s], 6),
          ...layers.map((l) => formatNumber(result.relativeUpdates[s][l], 4)),
        ]),
      }));
    reportRendered(this.id, complete);
  }

  showNote(note: string | undefined): void {
    this.note.textContent = note === undefined ? "" : localNote(note);
  }

  applyTheme(theme: ThemeColors): void {
    this.theme = theme;
    themeAxes(this.chart, theme);
  }

  exportPng() {
    return {
      suggestedName: `vanishing-${this.state?.mode ?? "gradients"}.png`,
      content: chartToPng(this.chart, this.theme?.background ?? "#ffffff"),
    };
  }

  exportCsv() {
    const v = this.state;
    if (v?.mode === "training" && this.training) {
      const r = this.training.result;
      const headers = ["step", "loss"];
      for (let l = 0; l < v.depth; l++) headers.push(`update_layer_${l + 1}`);
      for (let l = 0; l < v.depth; l++) headers.push(`relative_update_layer_${l + 1}`);
      const rows = r.updateNorms.map((updates, s) => [
        s + 1,
        r.losses[s],
        ...updates,
        ...r.relativeUpdates[s],
      ]);
      return { suggestedName: "vanishing-training.csv", content: toCsv(headers, rows) };
    }
    const g = this.gradients;
    const rows: number[][] = [];
    if (g) {
      for (let l = 0; l < g.norms.length; l++) {
        rows.push([l + 1, g.norms[l], g.log10Norms[l], 10 ** g.log10Bound[l]]);
      }
    }
    return {
      suggestedName: "vanishing-gradients.csv",
      content: toCsv(["layer", "gradient_norm", "log10_gradient_norm", "sigmoid_bound"], rows),
    };
  }

  exportScript() {
    const v = this.state!;
    return {
      suggestedName: `vanishing_${v.mode}.py`,
      content: vanishingScript(v, TRAINING_BATCH),
    };
  }
}

function preset(label: string, onClick: () => void): HTMLButtonElement {
  const button = h("button", { type: "button", class: "secondary" }, label);
  button.addEventListener("click", onClick);
  return button;
}

function safeLog10(value: number): number {
  return value > 0 ? Math.log10(value) : NaN;
}

function meanLog10(rows: Float64Array[], column: number): number {
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    const value = safeLog10(row[column]);
    if (Number.isFinite(value)) {
      sum += value;
      count++;
    }
  }
  return count === 0 ? -Infinity : sum / count;
}

/** 10^k written as a number: 3.2e−14, 0.012. */
export function formatLog(log10Value: number): string {
  if (!Number.isFinite(log10Value)) return log10Value > 0 ? "∞" : "0";
  if (log10Value > -4 && log10Value < 6) return formatNumber(10 ** log10Value, 4);
  const exponent = Math.floor(log10Value);
  const mantissa = 10 ** (log10Value - exponent);
  return `${mantissa.toFixed(2)}e${exponent < 0 ? "−" : "+"}${Math.abs(exponent)}`;
}

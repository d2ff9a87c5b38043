// The one serialisable object that holds everything a user can set in the Lab panel. The webview
// saves it with setState; the serializer hands it back after a reload; hovers and CodeLenses open
// the panel with a partial `LabIntent`. Both sides sanitise it: a state saved by an older version,
// or a message from anywhere, never reaches a view unchecked.

import { type RecurrentState, defaultRecurrentState, sanitizeRecurrent } from "./recurrentState";
import { isRecord } from "./guards";

export const LAB_STATE_VERSION = 1;

export const VIEW_IDS = ["activations", "vanishing", "softmax", "recurrent"] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export const CURVE_IDS = ["tanh", "relu", "softplus", "logit"] as const;
export type CurveId = (typeof CURVE_IDS)[number];

export interface ActivationsState {
  /** The probe: where σ(x), σ'(x) and the tangent line are shown. */
  x: number;
  /** k in σ(k·x); 1/k is the temperature. */
  gain: number;
  /** Half-width of the plotted interval [−range, range]. */
  range: number;
  /** Extra curves drawn beside σ and σ'. */
  curves: CurveId[];
}

export const ACTIVATION_IDS = ["sigmoid", "tanh", "relu"] as const;
export type ActivationId = (typeof ACTIVATION_IDS)[number];

export const INIT_IDS = ["normal", "xavier", "he"] as const;
export type InitId = (typeof INIT_IDS)[number];

export const VANISHING_MODES = ["gradients", "training"] as const;
export type VanishingMode = (typeof VANISHING_MODES)[number];

export interface VanishingState {
  /** Number of layers, 1–200. */
  depth: number;
  /** Units per layer, 1–512. */
  width: number;
  activation: ActivationId;
  /** Weight initialisation: N(0, scale²), Xavier (Glorot) normal, or He (Kaiming) normal. */
  init: InitId;
  /** Standard deviation for the "normal" initialisation. */
  scale: number;
  seed: number;
  /** Random inputs the gradient norms are averaged over. */
  samples: number;
  /** One backward pass, or a few training steps with per-layer update sizes. */
  mode: VanishingMode;
  steps: number;
  learningRate: number;
}

/** A 2-D point the user placed, with its class (0 or 1 for the binary model). */
export interface LabeledPoint {
  x: number;
  y: number;
  label: number;
}

export interface SoftmaxState {
  /** The logits z that are edited (2–8 of them). */
  logits: number[];
  /** T in softmax(z / T). */
  temperature: number;
  /** The true class of the CrossEntropyLoss step-through. */
  target: number;
  /** 2 = binary logistic regression (one sigmoid); 3–5 = multinomial (softmax). */
  classes: number;
  /** The training points; labels ≥ classes are kept but left out of training. */
  points: LabeledPoint[];
  /** The class a click adds. */
  brush: number;
  epochs: number;
  learningRate: number;
}

export interface LabState {
  version: typeof LAB_STATE_VERSION;
  view: ViewId;
  activations: ActivationsState;
  vanishing: VanishingState;
  softmax: SoftmaxState;
  /** LSTM & GRU: see ./recurrentState.ts. */
  recurrent: RecurrentState;
}

export const CELL_IDS = ["lstm", "gru", "rnn"] as const;
export type CellId = (typeof CELL_IDS)[number];

/** What a hover link, CodeLens or command asks the panel to show. Every field is optional. */
export interface LabIntent {
  view?: ViewId;
  /** Activations: the probe x. */
  x?: number;
  /** Logits & softmax: the logits to show (1–32 finite numbers). */
  logits?: number[];
  /** Vanishing gradients: a network to simulate (from a CodeLens over nn.Sequential). */
  depth?: number;
  width?: number;
  activation?: ActivationId;
  /** LSTM & GRU: which cell. */
  cell?: CellId;
}

/** Limits of every control; the same numbers clamp the UI, saved states and incoming intents. */
export const LIMITS = {
  x: { min: -50, max: 50 },
  gain: { min: 0.05, max: 20 },
  range: { min: 1, max: 50 },
  depth: { min: 1, max: 200, integer: true },
  width: { min: 1, max: 512, integer: true },
  scale: { min: 0.001, max: 10 },
  seed: { min: 0, max: 2147483647, integer: true },
  samples: { min: 1, max: 16, integer: true },
  steps: { min: 1, max: 200, integer: true },
  learningRate: { min: 0.0001, max: 10 },
  logit: { min: -100, max: 100 },
  temperature: { min: 0.05, max: 20 },
  classes: { min: 2, max: 5, integer: true },
  epochs: { min: 1, max: 1000, integer: true },
  coordinate: { min: -5, max: 5 },
} as const;

export type ControlName = keyof typeof LIMITS;

/**
 * Weights in one simulated network (depth·width²). Every weight is drawn from the core's seeded
 * generator (~5 ns a weight in Chromium here) and then used in one forward and one backward pass
 * (~2 ns); a quarter of a million weights keeps one sample near 2 ms, so the page answers input
 * between samples while they add up (a worker sharing the large requests). With 200 layers that
 * allows width 36; with width 128, 16 layers; width 512 fits one layer.
 */
export const MAX_NETWORK_WEIGHTS = 2 ** 18;
/** Training work bound: steps·depth·width² (each step runs a batch of 4 forward and back). */
export const MAX_TRAINING_WORK = 2 ** 21;

/**
 * Fits depth × width into MAX_NETWORK_WEIGHTS by shrinking the control the user did not just set
 * (`keep`), so that typing depth 200 gives depth 200 and a narrower network, with a note.
 */
export function fitNetwork(
  depth: number,
  width: number,
  keep: "depth" | "width",
): { depth: number; width: number; note?: string } {
  if (depth * width * width <= MAX_NETWORK_WEIGHTS) return { depth, width };
  const asked = `${depth} layers × ${width} units is ${(depth * width * width).toLocaleString("en")} weights; the panel simulates up to ${MAX_NETWORK_WEIGHTS.toLocaleString("en")}`;
  if (keep === "depth") {
    const fitted = Math.max(1, Math.floor(Math.sqrt(MAX_NETWORK_WEIGHTS / depth)));
    return { depth, width: fitted, note: `${asked}, so width is ${fitted}` };
  }
  const fitted = Math.max(1, Math.floor(MAX_NETWORK_WEIGHTS / (width * width)));
  return { depth: fitted, width, note: `${asked}, so depth is ${fitted}` };
}

/** Training steps that fit MAX_TRAINING_WORK for this network. */
export function fitSteps(
  steps: number,
  depth: number,
  width: number,
): { steps: number; note?: string } {
  const most = Math.max(1, Math.floor(MAX_TRAINING_WORK / (depth * width * width)));
  if (steps <= most) return { steps };
  return {
    steps: most,
    note: `${steps} training steps of ${depth} × ${width} is more than the panel trains at once; using ${most}`,
  };
}

/** Editable logits: at least two (a softmax of one is always 1), at most eight bars. */
export const LOGIT_COUNT = { min: 2, max: 8 } as const;
/** Points beyond this many are not added: training stays well inside one frame. */
export const MAX_POINTS = 200;

/** A few points in two (or three) clusters, so the classifier has something to fit at first. */
export function defaultPoints(): LabeledPoint[] {
  return [
    { x: -2, y: -1.5, label: 0 },
    { x: -1.2, y: -2.4, label: 0 },
    { x: -2.6, y: -0.4, label: 0 },
    { x: -0.8, y: -0.9, label: 0 },
    { x: 1.8, y: 1.2, label: 1 },
    { x: 2.4, y: 0.3, label: 1 },
    { x: 1.1, y: 2.2, label: 1 },
    { x: 0.4, y: 0.9, label: 1 },
    { x: -1.8, y: 2.4, label: 2 },
    { x: -2.7, y: 1.6, label: 2 },
    { x: -1.0, y: 3.1, label: 2 },
  ];
}

export function defaultLabState(): LabState {
  return {
    version: LAB_STATE_VERSION,
    view: "activations",
    activations: { x: 0, gain: 1, range: 10, curves: [] },
    vanishing: {
      depth: 20,
      width: 16,
      activation: "sigmoid",
      init: "normal",
      scale: 1,
      seed: 1,
      samples: 4,
      mode: "gradients",
      steps: 30,
      learningRate: 0.1,
    },
    softmax: {
      logits: [2, 1, 0.1],
      temperature: 1,
      target: 0,
      classes: 2,
      points: defaultPoints(),
      brush: 0,
      epochs: 300,
      learningRate: 0.5,
    },
    recurrent: defaultRecurrentState(),
  };
}

/** A value forced into a control's range, and the note to show when it had to be moved. */
export interface Clamped {
  value: number;
  note?: string;
}

/**
 * Forces a typed value into a control's range (and to a whole number where the control counts
 * something). The note says what happened, e.g. "depth 10000 is above 200; using 200".
 */
export function clampControl(name: ControlName, value: number): Clamped {
  const limits: { min: number; max: number; integer?: boolean } = LIMITS[name];
  const { min, max } = limits;
  if (!Number.isFinite(value)) {
    return { value: min <= 0 && max >= 0 ? 0 : min, note: `${name} must be a finite number` };
  }
  if (value < min) return { value: min, note: `${name} ${value} is below ${min}; using ${min}` };
  if (value > max) return { value: max, note: `${name} ${value} is above ${max}; using ${max}` };
  if (limits.integer && !Number.isInteger(value)) {
    const whole = Math.min(max, Math.max(min, Math.round(value)));
    return { value: whole, note: `${name} must be a whole number; using ${whole}` };
  }
  return { value };
}

function isViewId(value: unknown): value is ViewId {
  return typeof value === "string" && (VIEW_IDS as readonly string[]).includes(value);
}

function finiteOr(value: unknown, fallback: number, name: ControlName): number {
  return typeof value === "number" ? clampControl(name, value).value : fallback;
}

function oneOf<T extends string>(ids: readonly T[], value: unknown, fallback: T): T {
  return (ids as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

function sanitizeVanishing(input: unknown): VanishingState {
  const d = defaultLabState().vanishing;
  const v = isRecord(input) ? input : {};
  const network = fitNetwork(
    finiteOr(v.depth, d.depth, "depth"),
    finiteOr(v.width, d.width, "width"),
    "depth",
  );
  return {
    depth: network.depth,
    width: network.width,
    activation: oneOf(ACTIVATION_IDS, v.activation, d.activation),
    init: oneOf(INIT_IDS, v.init, d.init),
    scale: finiteOr(v.scale, d.scale, "scale"),
    seed: finiteOr(v.seed, d.seed, "seed"),
    samples: finiteOr(v.samples, d.samples, "samples"),
    mode: oneOf(VANISHING_MODES, v.mode, d.mode),
    steps: fitSteps(finiteOr(v.steps, d.steps, "steps"), network.depth, network.width).steps,
    learningRate: finiteOr(v.learningRate, d.learningRate, "learningRate"),
  };
}

/** Logits clamped to ±100 and cut to 2–8 entries; anything else gives the defaults. */
export function sanitizeLogits(input: unknown, fallback: number[]): number[] {
  if (!Array.isArray(input) || input.length < LOGIT_COUNT.min) return fallback.slice();
  const numbers = input.slice(0, LOGIT_COUNT.max);
  if (!numbers.every((v) => typeof v === "number" && Number.isFinite(v))) return fallback.slice();
  return numbers.map((v: number) => clampControl("logit", v).value);
}

function sanitizePoints(input: unknown, fallback: LabeledPoint[]): LabeledPoint[] {
  if (!Array.isArray(input)) return fallback;
  const points: LabeledPoint[] = [];
  for (const p of input.slice(0, MAX_POINTS)) {
    if (!isRecord(p) || typeof p.x !== "number" || typeof p.y !== "number") continue;
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const label = typeof p.label === "number" && Number.isInteger(p.label) ? p.label : -1;
    if (label < 0 || label >= LIMITS.classes.max) continue;
    points.push({
      x: clampControl("coordinate", p.x).value,
      y: clampControl("coordinate", p.y).value,
      label,
    });
  }
  return points;
}

function sanitizeSoftmax(input: unknown): SoftmaxState {
  const d = defaultLabState().softmax;
  const v = isRecord(input) ? input : {};
  const logits = sanitizeLogits(v.logits, d.logits);
  const classes = finiteOr(v.classes, d.classes, "classes");
  const index = (value: unknown, count: number, fallback: number) =>
    typeof value === "number" && Number.isInteger(value) && value >= 0 && value < count
      ? value
      : Math.min(fallback, count - 1);
  return {
    logits,
    temperature: finiteOr(v.temperature, d.temperature, "temperature"),
    target: index(v.target, logits.length, d.target),
    classes,
    points: sanitizePoints(v.points, d.points),
    brush: index(v.brush, classes, d.brush),
    epochs: finiteOr(v.epochs, d.epochs, "epochs"),
    learningRate: finiteOr(v.learningRate, d.learningRate, "learningRate"),
  };
}

/**
 * Turns anything (a restored state, a message) into a valid LabState. Returns the problems found so
 * the caller can log them; unknown or malformed parts fall back to the defaults.
 */
export function sanitizeLabState(input: unknown): { state: LabState; problems: string[] } {
  const defaults = defaultLabState();
  const problems: string[] = [];
  if (!isRecord(input)) {
    if (input !== undefined) problems.push("state is not an object; using defaults");
    return { state: defaults, problems };
  }
  if (input.version !== LAB_STATE_VERSION) {
    problems.push(
      `state version ${String(input.version)} is not ${LAB_STATE_VERSION}; using defaults`,
    );
    return { state: defaults, problems };
  }
  const view = isViewId(input.view) ? input.view : defaults.view;
  if (!isViewId(input.view)) problems.push(`unknown view ${JSON.stringify(input.view)}`);
  // A state saved before a view existed has no part for it: that view starts from its defaults.
  const part = (name: "vanishing" | "softmax"): unknown => {
    if (!isRecord(input[name])) problems.push(`no ${name} settings saved; using defaults`);
    return input[name];
  };
  const a = isRecord(input.activations) ? input.activations : {};
  const curves = Array.isArray(a.curves)
    ? CURVE_IDS.filter((id) => (a.curves as unknown[]).includes(id))
    : defaults.activations.curves;
  return {
    state: {
      version: LAB_STATE_VERSION,
      view,
      activations: {
        x: finiteOr(a.x, defaults.activations.x, "x"),
        gain: finiteOr(a.gain, defaults.activations.gain, "gain"),
        range: finiteOr(a.range, defaults.activations.range, "range"),
        curves,
      },
      vanishing: sanitizeVanishing(part("vanishing")),
      softmax: sanitizeSoftmax(part("softmax")),
      recurrent: sanitizeRecurrent(input.recurrent),
    },
    problems,
  };
}

/** Checks an intent field by field; fields that are wrong are dropped and reported. */
export function sanitizeIntent(input: unknown): { intent: LabIntent; problems: string[] } {
  const problems: string[] = [];
  const intent: LabIntent = {};
  if (!isRecord(input)) return { intent, problems: ["intent is not an object"] };
  if (input.view !== undefined) {
    if (isViewId(input.view)) intent.view = input.view;
    else problems.push(`unknown view ${JSON.stringify(input.view)}`);
  }
  if (input.x !== undefined) {
    if (typeof input.x === "number" && Number.isFinite(input.x)) {
      const clamped = clampControl("x", input.x);
      intent.x = clamped.value;
      if (clamped.note) problems.push(clamped.note);
    } else problems.push("x must be a finite number");
  }
  if (input.logits !== undefined) {
    const logits = input.logits;
    if (
      Array.isArray(logits) &&
      logits.length >= 1 &&
      logits.length <= 32 &&
      logits.every((v) => typeof v === "number" && Number.isFinite(v))
    ) {
      intent.logits = logits as number[];
    } else problems.push("logits must be 1 to 32 finite numbers");
  }
  for (const name of ["depth", "width"] as const) {
    const value = input[name];
    if (value === undefined) continue;
    if (typeof value === "number" && Number.isInteger(value) && value >= 1) intent[name] = value;
    else problems.push(`${name} must be a positive integer`);
  }
  if (input.activation !== undefined) {
    if ((ACTIVATION_IDS as readonly unknown[]).includes(input.activation)) {
      intent.activation = input.activation as ActivationId;
    } else problems.push(`activation must be one of ${ACTIVATION_IDS.join(", ")}`);
  }
  if (input.cell !== undefined) {
    if ((CELL_IDS as readonly unknown[]).includes(input.cell)) intent.cell = input.cell as CellId;
    else problems.push(`cell must be one of ${CELL_IDS.join(", ")}`);
  }
  return { intent, problems };
}

/**
 * The state after an intent: the intent wins where it says something. Numbers are clamped to the
 * controls' limits here too, since an intent may come from a CodeLens over a 1000-layer model.
 * `cell` picks the LSTM & GRU view's cell.
 */
export function applyIntent(state: LabState, intent: LabIntent): LabState {
  const vanishing = { ...state.vanishing };
  if (intent.depth !== undefined) vanishing.depth = clampControl("depth", intent.depth).value;
  if (intent.width !== undefined) vanishing.width = clampControl("width", intent.width).value;
  const network = fitNetwork(vanishing.depth, vanishing.width, "depth");
  vanishing.depth = network.depth;
  vanishing.width = network.width;
  if (intent.activation !== undefined) vanishing.activation = intent.activation;
  let softmax = state.softmax;
  if (intent.logits !== undefined) {
    // One logit z is shown as the binary case softmax([z, 0]) = σ(z).
    const raw = intent.logits.length === 1 ? [intent.logits[0], 0] : intent.logits;
    const logits = sanitizeLogits(raw, softmax.logits);
    softmax = { ...softmax, logits, target: Math.min(softmax.target, logits.length - 1) };
  }
  const x = intent.x === undefined ? state.activations.x : clampControl("x", intent.x).value;
  return {
    ...state,
    view: intent.view ?? state.view,
    activations: { ...state.activations, x },
    vanishing,
    softmax,
    recurrent:
      intent.cell === undefined ? state.recurrent : { ...state.recurrent, cell: intent.cell },
  };
}

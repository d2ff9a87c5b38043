// The one serialisable object that holds everything a user can set in the Lab panel. The webview
// saves it with setState; the serializer hands it back after a reload; hovers and CodeLenses open
// the panel with a partial `LabIntent`. Both sides sanitise it: a state saved by an older version,
// or a message from anywhere, never reaches a view unchecked.

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

export interface LabState {
  version: typeof LAB_STATE_VERSION;
  view: ViewId;
  activations: ActivationsState;
}

export const ACTIVATION_IDS = ["sigmoid", "tanh", "relu"] as const;
export type ActivationId = (typeof ACTIVATION_IDS)[number];

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
} as const;

export function defaultLabState(): LabState {
  return {
    version: LAB_STATE_VERSION,
    view: "activations",
    activations: { x: 0, gain: 1, range: 10, curves: [] },
  };
}

/** A value forced into a control's range, and the note to show when it had to be moved. */
export interface Clamped {
  value: number;
  note?: string;
}

export function clampControl(name: keyof typeof LIMITS, value: number): Clamped {
  const { min, max } = LIMITS[name];
  if (!Number.isFinite(value)) {
    return { value: min <= 0 && max >= 0 ? 0 : min, note: `${name} must be a finite number` };
  }
  if (value < min) return { value: min, note: `${name} ${value} is below ${min}; using ${min}` };
  if (value > max) return { value: max, note: `${name} ${value} is above ${max}; using ${max}` };
  return { value };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isViewId(value: unknown): value is ViewId {
  return typeof value === "string" && (VIEW_IDS as readonly string[]).includes(value);
}

function finiteOr(value: unknown, fallback: number, name: keyof typeof LIMITS): number {
  return typeof value === "number" ? clampControl(name, value).value : fallback;
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
 * The state after an intent: the intent wins where it says something. Views that own the other
 * intent fields (logits, depth, width, activation, cell) extend this as they are added.
 */
export function applyIntent(state: LabState, intent: LabIntent): LabState {
  return {
    ...state,
    view: intent.view ?? state.view,
    activations: { ...state.activations, x: intent.x ?? state.activations.x },
  };
}

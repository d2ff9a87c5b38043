// The PyTorch script behind the LSTM & GRU view: the same inputs and weights (seeded ones drawn by
// a port of the panel's generator, hand-set pins applied the same way, a pasted state_dict
// embedded), nn.LSTM / nn.GRU / nn.RNN in float64, the gates written out from the module's own
// parameters and checked against its output, and autograd's gradient through time for all three.
// Autograd does not rescale its carried gradient as the panel's backward pass does
// (src/core/recurrent/gradientScale.ts): the two agree to rounding until a gradient falls toward
// the subnormals (below ~1e-154 the norm's squares underflow), where autograd's read 0 or lose
// digits and the panel's do not.
import type { CellId } from "../../../src/shared/labState";
import type { RecurrentState } from "../../../src/shared/recurrentState";
import { PYTHON_CREATE_RNG } from "../../export/pythonRng";
import { inputSeed } from "./inputs";
import type { InputSequence } from "./inputs";
import {
  type CellWeights,
  GATE_COUNT,
  PINNED_RECURRENT_SCALE,
  PRESET_PINS,
  type Pin,
} from "./weights";
import { weightsSeed } from "./weights";

function nested(flat: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from(flat.subarray(r * cols, (r + 1) * cols)),
  );
}

function inputsCode(r: RecurrentState, inputs: InputSequence): string {
  const { steps, inputSize } = inputs;
  if (r.input === "typed") {
    return `x = torch.tensor(${JSON.stringify(nested(inputs.values, steps, inputSize))})  # typed in the panel`;
  }
  if (r.input === "random") {
    return `rng = Rng(${inputSeed(r.seed)})  # the inputs' own stream: seed * 8 + 7
x = torch.tensor([[rng.normal() for _ in range(I)] for _ in range(T)])`;
  }
  const signal =
    r.input === "first"
      ? "1.0 if s == 0 else 0.0"
      : r.input === "pulse"
        ? `1.0 if s >= 0 and s % ${r.period} == 0 else 0.0`
        : `math.sin(2 * math.pi * s / ${r.period})`;
  return `def signal(s):  # input j sees the signal shifted by j steps
    return ${signal}


x = torch.tensor([[signal(t - j) for j in range(I)] for t in range(T)])`;
}

export interface ScriptOptions {
  state: RecurrentState;
  inputs: InputSequence;
  weights: Record<CellId, CellWeights>;
  hidden: number;
  inputSize: number;
  /** A pasted state_dict in use, embedded as is. */
  loaded?: CellWeights;
}

export function recurrentScript(o: ScriptOptions): string {
  const r = o.state;
  const preset = r.weights === "stateDict" ? "random" : r.weights;
  const pins: Partial<Record<CellId, Pin[]>> = preset === "random" ? {} : PRESET_PINS[preset];
  const loaded = o.loaded
    ? `STATE_DICT_${o.loaded.kind.toUpperCase()} = ${JSON.stringify({
        weight_ih_l0: nested(o.loaded.weightIh, GATE_COUNT[o.loaded.kind] * o.hidden, o.inputSize),
        weight_hh_l0: nested(o.loaded.weightHh, GATE_COUNT[o.loaded.kind] * o.hidden, o.hidden),
        bias_ih_l0: Array.from(o.loaded.biasIh),
        bias_hh_l0: Array.from(o.loaded.biasHh),
      })}`
    : "";
  const cell = r.cell;
  const unit = Math.min(r.unit, o.hidden - 1);
  return `# Reproduces Sigmoid Lab's LSTM & GRU view with PyTorch (float64).
# Weights: ${preset === "random" && !o.loaded ? "seeded random" : o.loaded ? "your state_dict (embedded below) and seeded random for the other cells" : `hand-set preset "${preset}"`}; the seeded ones are drawn by a port
# of the panel's generator, so the numbers match the panel's.
# Run: python3 sigmoid_lab_${cell}.py
import math

import torch

torch.set_default_dtype(torch.float64)
H, I, T = ${o.hidden}, ${o.inputSize}, ${o.inputs.steps}
SEED = ${r.seed}
CELL = "${cell}"
UNIT = ${unit}  # the unit the panel's step-through shows (0-based)

${PYTHON_CREATE_RNG}

${inputsCode(r, o.inputs)}

GATES = {"lstm": 4, "gru": 3, "rnn": 1}
STREAM = {${(["lstm", "gru", "rnn"] as const).map((k) => `"${k}": ${weightsSeed(0, k)}`).join(", ")}}  # weights of kind k: Rng(SEED * 8 + STREAM[k])
# Hand-set pins: (gate block, weight from input 0, bias); the block's W_hh rows are scaled by ${PINNED_RECURRENT_SCALE}
# (not the RNN's). Gate blocks: LSTM i, f, g, o; GRU r, z, n.
PINS = ${JSON.stringify(Object.fromEntries(Object.entries(pins).map(([k, list]) => [k, list.map((p) => [p.block, p.fromInput0, p.bias])])))}
${loaded}


def seeded_state_dict(kind):
    """PyTorch's default init U(-1/sqrt(H), 1/sqrt(H)), drawn in the panel's order."""
    rows = GATES[kind] * H
    rng = Rng(SEED * 8 + STREAM[kind])
    k = 1 / math.sqrt(H)

    def draw(n):
        return [(2 * rng.next() - 1) * k for _ in range(n)]

    w_ih = torch.tensor(draw(rows * I)).reshape(rows, I)
    w_hh = torch.tensor(draw(rows * H)).reshape(rows, H)
    b_ih = torch.tensor(draw(rows))
    b_hh = torch.tensor(draw(rows))
    for block, from_input0, bias in PINS.get(kind, []):
        part = slice(block * H, (block + 1) * H)
        w_ih[part, 0] = from_input0
        b_ih[part] = bias
        b_hh[part] = 0
        if kind != "rnn":
            w_hh[part] *= ${PINNED_RECURRENT_SCALE}
    return {"weight_ih_l0": w_ih, "weight_hh_l0": w_hh, "bias_ih_l0": b_ih, "bias_hh_l0": b_hh}


def module(kind):
    m = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}[kind](I, H)
    own = globals().get("STATE_DICT_" + kind.upper())
    state = {k: torch.tensor(v) for k, v in own.items()} if own else seeded_state_dict(kind)
    m.load_state_dict(state)
    return m


def gates(m, kind):
    """The gates written out from the module's parameters, as in the seed's equations."""
    w_ih, w_hh, b_ih, b_hh = m.weight_ih_l0, m.weight_hh_l0, m.bias_ih_l0, m.bias_hh_l0
    h = torch.zeros(H)
    c = torch.zeros(H)
    rows = []
    with torch.no_grad():
        for t in range(T):
            gi = w_ih @ x[t] + b_ih
            gh = w_hh @ h + b_hh
            if kind == "lstm":
                i, f, g, o = (gi + gh).chunk(4)
                i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
                c = f * c + i * g  # C_t = f_t * C_{t-1} + i_t * C~_t
                h = o * torch.tanh(c)  # h_t = o_t * tanh(C_t)
                rows.append({"i": i, "f": f, "C~": g, "o": o, "C": c, "h": h})
            elif kind == "gru":
                ir, iz, inn = gi.chunk(3)
                hr, hz, hn = gh.chunk(3)
                r = torch.sigmoid(ir + hr)
                z = torch.sigmoid(iz + hz)
                n = torch.tanh(inn + r * hn)
                h = (1 - z) * n + z * h  # h_t = (1 - z_t) * n_t + z_t * h_{t-1}
                rows.append({"r": r, "z": z, "n": n, "h": h})
            else:
                h = torch.tanh(gi + gh)
                rows.append({"h": h})
    return rows


m = module(CELL)
with torch.no_grad():
    out, _ = m(x.unsqueeze(1))
rows = gates(m, CELL)
check = max((rows[t]["h"] - out[t, 0]).abs().max().item() for t in range(T))
print(f"{CELL}: gates written out agree with nn.{CELL.upper()}'s output to {check:.1e}")
names = list(rows[0].keys())
print(f"unit {UNIT + 1}, every step:")
print("    t  " + "  ".join(f"{n:>12}" for n in names))
for t in range(T):
    print(f"{t:5d}  " + "  ".join(f"{rows[t][n][UNIT].item():12.6f}" for n in names))

# Gradient through time: ||d(sum of h_T)/dx_t|| for every t, for the three cells on the same input.
# Autograd runs into subnormal numbers once these fall below ~1e-154 (their squares underflow) and
# then prints 0 or fewer correct digits; the panel rescales by exact powers of two and does not.
norms = {}
for kind in ("rnn", "lstm", "gru"):
    xs = x.clone().requires_grad_(True)
    y, _ = module(kind)(xs.unsqueeze(1))
    y[-1].sum().backward()
    norms[kind] = xs.grad.norm(dim=1)
print("\\n    t  ||d sum(h_T)/dx_t||: rnn          lstm           gru")
for t in range(T):
    print(f"{t:5d}  {norms['rnn'][t].item():.6e}  {norms['lstm'][t].item():.6e}  {norms['gru'][t].item():.6e}")
for kind in ("rnn", "lstm", "gru"):
    ratio = norms[kind][0].item() / norms[kind][-1].item() if norms[kind][-1].item() else float("nan")
    print(f"{kind}: gradient at t = 0 / at t = T-1 = {ratio:.3e}")
`;
}

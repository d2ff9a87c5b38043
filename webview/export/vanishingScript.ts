// The PyTorch script behind the Vanishing gradients view: the same seeded weights (the core's
// generator, ported in pythonRng.ts), nn.Linear layers in float64, and autograd's numbers for
// either one backward pass per sample or a few full-batch training steps.
import type { LabState } from "../../src/shared/labState";
import { PYTHON_CREATE_RNG } from "./pythonRng";

export function vanishingScript(v: LabState["vanishing"], batchSize: number): string {
  const header = `# Reproduces Sigmoid Lab's Vanishing gradients view with PyTorch (float64).
# The weights are drawn by a port of the panel's seeded generator, so the numbers match the panel.
# Run: python3 vanishing_${v.mode}.py
import math

import torch

DEPTH, WIDTH = ${v.depth}, ${v.width}
ACTIVATION = "${v.activation}"  # sigmoid | tanh | relu
INIT, SCALE = "${v.init}", ${v.scale}  # normal: N(0, scale^2); xavier / he: normal with Glorot / Kaiming std
SEED = ${v.seed}

${PYTHON_CREATE_RNG}

def init_std():
    if INIT == "xavier":
        return SCALE * math.sqrt(2 / (WIDTH + WIDTH))
    if INIT == "he":
        return SCALE * math.sqrt(2 / WIDTH)
    return SCALE


def draw_network(rng):
    """Every layer's weight row by row (nn.Linear's out x in layout), biases 0, then an input."""
    std = init_std()
    layers = []
    for _ in range(DEPTH):
        layer = torch.nn.Linear(WIDTH, WIDTH).double()
        values = rng.fill_normal(WIDTH * WIDTH, std)
        with torch.no_grad():
            layer.weight.copy_(torch.tensor(values, dtype=torch.float64).reshape(WIDTH, WIDTH))
            layer.bias.zero_()
        layers.append(layer)
    x = torch.tensor(rng.fill_normal(WIDTH), dtype=torch.float64)
    return layers, x


act = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}[ACTIVATION]


def forward(layers, x):
    for layer in layers:
        x = act(layer(x))
    return x
`;
  if (v.mode === "gradients") {
    return `${header}

SAMPLES = ${v.samples}
totals = [0.0] * DEPTH
for s in range(SAMPLES):
    layers, x = draw_network(Rng(SEED * 1024 + s))  # sample s has its own stream, as in the panel
    forward(layers, x).sum().backward()
    for l, layer in enumerate(layers):
        totals[l] += layer.weight.grad.norm().item()

print("layer  mean ||dL/dW_l||   0.25^(depth - l)")
for l in range(DEPTH):
    print(f"{l + 1:5d}  {totals[l] / SAMPLES:.6e}   {0.25 ** (DEPTH - l):.6e}")
`;
  }
  return `${header}

STEPS, LEARNING_RATE, BATCH = ${v.steps}, ${v.learningRate}, ${batchSize}
rng = Rng(SEED)
layers, _ = draw_network(rng)  # the input drawn here is not used, but it is drawn, as in the panel
inputs = torch.tensor([rng.fill_normal(WIDTH) for _ in range(BATCH)], dtype=torch.float64)
targets = torch.tensor([[rng.next() for _ in range(WIDTH)] for _ in range(BATCH)], dtype=torch.float64)

print("step  loss        relative update ||dW_l|| / ||W_l|| for layer 1 ... layer DEPTH")
for step in range(STEPS):
    for layer in layers:
        layer.zero_grad()
    y = torch.stack([forward(layers, x) for x in inputs])
    loss = ((y - targets) ** 2).sum() / (2 * BATCH)
    loss.backward()
    relative = []
    with torch.no_grad():
        for layer in layers:
            update = LEARNING_RATE * layer.weight.grad
            relative.append((update.norm() / layer.weight.norm()).item())
            layer.weight -= update
            layer.bias -= LEARNING_RATE * layer.bias.grad
    print(f"{step + 1:4d}  {loss.item():.6f}  " + " ".join(f"{r:.2e}" for r in relative))
`;
}

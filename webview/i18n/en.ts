// The Lab page's words in English: the key set every other language must match
// (test/unit/package/l10n.test.ts). `{0}`, `{1}` are filled by `format` in ./index.ts.
const en = {
  // The shell: tabs, export buttons, status line.
  "views.label": "Sigmoid Lab views",
  "view.activations": "Activations",
  "view.vanishing": "Vanishing gradients",
  "view.softmax": "Logits & softmax",
  "view.recurrent": "LSTM & GRU",
  "export.label": "Export",
  "export.png": "Export PNG",
  "export.csv": "Export CSV",
  "export.py": "Export PyTorch script",
  "export.running": "Exporting {0}…",
  "export.failed": "Export failed: {0}",
  "export.saved": "Saved {0}",
  "export.cancelled": "Export cancelled",
  "export.unknownError": "unknown error",
  // Activations.
  "activations.probe": "probe x",
  "activations.gain": "gain k (1/temperature)",
  "activations.range": "x range ±",
  "activations.alsoDraw": "Also draw",
  "activations.chartLabel":
    "Line chart of the sigmoid σ(kx) and its derivative over x, with the probe's tangent line and the maximum 0.25 of the derivative marked. Arrow keys move the probe.",
  "activations.caption": "σ(kx) and its derivative",
  "activations.explain":
    "σ(x) = 1 / (1 + e^(−x)) maps every real number into (0, 1), so one sigmoid output can be read as one class's probability. Its slope σ'(x) = σ(x)·(1 − σ(x)) is at most 0.25, reached at x = 0, and falls towards 0 on both sides: a gradient passing back through n sigmoid layers is multiplied by at most 0.25ⁿ — the vanishing gradient.",
  "activations.tangent": "tangent at the probe",
  "activations.maximum": "max σ' = 0.25·k at x = 0",
  "activations.probePoint": "probe",
  "activations.slope": "slope of σ(kx) = k·σ' = {0}",
  "activations.words":
    "σ is always inside (0, 1): here it says class 1 with probability {0}. σ' is at most 0.25 (at x = 0); here it is {1} of that maximum, so a gradient flowing back through this unit is multiplied by {2}",
  "activations.saturated": " — the unit is saturated and learns almost nothing.",
  "activations.undo": " logit(σ(x)) = x undoes the sigmoid.",
};

export default en;

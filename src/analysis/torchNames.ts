// The PyTorch vocabulary the rules know, by fully qualified name (after import aliases are resolved).

export type Activation = "softmax" | "log_softmax" | "sigmoid" | "tanh";
export type LossKind = "cross_entropy" | "nll" | "bce" | "bce_with_logits";

/** Functions that apply an activation to their first argument. */
export const ACTIVATION_FUNCTIONS: ReadonlyMap<string, Activation> = new Map([
  ["torch.softmax", "softmax"],
  ["torch.nn.functional.softmax", "softmax"],
  ["torch.special.softmax", "softmax"],
  ["torch.log_softmax", "log_softmax"],
  ["torch.nn.functional.log_softmax", "log_softmax"],
  ["torch.special.log_softmax", "log_softmax"],
  ["torch.sigmoid", "sigmoid"],
  ["torch.nn.functional.sigmoid", "sigmoid"],
  ["torch.special.expit", "sigmoid"],
  ["torch.tanh", "tanh"],
  ["torch.nn.functional.tanh", "tanh"],
]);

/** Tensor methods that apply an activation to the tensor they are called on. */
export const ACTIVATION_METHODS: ReadonlyMap<string, Activation> = new Map([
  ["softmax", "softmax"],
  ["log_softmax", "log_softmax"],
  ["sigmoid", "sigmoid"],
  ["tanh", "tanh"],
]);

/** Layers (nn.Module classes) that apply an activation. */
export const ACTIVATION_LAYERS: ReadonlyMap<string, Activation> = new Map([
  ["torch.nn.Softmax", "softmax"],
  ["torch.nn.LogSoftmax", "log_softmax"],
  ["torch.nn.Sigmoid", "sigmoid"],
  ["torch.nn.Tanh", "tanh"],
]);

/** The name that replaces each softmax spelling in the "use log_softmax" fix. */
export const LOG_SOFTMAX_SPELLING: ReadonlyMap<string, string> = new Map([
  ["softmax", "log_softmax"],
  ["Softmax", "LogSoftmax"],
]);

/** Layers whose output is an affine map of their input: raw scores, no activation. */
export const AFFINE_LAYERS = new Set(
  ["Linear", "LazyLinear", "Bilinear", "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d"]
    .concat(["ConvTranspose2d", "ConvTranspose3d"])
    .map((name) => `torch.nn.${name}`),
);

/** Layers that normalise activations: a stack of sigmoids with one of these in between is fine. */
export const NORM_LAYERS = new Set(
  ["BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "LayerNorm", "GroupNorm", "InstanceNorm1d"]
    .concat(["InstanceNorm2d", "InstanceNorm3d", "LocalResponseNorm", "RMSNorm", "SyncBatchNorm"])
    .map((name) => `torch.nn.${name}`),
);

/** Functional normalisations. */
export const NORM_FUNCTIONS = new Set(
  ["batch_norm", "layer_norm", "group_norm", "instance_norm", "normalize"].map(
    (name) => `torch.nn.functional.${name}`,
  ),
);

/** Layers that change neither what a tensor means nor (for this analysis) the gradient's bound. */
export const TRANSPARENT_LAYERS = new Set(
  ["Dropout", "Dropout1d", "Dropout2d", "AlphaDropout", "Identity", "Flatten", "Unflatten"].map(
    (name) => `torch.nn.${name}`,
  ),
);

export const LOSS_CLASSES: ReadonlyMap<string, LossKind> = new Map([
  ["torch.nn.CrossEntropyLoss", "cross_entropy"],
  ["torch.nn.NLLLoss", "nll"],
  ["torch.nn.BCELoss", "bce"],
  ["torch.nn.BCEWithLogitsLoss", "bce_with_logits"],
]);

export const LOSS_FUNCTIONS: ReadonlyMap<string, LossKind> = new Map([
  ["torch.nn.functional.cross_entropy", "cross_entropy"],
  ["torch.nn.functional.nll_loss", "nll"],
  ["torch.nn.functional.binary_cross_entropy", "bce"],
  ["torch.nn.functional.binary_cross_entropy_with_logits", "bce_with_logits"],
]);

/** How each loss is written in a message. */
export const LOSS_NAMES: Record<LossKind, string> = {
  cross_entropy: "CrossEntropyLoss",
  nll: "NLLLoss",
  bce: "BCELoss",
  bce_with_logits: "BCEWithLogitsLoss",
};

/** Tensor methods (and torch functions of one tensor) that keep what the values mean. */
export const SHAPE_METHODS = new Set([
  "squeeze",
  "unsqueeze",
  "view",
  "view_as",
  "reshape",
  "reshape_as",
  "flatten",
  "float",
  "double",
  "half",
  "to",
  "cuda",
  "cpu",
  "contiguous",
  "clone",
  "clamp",
  "clip",
  "transpose",
  "permute",
  "type",
]);

export const SHAPE_FUNCTIONS = new Set(
  ["squeeze", "unsqueeze", "flatten", "reshape", "clamp", "clip"].map((name) => `torch.${name}`),
);

/** Module methods that return the module itself. */
export const MODULE_SELF_METHODS = new Set([
  "to",
  "cuda",
  "cpu",
  "train",
  "eval",
  "double",
  "float",
  "half",
  "requires_grad_",
]);

/** Where a bare name comes from when a snippet uses it without importing it (the usual aliases). */
export const CONVENTIONAL_ALIASES: ReadonlyMap<string, string> = new Map([
  ["torch", "torch"],
  ["nn", "torch.nn"],
  ["F", "torch.nn.functional"],
]);

/** Wrappers that return a module which computes what the wrapped module computes. */
export const MODULE_WRAPPERS = new Set([
  "torch.nn.DataParallel",
  "torch.nn.parallel.DataParallel",
  "torch.nn.parallel.DistributedDataParallel",
  "torch.compile",
]);

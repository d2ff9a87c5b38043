// What the depth-attenuation CodeLens says about a network, and the Lab intent behind
// "Simulate this network". Pure: the VS Code side only places it.
import type { LabIntent } from "../shared/labState";
import type { LayerCounts, SourceRange } from "./finding";
import { formatBound } from "./lab";
import type { NetworkSummary } from "./networks";

export interface DepthLens {
  anchor: SourceRange;
  /** "4 sigmoid layers — gradient to the first layer ≤ 0.25^4 = 0.0039" */
  title: string;
  /** The numbers in the title, so that it can be worded again in another language. */
  counts: LayerCounts;
  intent: LabIntent;
}

// Written out whole (not "layer" + "s"), so that src/analysis/localize.ts can name each phrase.
const sigmoidLayers = (n: number) => (n === 1 ? "1 sigmoid layer" : `${n} sigmoid layers`);
const tanhLayers = (n: number) => (n === 1 ? "1 tanh layer" : `${n} tanh layers`);

export function depthLensTitle(network: NetworkSummary): string {
  const { sigmoid, tanh } = network;
  if (sigmoid === 0)
    return `${tanhLayers(tanh)} — tanh′ ≤ 1: the gradient shrinks wherever units saturate`;
  const counted = tanh > 0 ? `${sigmoidLayers(sigmoid)} + ${tanh} tanh` : sigmoidLayers(sigmoid);
  return `${counted} — gradient to the first layer ≤ 0.25^${sigmoid} = ${formatBound(sigmoid)}`;
}

/** The Vanishing gradients view with this network's depth, width and activation. */
export function simulationIntent(network: NetworkSummary): LabIntent {
  const intent: LabIntent = {
    view: "vanishing",
    depth: Math.max(1, network.sigmoid + network.tanh),
    activation: network.sigmoid > 0 ? "sigmoid" : "tanh",
  };
  if (network.width !== undefined) intent.width = network.width;
  return intent;
}

export function depthLenses(networks: NetworkSummary[]): DepthLens[] {
  return networks.map((network) => ({
    anchor: network.anchor,
    title: depthLensTitle(network),
    counts: { sigmoid: network.sigmoid, tanh: network.tanh, longestRun: network.longestRun },
    intent: simulationIntent(network),
  }));
}

// What the depth-attenuation CodeLens says about a network, and the Lab intent behind
// "Simulate this network". Pure: the VS Code side only places it.
import type { LabIntent } from "../shared/labState";
import type { SourceRange } from "./finding";
import { formatBound } from "./lab";
import type { NetworkSummary } from "./networks";

export interface DepthLens {
  anchor: SourceRange;
  /** "4 sigmoid layers — gradient to the first layer ≤ 0.25^4 = 0.0039" */
  title: string;
  intent: LabIntent;
}

function layers(count: number, activation: string): string {
  return `${count} ${activation} layer${count === 1 ? "" : "s"}`;
}

export function depthLensTitle(network: NetworkSummary): string {
  const { sigmoid, tanh } = network;
  if (sigmoid === 0)
    return `${layers(tanh, "tanh")} — tanh′ ≤ 1: the gradient shrinks wherever units saturate`;
  const counted =
    tanh > 0 ? `${layers(sigmoid, "sigmoid")} + ${tanh} tanh` : layers(sigmoid, "sigmoid");
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
    intent: simulationIntent(network),
  }));
}

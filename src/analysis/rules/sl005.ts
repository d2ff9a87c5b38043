// SL005: four or more sigmoid/tanh layers stacked with no normalisation or residual in between.
// Information, not a warning: such a network trains, but its first layers learn slowly, because
// σ'(x) ≤ 0.25 multiplies the gradient once per sigmoid layer on the way back.
import type { Finding } from "../finding";
import { formatBound } from "../lab";
import type { NetworkSummary } from "../networks";
import { simulationIntent } from "../lens";

export const STACK_THRESHOLD = 4;

export function deepSaturatingStack(network: NetworkSummary): Finding | undefined {
  if (network.longestRun < STACK_THRESHOLD) return undefined;
  const bound =
    network.sigmoid > 0
      ? `the gradient to the first layer is scaled by at most 0.25^${network.sigmoid} = ${formatBound(network.sigmoid)}`
      : "tanh′ < 1 wherever a unit saturates, so the gradient shrinks layer by layer";
  return {
    code: "SL005",
    ...network.anchor,
    message: `${network.longestRun} sigmoid/tanh layers stacked with no normalisation or residual in between: ${bound}`,
    lab: simulationIntent(network),
    counts: { sigmoid: network.sigmoid, tanh: network.tanh, longestRun: network.longestRun },
  };
}

// Links from a finding or CodeLens to the Lab view that shows the mathematics behind it.
import type { LabIntent } from "../shared/labState";

/** `command:sigmoidLab.open?<arguments>`: a command URI that trusted Markdown can link to. */
export function labCommandUri(intent: LabIntent, command = "sigmoidLab.open"): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([intent]))}`;
}

/** 0.25^n written for a CodeLens: "0.0039", "9.5e-7". */
export function formatBound(n: number): string {
  const bound = 0.25 ** n;
  return n <= 3 ? String(bound) : bound.toPrecision(2);
}

// A chart as a PNG with the theme's background under it: the canvas itself is transparent, which
// looks broken once the image leaves the editor.
import type { Chart } from "chart.js";

export function chartToPng(chart: Chart, background: string): string {
  const source = chart.canvas;
  const copy = document.createElement("canvas");
  copy.width = source.width;
  copy.height = source.height;
  const context = copy.getContext("2d")!;
  context.fillStyle = background;
  context.fillRect(0, 0, copy.width, copy.height);
  context.drawImage(source, 0, 0);
  return copy.toDataURL("image/png");
}

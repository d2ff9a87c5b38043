// A Chart.js plugin that paints a classifier's probabilities under a scatter chart: a small grid
// of cells (coloured by class, opaque where the model is sure) scaled up to the chart area. The
// grid is computed once per model change, not per redraw, so drawing costs one drawImage.
import type { Chart, Plugin } from "chart.js";

export interface Shading {
  /** Cells per side. */
  size: number;
  /** RGBA, row 0 at the top (largest y). */
  pixels: Uint8ClampedArray;
  /** The data box the grid covers. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

const canvases = new WeakMap<Chart, HTMLCanvasElement>();

export function setShading(chart: Chart, shading: Shading | undefined): void {
  if (!shading) {
    canvases.delete(chart);
    return;
  }
  const canvas = canvases.get(chart) ?? document.createElement("canvas");
  canvas.width = canvas.height = shading.size;
  const context = canvas.getContext("2d")!;
  context.putImageData(new ImageData(new Uint8ClampedArray(shading.pixels), shading.size), 0, 0);
  canvases.set(chart, canvas);
  (chart as unknown as { $shading?: Shading }).$shading = shading;
}

export const probabilityShading: Plugin = {
  id: "probabilityShading",
  beforeDatasetsDraw(chart) {
    const canvas = canvases.get(chart);
    const shading = (chart as unknown as { $shading?: Shading }).$shading;
    if (!canvas || !shading) return;
    const x = chart.scales.x;
    const y = chart.scales.y;
    const left = x.getPixelForValue(shading.xMin);
    const right = x.getPixelForValue(shading.xMax);
    const top = y.getPixelForValue(shading.yMax);
    const bottom = y.getPixelForValue(shading.yMin);
    const context = chart.ctx;
    context.save();
    context.imageSmoothingEnabled = true;
    context.drawImage(canvas, left, top, right - left, bottom - top);
    context.restore();
  },
};

/** [r, g, b] of any CSS colour the theme gives (#rgb, rgb(), a name), through a 1×1 canvas. */
export function toRgb(color: string): [number, number, number] {
  // Kept per colour string: reading a canvas back cost ~1 ms per class on every retrain.
  const known = rgbOf.get(color);
  if (known) return known;
  const rgb = readRgb(color);
  rgbOf.set(color, rgb);
  return rgb;
}

const rgbOf = new Map<string, [number, number, number]>();

function readRgb(color: string): [number, number, number] {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.fillStyle = "#000";
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

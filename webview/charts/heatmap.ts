// A heatmap of one quantity over time × unit, drawn on a canvas without Chart.js: the T × H values
// are written once into a bitmap of T × H pixels through a 256-colour table, and the bitmap is
// scaled onto the visible canvas with smoothing off — a 500 × 64 map costs about as much as one
// drawImage. Colours are mixed from the theme: background → a chart colour for σ gates in [0, 1],
// and orange ← background → blue for signed values.
import { t } from "../i18n";
import type { ThemeColors } from "../theme";

export type HeatmapScale = { kind: "sequential"; max: number } | { kind: "diverging"; max: number };

const MARGIN = { left: 44, right: 66, top: 18, bottom: 18 };
const LUT_SIZE = 256;

type Rgb = [number, number, number];

let probe: CanvasRenderingContext2D | null = null;

/** Any CSS colour as RGB, read back through a 1 × 1 canvas (handles #rgb, rgb(), names, …). */
export function parseColor(css: string): Rgb {
  probe ??= document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  if (!probe) return [128, 128, 128];
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = "#808080";
  probe.fillStyle = css;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

function mix(a: Rgb, b: Rgb, s: number): Rgb {
  return [a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s];
}

/** 256 packed ABGR colours (little-endian ImageData order) from `low` through `middle` to `high`. */
function colourTable(low: Rgb, middle: Rgb, high: Rgb, diverging: boolean): Uint32Array {
  const table = new Uint32Array(LUT_SIZE);
  for (let k = 0; k < LUT_SIZE; k++) {
    const s = k / (LUT_SIZE - 1);
    const [r, g, b] = diverging
      ? s < 0.5
        ? mix(low, middle, s * 2)
        : mix(middle, high, (s - 0.5) * 2)
      : mix(middle, high, s);
    table[k] = (255 << 24) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r);
  }
  return table;
}

export interface HeatmapColours {
  sequential: Uint32Array;
  diverging: Uint32Array;
  foreground: string;
  muted: string;
  highlight: string;
  background: string;
  font: string;
  /** Gradient stops for the colour bar. */
  stops: { sequential: string[]; diverging: string[] };
}

export function heatmapColours(theme: ThemeColors): HeatmapColours {
  const background = parseColor(theme.background);
  const positive = parseColor(theme.series[0]);
  const negative = parseColor(theme.series[1]);
  const css = (c: Rgb) => `rgb(${c.map(Math.round).join(",")})`;
  return {
    sequential: colourTable(background, background, positive, false),
    diverging: colourTable(negative, background, positive, true),
    foreground: theme.foreground,
    muted: theme.muted,
    highlight: theme.highlight,
    background: theme.background,
    font: theme.font,
    stops: {
      sequential: [css(background), css(positive)],
      diverging: [css(negative), css(background), css(positive)],
    },
  };
}

interface PlotBox {
  x: number;
  y: number;
  w: number;
  h: number;
  width: number;
  height: number;
}

export class Heatmap {
  readonly canvas: HTMLCanvasElement;
  /** Over the map, the same size: the cursor alone, so that moving it never redraws the map. */
  readonly overlay: HTMLCanvasElement;
  /**
   * T × H pixels, one per value, in the top-left corner of a bitmap that only grows: a new
   * sequence length or hidden size then reallocates no canvas (each reallocation costs more than
   * the drawing).
   */
  readonly #bitmap = document.createElement("canvas");
  /**
   * The bitmap's pixels as written, as big as the bitmap: a map of T × H fills its top-left
   * corner, row after row of the image's width, and only that corner is put into the bitmap. A new
   * size then allocates nothing (an ImageData per change of T or H is garbage for the collector).
   */
  #image: ImageData | undefined;
  #pixels = new Uint32Array(0);
  /** What the map canvas was drawn for; cleared by new data. */
  #baseKey = "";
  /**
   * What the overlay was drawn for: a change of data that leaves the cursor, the sizes and the
   * colours as they were leaves the overlay as it is (each canvas redrawn costs a copy of its
   * pixels in the frame that shows it).
   */
  #overlayKey = "";
  #overlayColours: HeatmapColours | undefined;
  #baseColours: HeatmapColours | undefined;
  #steps = 0;
  #units = 0;
  #scale: HeatmapScale = { kind: "sequential", max: 1 };
  #title = "";
  #cursor = { t: 0, unit: 0 };
  /** CSS size of the canvas, given by the caller (read once per redraw for all maps: no layout thrash). */
  #width = 600;
  /** CSS height of the map as shown; the caller's figure clips the canvas to it. */
  #height = 0;
  /**
   * CSS height of the canvas and its overlay: the tallest map shown so far. A shorter map is drawn
   * at the top and clipped, so that a smaller hidden size keeps the canvases' memory.
   */
  #canvasHeight = 0;

  /** `canvas` and `overlay` go into one element with position: relative (the caller's figure). */
  constructor(canvas: HTMLCanvasElement, overlay: HTMLCanvasElement, height: number) {
    this.canvas = canvas;
    this.overlay = overlay;
    canvas.style.display = "block";
    canvas.style.width = "100%";
    Object.assign(overlay.style, {
      position: "absolute",
      left: "0",
      top: "0",
      width: "100%",
      pointerEvents: "none",
    });
    overlay.setAttribute("aria-hidden", "true");
    this.setHeight(height);
  }

  /** The map's CSS height; the caller shows that much of the canvas (its figure clips the rest). */
  setHeight(height: number): void {
    if (height === this.#height) return;
    this.#height = height;
    this.#baseKey = "";
    if (height <= this.#canvasHeight) return;
    this.#canvasHeight = height;
    this.canvas.style.height = `${height}px`;
    this.overlay.style.height = `${height}px`;
  }

  /** Device pixels of the canvas that the map covers (the rest is clipped), for a picture of it. */
  get shownPixelHeight(): number {
    return Math.min(this.canvas.height, Math.round(this.#height * (window.devicePixelRatio || 1)));
  }

  setWidth(width: number): void {
    if (width > 0) this.#width = Math.round(width);
  }

  /**
   * Fills the bitmap: pixel (t, unit) gets the colour of values[offset + t·rowStride + unit] (a
   * gate's values read where the forward pass keeps them, among the other gates').
   */
  setData(
    {
      values,
      offset: start,
      rowStride,
    }: { values: Float64Array; offset: number; rowStride: number },
    steps: number,
    units: number,
    scale: HeatmapScale,
    title: string,
    colours: HeatmapColours,
  ): void {
    this.#steps = steps;
    this.#units = units;
    this.#scale = scale;
    this.#title = title;
    if (this.#bitmap.width < steps || this.#bitmap.height < units) {
      this.#bitmap.width = Math.max(steps, this.#bitmap.width);
      this.#bitmap.height = Math.max(units, this.#bitmap.height);
    }
    const context = this.#bitmap.getContext("2d")!;
    if (this.#image?.width !== this.#bitmap.width || this.#image.height !== this.#bitmap.height) {
      this.#image = context.createImageData(this.#bitmap.width, this.#bitmap.height);
      this.#pixels = new Uint32Array(this.#image.data.buffer);
    }
    const image = this.#image;
    const pixels = this.#pixels;
    const stride = image.width;
    const table = scale.kind === "diverging" ? colours.diverging : colours.sequential;
    const max = scale.max > 0 ? scale.max : 1;
    // Sequential: 0 … max → 0 … 255; diverging: −max … max → 0 … 255.
    const slope = scale.kind === "diverging" ? (LUT_SIZE - 1) / (2 * max) : (LUT_SIZE - 1) / max;
    const offset = scale.kind === "diverging" ? max : 0;
    // Row by row of the bitmap, so that the pixels are written in order (about twice as fast as
    // following the values); NaN is left transparent.
    const last = LUT_SIZE - 1;
    for (let u = 0; u < units; u++) {
      const row = u * stride;
      for (let t = 0; t < steps; t++) {
        const k = Math.round((values[start + t * rowStride + u] + offset) * slope);
        pixels[row + t] = k > 0 ? (k < last ? table[k] : table[last]) : k === k ? table[0] : 0;
      }
    }
    context.putImageData(image, 0, 0, 0, 0, steps, units);
    this.#baseKey = "";
  }

  setCursor(t: number, unit: number): void {
    this.#cursor = { t, unit };
  }

  /** The step and unit under a point of the canvas (CSS pixels), if it is on the map. */
  cellAt(x: number, y: number): { t: number; unit: number } | undefined {
    const plot = this.#plotBox();
    if (x < plot.x || y < plot.y || x >= plot.x + plot.w || y >= plot.y + plot.h) return undefined;
    const t = Math.floor(((x - plot.x) / plot.w) * this.#steps);
    const unit = Math.floor(((y - plot.y) / plot.h) * this.#units);
    return { t, unit };
  }

  #plotBox(): PlotBox {
    const width = this.#width;
    const height = this.#height;
    return {
      x: MARGIN.left,
      y: MARGIN.top,
      w: Math.max(10, width - MARGIN.left - MARGIN.right),
      h: Math.max(10, height - MARGIN.top - MARGIN.bottom),
      width,
      height,
    };
  }

  /** Scales the bitmap onto the canvas and draws the title, axes, colour bar and cursor. */
  draw(colours: HeatmapColours): void {
    const plot = this.#plotBox();
    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(plot.width * ratio);
    const pixelHeight = Math.round(Math.max(this.#canvasHeight, plot.height) * ratio);
    // The map, its labels and colour bar are drawn once per change of data, size or theme; moving
    // the cursor redraws only the overlay (text is the slowest thing a canvas draws).
    const baseKey = `${pixelWidth}x${pixelHeight}x${plot.height}@${ratio}`;
    if (this.#baseKey !== baseKey || this.#baseColours !== colours) {
      this.#baseKey = baseKey;
      this.#baseColours = colours;
      if (this.canvas.width !== pixelWidth || this.canvas.height !== pixelHeight) {
        this.canvas.width = pixelWidth;
        this.canvas.height = pixelHeight;
      }
      this.#drawBase(colours, plot, ratio);
    }
    const overlayKey = `${baseKey}:${this.#steps}x${this.#units}:${this.#cursor.t},${this.#cursor.unit}`;
    if (this.#overlayKey === overlayKey && this.#overlayColours === colours) return;
    this.#overlayKey = overlayKey;
    this.#overlayColours = colours;
    if (this.overlay.width !== pixelWidth || this.overlay.height !== pixelHeight) {
      this.overlay.width = pixelWidth;
      this.overlay.height = pixelHeight;
    }
    const c = this.overlay.getContext("2d")!;
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, pixelWidth, pixelHeight);
    c.setTransform(ratio, 0, 0, ratio, 0, 0);
    // The cursor: a column outline at step t and a tick at the chosen unit.
    const cellW = plot.w / Math.max(1, this.#steps);
    const cellH = plot.h / Math.max(1, this.#units);
    const cx = plot.x + this.#cursor.t * cellW;
    c.strokeStyle = colours.highlight;
    c.lineWidth = 1.5;
    c.strokeRect(cx - 0.75, plot.y - 0.75, Math.max(1.5, cellW) + 1.5, plot.h + 1.5);
    c.fillStyle = colours.highlight;
    const cy = plot.y + (this.#cursor.unit + 0.5) * cellH;
    c.beginPath();
    c.moveTo(plot.x - 1, cy);
    c.lineTo(plot.x - 6, cy - 4);
    c.lineTo(plot.x - 6, cy + 4);
    c.fill();
  }

  #drawBase(colours: HeatmapColours, plot: PlotBox, ratio: number) {
    const c = this.canvas.getContext("2d")!;
    c.setTransform(ratio, 0, 0, ratio, 0, 0);
    c.clearRect(0, 0, plot.width, Math.max(this.#canvasHeight, plot.height));
    c.imageSmoothingEnabled = false;
    if (this.#steps > 0 && this.#units > 0) {
      c.drawImage(this.#bitmap, 0, 0, this.#steps, this.#units, plot.x, plot.y, plot.w, plot.h);
    }
    c.font = `11px ${colours.font}`;
    c.fillStyle = colours.foreground;
    c.textBaseline = "alphabetic";
    c.textAlign = "left";
    c.fillText(this.#title, plot.x, plot.y - 5);
    // Axes: unit 1 at the top, unit H at the bottom; t = 0 at the left, T − 1 at the right.
    c.fillStyle = colours.muted;
    c.textAlign = "right";
    c.textBaseline = "top";
    c.fillText(t("heatmap.firstUnit"), plot.x - 8, plot.y);
    c.textBaseline = "bottom";
    if (this.#units > 1) c.fillText(String(this.#units), plot.x - 8, plot.y + plot.h);
    c.textBaseline = "top";
    c.textAlign = "left";
    c.fillText("t = 0", plot.x, plot.y + plot.h + 3);
    c.textAlign = "right";
    c.fillText(`${this.#steps - 1}`, plot.x + plot.w, plot.y + plot.h + 3);
    // Colour bar with its end values.
    const barX = plot.x + plot.w + 8;
    const stops =
      this.#scale.kind === "diverging" ? colours.stops.diverging : colours.stops.sequential;
    const gradient = c.createLinearGradient(0, plot.y + plot.h, 0, plot.y);
    stops.forEach((stop, k) => gradient.addColorStop(k / (stops.length - 1), stop));
    c.fillStyle = gradient;
    c.fillRect(barX, plot.y, 10, plot.h);
    c.strokeStyle = colours.muted;
    c.lineWidth = 1;
    c.strokeRect(barX + 0.5, plot.y + 0.5, 9, plot.h - 1);
    c.fillStyle = colours.muted;
    c.textAlign = "left";
    c.textBaseline = "top";
    c.fillText(formatEnd(this.#scale.max), barX + 13, plot.y);
    c.textBaseline = "bottom";
    c.fillText(
      this.#scale.kind === "diverging" ? formatEnd(-this.#scale.max) : "0",
      barX + 13,
      plot.y + plot.h,
    );
  }
}

function formatEnd(value: number): string {
  const text =
    Math.abs(value) >= 100 ? value.toExponential(1) : String(Number(value.toPrecision(3)));
  return text.replace("-", "−");
}

// Chart.js, registered piece by piece (tree-shaken) and configured for speed: data already in
// {x, y} form (parsing: false), no animation, no point markers. With these settings 10k×3 points draw
// in a few milliseconds; Chart.js's defaults take two orders of magnitude longer.
// No Tooltip plugin: every chart has a data table and a readout of the exact numbers, and leaving
// its ~15 KB out keeps the page (Chart.js included) under its 300 KB budget.
import {
  Chart,
  type ChartConfiguration,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
} from "chart.js";
import type { ThemeColors } from "../theme";
import { numericTickLabel } from "./tickLabels";

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  BarController,
  BarElement,
  Legend,
);

/**
 * A chart built before its view is in the page is drawn first by the view's render, at the size
 * of a detached canvas, and then again by Chart.js when its observer sees the canvas attached (a
 * microtask later): the first draw is thrown away. Sizing the canvas before that first update,
 * once it is in the page, makes it the real one, and the attach finds the size unchanged and
 * draws nothing.
 */
const sizeBeforeTheFirstDraw = {
  id: "sizeBeforeTheFirstDraw",
  beforeUpdate(chart: Chart) {
    if (!chart.attached && chart.canvas.isConnected) chart.resize();
  },
};
Chart.register(sizeBeforeTheFirstDraw);

// Linear axes' numbers without Intl.NumberFormat, whose first use cost every panel load 15–60 ms
// before the first chart (./tickLabels.ts; the same labels).
Chart.defaults.scales.linear.ticks.callback = (value, _index, ticks) =>
  numericTickLabel(Number(value), ticks);

export { Chart };

export function applyThemeDefaults(theme: ThemeColors): void {
  Chart.defaults.color = theme.foreground;
  Chart.defaults.borderColor = theme.grid;
  Chart.defaults.font.family = theme.font;
}

/** Options every line chart of the Lab starts from. */
export function fastLineOptions(): ChartConfiguration<"line">["options"] {
  return {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    spanGaps: true,
    elements: { point: { radius: 0, hoverRadius: 0 }, line: { borderWidth: 2, tension: 0 } },
    interaction: { mode: "nearest", axis: "x", intersect: false },
    plugins: { legend: { position: "top", labels: { boxWidth: 14 } } },
  };
}

/**
 * Recolours a chart's axes for a theme. Chart.js keeps resolved options behind proxies, so the
 * colours are assigned field by field: spreading a proxied options object breaks on its symbols.
 */
export function themeAxes(chart: Chart, theme: ThemeColors): void {
  const scales = chart.options.scales as Record<
    string,
    { grid?: { color?: unknown }; ticks?: { color?: unknown }; title?: { color?: unknown } }
  >;
  for (const axis of Object.values(scales ?? {})) {
    if (axis.grid) axis.grid.color = theme.grid;
    else axis.grid = { color: theme.grid };
    if (axis.ticks) axis.ticks.color = theme.foreground;
    else axis.ticks = { color: theme.foreground };
    if (axis.title) axis.title.color = theme.foreground;
    else axis.title = { color: theme.foreground };
  }
  const legend = chart.options.plugins?.legend?.labels as { color?: unknown } | undefined;
  if (legend) legend.color = theme.foreground;
}

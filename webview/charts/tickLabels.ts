// Number labels of a linear axis, as Chart.js's own formatter writes them (Ticks.formatters.numeric:
// as many decimals as the tick spacing needs, scientific below 1e−4 and above 1e15, thousands
// grouped) — without Intl.NumberFormat, whose first use in a page loads ICU's number data: 15–60
// ms in this Chromium, paid by the first chart of every panel load. The digits are those of the
// English and Korean locales alike (1,234.5).

/** The label Chart.js would give `value` among `ticks` (English/Korean digits, no options.format). */
export function numericTickLabel(value: number, ticks: readonly { value: number }[]): string {
  if (value === 0) return "0";
  let scientific = false;
  let delta = value;
  if (ticks.length > 1) {
    const largest = Math.max(Math.abs(ticks[0].value), Math.abs(ticks[ticks.length - 1].value));
    scientific = largest < 1e-4 || largest > 1e15;
    // Chart.js's calculateDelta: the spacing of the ticks, or the fraction of a whole-number step.
    delta = ticks.length > 3 ? ticks[2].value - ticks[1].value : ticks[1].value - ticks[0].value;
    if (Math.abs(delta) >= 1 && value !== Math.floor(value)) delta = value - Math.floor(value);
  }
  const logDelta = Math.log10(Math.abs(delta));
  const decimals = Number.isNaN(logDelta) ? 1 : Math.max(Math.min(-Math.floor(logDelta), 20), 0);
  if (scientific) {
    // Intl's scientific notation: 1.5E-5, 2E20.
    return value.toExponential(decimals).toUpperCase().replace("E+", "E");
  }
  if (!Number.isFinite(value)) return String(value);
  const fixed = shortestFixed(Math.abs(value), decimals);
  const point = fixed.indexOf(".");
  const whole = point < 0 ? fixed : fixed.slice(0, point);
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
  return (value < 0 ? "-" : "") + grouped + (point < 0 ? "" : fixed.slice(point));
}

/**
 * x ≥ 0 with `decimals` decimals, rounded half away from zero from its shortest decimal form, as
 * ICU rounds (0.0030875 → 0.003088), where toFixed rounds the binary value (→ 0.003087).
 */
function shortestFixed(x: number, decimals: number): string {
  const [mantissa, power] = x.toExponential().split("e");
  const digits = mantissa.replace(".", "");
  // x · 10^decimals = d₁.d₂d₃… · 10^shift: its whole part is the first shift + 1 digits.
  const shift = Number(power) + decimals;
  if (shift < -1) return (0).toFixed(decimals);
  const kept = digits.slice(0, shift + 1).padEnd(shift + 1, "0");
  const roundUp = shift + 1 < digits.length && digits.charCodeAt(shift + 1) >= 53; // ≥ "5"
  const units = (BigInt(kept || "0") + (roundUp ? 1n : 0n)).toString().padStart(decimals + 1, "0");
  if (decimals === 0) return units;
  return `${units.slice(0, -decimals)}.${units.slice(-decimals)}`;
}

// Colour helpers for the theme's chart colours (pure: no DOM).

/**
 * The colour without its alpha: some chart colours of VS Code's themes are translucent (e.g.
 * charts.orange is derived from the minimap's find-match colour, #d186167e), which draws pale lines
 * and washed-out bars. Series are drawn opaque; translucency is the chart's own choice.
 */
export function opaque(color: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})[0-9a-f]{1,2}$/i.exec(color);
  if (hex && (color.length === 5 || color.length === 9)) return `#${hex[1]}`;
  const rgba = /^rgba\(\s*([^,]+),\s*([^,]+),\s*([^,]+),[^)]*\)$/i.exec(color);
  if (rgba) return `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})`;
  return color;
}

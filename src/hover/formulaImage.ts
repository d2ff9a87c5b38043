// A prebuilt formula SVG (media/formulas/*.svg, drawn in currentColor) turned into an image a
// hover can show: the theme's foreground colour put in, then a base64 data URI. An <img> has no
// CSS colour to inherit, which is why the colour is written into the SVG itself.

/** The four kinds of VS Code colour theme (vscode.ColorThemeKind, without importing vscode). */
export type ThemeKind = "light" | "dark" | "highContrast" | "highContrastLight";

/** The editor foreground of VS Code's default theme of each kind (Light/Dark Modern, HC). */
const FOREGROUND: Record<ThemeKind, string> = {
  light: "#3b3b3b",
  dark: "#cccccc",
  highContrast: "#ffffff",
  highContrastLight: "#000000",
};

export function foregroundFor(kind: ThemeKind): string {
  return FOREGROUND[kind];
}

/** `svg` with every `currentColor` replaced by `colour` (a #rrggbb value; anything else is refused). */
export function colourSvg(svg: string, colour: string): string {
  if (!/^#[0-9a-fA-F]{3,8}$/.test(colour))
    throw new TypeError(`colour must be #rgb or #rrggbb, got ${colour}`);
  return svg.replace(/currentColor/g, colour);
}

/** data:image/svg+xml;base64,… of UTF-8 SVG text, with btoa (Node 16+ and every browser). */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = "";
  const chunk = 0x8000; // String.fromCharCode takes at most ~64k arguments
  for (let k = 0; k < bytes.length; k += chunk) {
    binary += String.fromCharCode(...bytes.subarray(k, k + chunk));
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

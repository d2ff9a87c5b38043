// Chart colours come from the editor's theme (--vscode-* variables on <html>), read again whenever
// VS Code switches the theme (it changes the body's class and the variables together).
import { opaque } from "./color";

export interface ThemeColors {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  /** Series colours, in order: σ, σ', then the toggled curves. */
  series: string[];
  highlight: string;
  font: string;
  /** The kind of theme: high contrast gets thicker lines and no translucent fills. */
  kind: "light" | "dark" | "high-contrast";
}

function themeKind(): ThemeColors["kind"] {
  const classes = document.body.classList;
  if (classes.contains("vscode-high-contrast") || classes.contains("vscode-high-contrast-light")) {
    return "high-contrast";
  }
  return classes.contains("vscode-dark") ? "dark" : "light";
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value || fallback;
}

export function readTheme(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  const foreground = cssVar(style, "--vscode-editor-foreground", "#333333");
  return {
    foreground,
    muted: cssVar(style, "--vscode-descriptionForeground", foreground),
    grid: cssVar(
      style,
      "--vscode-editorWidget-border",
      cssVar(style, "--vscode-panel-border", "#8884"),
    ),
    background: cssVar(style, "--vscode-editor-background", "#ffffff"),
    series: [
      cssVar(style, "--vscode-charts-blue", "#1a85ff"),
      cssVar(style, "--vscode-charts-orange", "#d18616"),
      cssVar(style, "--vscode-charts-green", "#388a34"),
      cssVar(style, "--vscode-charts-purple", "#652d90"),
      cssVar(style, "--vscode-charts-red", "#e51400"),
      cssVar(style, "--vscode-charts-yellow", "#bf8803"),
    ].map(opaque),
    highlight: opaque(cssVar(style, "--vscode-focusBorder", "#0090f1")),
    font: cssVar(style, "--vscode-font-family", "sans-serif"),
    kind: themeKind(),
  };
}

/** Calls `onChange` after every theme switch. */
export function watchTheme(onChange: (theme: ThemeColors) => void): void {
  const observer = new MutationObserver(() => onChange(readTheme()));
  observer.observe(document.body, {
    attributes: true,
    attributeFilter: ["class", "data-vscode-theme-id"],
  });
}

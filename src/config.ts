// Every setting of Sigmoid Lab, read in one place through typed getters (after rust-analyzer's
// `Config`). Getters read VS Code's configuration each time they are called, so a change in the
// Settings editor takes effect at the next use, without a reload; surfaces that hold state built
// from a setting (a registered provider) re-read it in `onDidChange`.
//
// To add a setting: contribute it in package.json under `sigmoidLab.*`, add a getter here that
// validates the raw value (users can write anything in settings.json) and falls back to the
// manifest's default.
import * as vscode from "vscode";

export const CONFIG_SECTION = "sigmoidLab";

export interface HoverSettings {
  /** `sigmoidLab.hover.enabled`: hovers over code and Markdown. */
  enabled: boolean;
  /** `sigmoidLab.hover.languages`: language ids where hovers appear. */
  languages: readonly string[];
  /** `sigmoidLab.hover.digits`: digits after the point in computed values. */
  digits: number;
}

/** Defaults, the same as the manifest's; used when a value is missing or of the wrong type. */
export const HOVER_DEFAULTS: HoverSettings = {
  enabled: true,
  languages: [
    "python",
    "markdown",
    "typescript",
    "typescriptreact",
    "javascript",
    "javascriptreact",
  ],
  digits: 6,
};

export class Config {
  private section(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  }

  private boolean(section: vscode.WorkspaceConfiguration, key: string, fallback: boolean): boolean {
    const value = section.get<unknown>(key);
    return typeof value === "boolean" ? value : fallback;
  }

  private integer(
    section: vscode.WorkspaceConfiguration,
    key: string,
    fallback: number,
    range: { min: number; max: number },
  ): number {
    const value = section.get<unknown>(key);
    if (typeof value !== "number" || !Number.isFinite(value)) return fallback;
    return Math.min(range.max, Math.max(range.min, Math.round(value)));
  }

  private strings(
    section: vscode.WorkspaceConfiguration,
    key: string,
    fallback: readonly string[],
  ): readonly string[] {
    const value = section.get<unknown>(key);
    if (!Array.isArray(value)) return fallback;
    return value.filter((item): item is string => typeof item === "string" && item.length > 0);
  }

  /** The hover settings for the whole window. */
  get hover(): HoverSettings {
    return this.hoverFor();
  }

  /**
   * The hover settings for one document: `enabled` and `digits` may be set per language
   * (`"[markdown]": { "sigmoidLab.hover.enabled": false }`), so the document is the scope.
   */
  hoverFor(scope?: vscode.ConfigurationScope): HoverSettings {
    const section = this.section(scope);
    return {
      enabled: this.boolean(section, "hover.enabled", HOVER_DEFAULTS.enabled),
      languages: this.strings(section, "hover.languages", HOVER_DEFAULTS.languages),
      digits: this.integer(section, "hover.digits", HOVER_DEFAULTS.digits, { min: 1, max: 15 }),
    };
  }

  /**
   * Calls `listener` when any of the settings under `sigmoidLab.<prefix>` changes, e.g.
   * `config.onDidChange("hover", …)`. Dispose the result to stop listening.
   */
  onDidChange(prefix: string, listener: () => void): vscode.Disposable {
    const key = `${CONFIG_SECTION}.${prefix}`;
    return vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(key)) listener();
    });
  }
}

/** The one instance every surface reads. */
export const config = new Config();

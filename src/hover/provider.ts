// The VS Code side of the hovers, and the only file of src/hover that imports vscode: it reads
// the line under the mouse, asks the pure functions what to show (describe.ts, render.ts), adds
// the formula image and returns a vscode.Hover. Registered for the languages of
// `sigmoidLab.hover.languages`, re-registered when the settings change (no reload needed).
import * as vscode from "vscode";
import { evaluate } from "../core";
import { config } from "../config";
import { log } from "../log";
import type { FormulaId, HoverWords } from "./catalog";
import { describeHover } from "./describe";
import { colourSvg, foregroundFor, svgDataUri, type ThemeKind } from "./formulaImage";
import { OPEN_COMMAND } from "./intent";
import { renderHover } from "./render";

/**
 * What a hover shows besides computed numbers, read once from media/formulas/ at the first hover
 * (vscode.workspace.fs, so the browser build reads them too): the words of every term
 * (terms.json) and the formula images, coloured per theme and kept as data URIs.
 */
class HoverAssets {
  private words: Promise<HoverWords | undefined> | undefined;
  private readonly svgs = new Map<FormulaId, Promise<string | undefined>>();
  private readonly uris = new Map<string, string>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The hover's words in VS Code's display language when there is a translation, else English. */
  hoverWords(): Promise<HoverWords | undefined> {
    const locale = vscode.env.language.split("-")[0];
    const file = TRANSLATIONS.has(locale) ? `terms.${locale}.json` : "terms.json";
    this.words ??= this.read(file).then((json) => {
      try {
        return json === undefined ? undefined : (JSON.parse(json) as HoverWords);
      } catch (error) {
        log.error(`hover: media/formulas/${file} is not valid JSON: ${String(error)}`);
        return undefined;
      }
    });
    return this.words;
  }

  async imageUri(id: FormulaId, theme: ThemeKind): Promise<string | undefined> {
    const key = `${id}:${theme}`;
    const cached = this.uris.get(key);
    if (cached) return cached;
    let svg = this.svgs.get(id);
    if (!svg) {
      svg = this.read(`${id}.svg`);
      this.svgs.set(id, svg);
    }
    const text = await svg;
    if (text === undefined) return undefined;
    const uri = svgDataUri(colourSvg(text, foregroundFor(theme)));
    this.uris.set(key, uri);
    return uri;
  }

  private async read(name: string): Promise<string | undefined> {
    const file = vscode.Uri.joinPath(this.extensionUri, "media", "formulas", name);
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch (error) {
      log.warn(`hover: cannot read ${file.toString()}: ${String(error)}`);
      return undefined;
    }
  }
}

/** Locales with a media/formulas/terms.<locale>.json. */
const TRANSLATIONS: ReadonlySet<string> = new Set(["ko"]);

function themeKind(): ThemeKind {
  switch (vscode.window.activeColorTheme.kind) {
    case vscode.ColorThemeKind.Light:
      return "light";
    case vscode.ColorThemeKind.HighContrast:
      return "highContrast";
    case vscode.ColorThemeKind.HighContrastLight:
      return "highContrastLight";
    default:
      return "dark";
  }
}

export class SigmoidLabHoverProvider implements vscode.HoverProvider {
  private readonly assets: HoverAssets;

  constructor(extensionUri: vscode.Uri) {
    this.assets = new HoverAssets(extensionUri);
  }

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    try {
      if (token.isCancellationRequested || position.line >= document.lineCount) return undefined;
      const settings = config.hoverFor(document);
      if (!settings.enabled) return undefined;
      const model = describeHover(
        document.lineAt(position.line).text,
        position.character,
        evaluate,
      );
      if (!model) return undefined;
      const [words, imageUri] = await Promise.all([
        this.assets.hoverWords(),
        this.assets.imageUri(model.term.id, themeKind()),
      ]);
      if (token.isCancellationRequested || !words) return undefined;
      const markdown = new vscode.MarkdownString(
        renderHover(model, {
          words,
          digits: settings.digits,
          ...(imageUri ? { imageUri } : {}),
        }),
      );
      // Links may run our own command and nothing else.
      markdown.isTrusted = { enabledCommands: [OPEN_COMMAND] };
      markdown.supportHtml = false;
      const range = new vscode.Range(position.line, model.start, position.line, model.end);
      return new vscode.Hover(markdown, range);
    } catch (error) {
      // A hover must never surface an exception; report it once in our log and show nothing.
      log.error(
        `hover: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return undefined;
    }
  }
}

/**
 * Registers the hover provider for the configured languages (any scheme: files, untitled,
 * notebook cells, virtual workspaces) and registers it again when `sigmoidLab.hover.*` changes.
 */
export function registerHovers(extensionUri: vscode.Uri): vscode.Disposable {
  const provider = new SigmoidLabHoverProvider(extensionUri);
  let registration: vscode.Disposable | undefined;
  let registeredFor = "";
  const register = () => {
    // `enabled` is read per document at hover time (it may be set per language); the languages
    // decide where VS Code asks us at all.
    const { languages } = config.hover;
    const key = [...languages].sort().join(",");
    if (key === registeredFor) return;
    registration?.dispose();
    registration = undefined;
    registeredFor = key;
    if (key) {
      registration = vscode.languages.registerHoverProvider(
        languages.map((language) => ({ language })),
        provider,
      );
    }
  };
  register();
  const listener = config.onDidChange("hover", register);
  return new vscode.Disposable(() => {
    listener.dispose();
    registration?.dispose();
  });
}

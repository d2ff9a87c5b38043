// Runs the analysis on open Python documents and notebooks and publishes the findings as
// diagnostics. Debounced while the user types; cleared when a document closes; nothing runs on
// other languages. The results (findings with their fixes, and the lenses) are kept per document
// for the code action and CodeLens providers.
import * as vscode from "vscode";
import { DocumentAnalysis } from "./documentAnalysis";
import type { Finding, SourceRange } from "./index";
import { labLink } from "./labUri";
import { depthLensWords, findingWords } from "./localize";
import type { DepthLens } from "./lens";
import { cellOf, combineCells, type CombinedCells } from "./notebook";
import { readAnalysisSettings, severityOf, type AnalysisSettings } from "./settings";
import { log } from "../log";

export const DIAGNOSTIC_SOURCE = "Sigmoid Lab";
const DEBOUNCE_MS = 300;

/** A quick fix with its edits placed in documents (a notebook fix may touch another cell). */
export interface PlacedFix {
  title: string;
  edits: { uri: vscode.Uri; range: vscode.Range; newText: string }[];
}

export interface PlacedFinding {
  finding: Finding;
  diagnostic: vscode.Diagnostic;
  fix?: PlacedFix;
}

export interface PlacedLens {
  range: vscode.Range;
  title: string;
  intent: DepthLens["intent"];
}

interface DocumentResults {
  version: number;
  findings: PlacedFinding[];
  lenses: PlacedLens[];
}

function toRange(r: SourceRange, lineOffset = 0): vscode.Range {
  return new vscode.Range(r.line - lineOffset, r.column, r.endLine - lineOffset, r.endColumn);
}

function isPython(document: vscode.TextDocument): boolean {
  return document.languageId === "python";
}

export class AnalysisDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection("sigmoidLab");
  private readonly results = new Map<string, DocumentResults>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document (or notebook): the last syntax tree, re-parsed incrementally as the user types. */
  private readonly analyses = new Map<string, DocumentAnalysis>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private settings: AnalysisSettings = readAnalysisSettings();
  /** Fires when the results of any document change (the CodeLens provider listens). */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscriptions.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeNotebookDocument((e) =>
        this.scheduleNotebook(e.notebook, DEBOUNCE_MS),
      ),
      vscode.workspace.onDidCloseNotebookDocument((n) => {
        n.getCells().forEach((c) => this.forget(c.document.uri));
        this.forget(n.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration("sigmoidLab.analysis")) return;
        this.settings = readAnalysisSettings();
        this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  /** The results for a document, analysing it now if they are missing or stale. */
  async resultsFor(document: vscode.TextDocument): Promise<DocumentResults | undefined> {
    const known = this.results.get(document.uri.toString());
    if (known && known.version === document.version) return known;
    if (!this.settings.enabled || !isPython(document)) return undefined;
    await this.run(document);
    return this.results.get(document.uri.toString());
  }

  get codeLensEnabled(): boolean {
    return this.settings.enabled && this.settings.codeLens;
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!isPython(document)) return;
    const notebook = this.notebookOf(document);
    if (notebook) return this.scheduleNotebook(notebook, delayMs);
    this.debounce(document.uri.toString(), delayMs, () => this.run(document));
  }

  private scheduleNotebook(notebook: vscode.NotebookDocument, delayMs: number): void {
    this.debounce(notebook.uri.toString(), delayMs, () => this.runNotebook(notebook));
  }

  private debounce(key: string, delayMs: number, work: () => Promise<void>): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        work().catch((error: unknown) => log.error(`analysis failed: ${String(error)}`));
      }, delayMs),
    );
  }

  private notebookOf(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
    if (document.uri.scheme !== "vscode-notebook-cell") return undefined;
    return vscode.workspace.notebookDocuments.find((n) =>
      n.getCells().some((c) => c.document === document),
    );
  }

  private async run(document: vscode.TextDocument): Promise<void> {
    const notebook = this.notebookOf(document);
    if (notebook) return this.runNotebook(notebook);
    if (document.isClosed) return;
    if (!this.settings.enabled) return this.forget(document.uri);
    const version = document.version;
    const analysis = await this.analysisOf(document.uri).analyze(document.getText());
    if (document.isClosed || document.version !== version) return;
    const place = (r: SourceRange) => ({ uri: document.uri, range: toRange(r) });
    this.publish(document.uri, version, analysis.findings, analysis.lenses, place);
  }

  private async runNotebook(notebook: vscode.NotebookDocument): Promise<void> {
    if (notebook.isClosed) return;
    const cells = notebook
      .getCells()
      .filter((c) => c.kind === vscode.NotebookCellKind.Code && isPython(c.document));
    if (!this.settings.enabled) return cells.forEach((c) => this.forget(c.document.uri));
    const versions = cells.map((c) => c.document.version);
    const combined: CombinedCells = combineCells(cells.map((c) => c.document.getText()));
    const analysis = await this.analysisOf(notebook.uri).analyze(combined.source);
    if (cells.some((c, i) => c.document.version !== versions[i])) return;
    const place = (r: SourceRange) => {
      const { cell } = cellOf(combined, r.line);
      return { uri: cells[cell].document.uri, range: toRange(r, combined.firstLines[cell]) };
    };
    cells.forEach((cell, i) => {
      const uri = cell.document.uri.toString();
      const own = (r: SourceRange) => place(r).uri.toString() === uri;
      this.publish(
        cell.document.uri,
        versions[i],
        analysis.findings.filter(own),
        analysis.lenses.filter((l) => own(l.anchor)),
        place,
      );
    });
  }

  private publish(
    uri: vscode.Uri,
    version: number,
    findings: Finding[],
    lenses: DepthLens[],
    place: (r: SourceRange) => { uri: vscode.Uri; range: vscode.Range },
  ): void {
    const placed: PlacedFinding[] = [];
    for (const finding of findings) {
      const severity = severityOf(this.settings.rules[finding.code]);
      if (severity === undefined) continue;
      const words = findingWords(finding);
      const diagnostic = new vscode.Diagnostic(place(finding).range, words.message, severity);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = {
        value: finding.code,
        target: labLink(finding.lab),
      };
      if (finding.related) {
        const related = place(finding.related);
        diagnostic.relatedInformation = [
          new vscode.DiagnosticRelatedInformation(
            new vscode.Location(related.uri, related.range),
            words.related ?? finding.related.message,
          ),
        ];
      }
      const fix = finding.fix && {
        title: words.fixTitle ?? finding.fix.title,
        edits: finding.fix.edits.map((e) => ({ ...place(e), newText: e.newText })),
      };
      placed.push({ finding, diagnostic, fix });
    }
    this.collection.set(
      uri,
      placed.map((p) => p.diagnostic),
    );
    this.results.set(uri.toString(), {
      version,
      findings: placed,
      lenses: lenses.map((l) => ({
        range: place(l.anchor).range,
        title: depthLensWords(l.title, l.counts),
        intent: l.intent,
      })),
    });
    this.changed.fire();
  }

  private analysisOf(uri: vscode.Uri): DocumentAnalysis {
    const key = uri.toString();
    let analysis = this.analyses.get(key);
    if (!analysis) this.analyses.set(key, (analysis = new DocumentAnalysis()));
    return analysis;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.analyses.get(key)?.dispose();
    this.analyses.delete(key);
    this.collection.delete(uri);
    if (this.results.delete(key)) this.changed.fire();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const analysis of this.analyses.values()) analysis.dispose();
    this.analyses.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}

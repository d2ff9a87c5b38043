// The analysis's words in the editor's display language. The rules write English plain data (they
// run in a Web Worker and in unit tests, without VS Code); this is where a finding becomes text in
// the editor. In English the rules' own text is shown unchanged; in another language the literal
// below is the bundle key, and test/unit/package/l10n.test.ts checks that each literal is still
// the rule's text word for word, so an edited rule cannot keep showing an outdated translation.
import * as vscode from "vscode";
import type { Finding, LayerCounts } from "./finding";
import { formatBound } from "./lab";

export interface FindingWords {
  message: string;
  related?: string;
  fixTitle?: string;
}

function translated(finding: Finding): FindingWords | undefined {
  const related = vscode.l10n.t("the loss that receives the probabilities");
  switch (finding.code) {
    case "SL001":
      return {
        message: vscode.l10n.t(
          "softmax output reaches CrossEntropyLoss, which applies log_softmax itself: pass the raw logits (softmax twice flattens the loss and shrinks its gradient)",
        ),
        related,
        fixTitle: vscode.l10n.t("Drop the softmax: CrossEntropyLoss expects logits"),
      };
    case "SL002":
      return {
        message: vscode.l10n.t(
          "softmax output reaches NLLLoss, which expects log-probabilities: use log_softmax (NLLLoss of probabilities is not the cross-entropy)",
        ),
        related,
        fixTitle: vscode.l10n.t("Use log_softmax: NLLLoss expects log-probabilities"),
      };
    case "SL003":
      return {
        message: vscode.l10n.t(
          "sigmoid output reaches BCEWithLogitsLoss, which applies the sigmoid itself: pass the raw logits (σ(σ(z)) stays in (0.5, 0.73))",
        ),
        related,
        fixTitle: vscode.l10n.t("Drop the sigmoid: BCEWithLogitsLoss expects logits"),
      };
    case "SL004": {
      const replacement = finding.fix?.edits[0]?.newText;
      return {
        message: vscode.l10n.t(
          "raw model output (no sigmoid) reaches BCELoss, which expects probabilities in [0, 1]: use BCEWithLogitsLoss (it applies the sigmoid stably)",
        ),
        related: vscode.l10n.t("the BCELoss call"),
        fixTitle:
          replacement &&
          vscode.l10n.t(
            "Switch to {0}: it takes logits and applies the sigmoid itself",
            replacement,
          ),
      };
    }
    case "SL005": {
      const counts = finding.counts;
      if (!counts) return undefined;
      const bound =
        counts.sigmoid > 0
          ? vscode.l10n.t(
              "the gradient to the first layer is scaled by at most 0.25^{0} = {1}",
              counts.sigmoid,
              formatBound(counts.sigmoid),
            )
          : vscode.l10n.t(
              "tanh′ < 1 wherever a unit saturates, so the gradient shrinks layer by layer",
            );
      return {
        message: vscode.l10n.t(
          "{0} sigmoid/tanh layers stacked with no normalisation or residual in between: {1}",
          counts.longestRun,
          bound,
        ),
      };
    }
    default:
      return undefined;
  }
}

/** The depth CodeLens's title (src/analysis/lens.ts) in the display language. */
export function depthLensWords(title: string, counts: LayerCounts): string {
  if (!vscode.l10n.bundle) return title;
  const { sigmoid, tanh } = counts;
  if (sigmoid === 0) {
    return vscode.l10n.t(
      "{0} — tanh′ ≤ 1: the gradient shrinks wherever units saturate",
      vscode.l10n.t("{0} tanh layers", tanh),
    );
  }
  const sigmoidLayers = vscode.l10n.t("{0} sigmoid layers", sigmoid);
  return vscode.l10n.t(
    "{0} — gradient to the first layer ≤ 0.25^{1} = {2}",
    tanh > 0 ? vscode.l10n.t("{0} + {1} tanh", sigmoidLayers, tanh) : sigmoidLayers,
    sigmoid,
    formatBound(sigmoid),
  );
}

/** The message, related-location message and quick-fix title to show for a finding. */
export function findingWords(finding: Finding): FindingWords {
  const english: FindingWords = {
    message: finding.message,
    related: finding.related?.message,
    fixTitle: finding.fix?.title,
  };
  // No bundle is loaded for English: the rules' text is the English text.
  if (!vscode.l10n.bundle) return english;
  const words = translated(finding);
  return {
    message: words?.message ?? english.message,
    related: (finding.related && words?.related) ?? english.related,
    fixTitle: (finding.fix && words?.fixTitle) ?? english.fixTitle,
  };
}

// The walkthrough (contributes.walkthroughs): the study note's order, and each step's buttons are
// command links to sigmoidLab.open whose intent the panel accepts as it is — in every language the
// same intents, so a translation cannot send a Korean reader to another view.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { sanitizeIntent, type LabIntent } from "../../../src/shared/labState";

const root = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: Record<string, string>; altText?: string };
}
const manifest = read("package.json") as {
  contributes: { walkthroughs: { id: string; title: string; steps: Step[] }[] };
};
const [walkthrough] = manifest.contributes.walkthroughs;
const NLS: Record<string, Record<string, string>> = {
  en: read("package.nls.json"),
  ko: read("package.nls.ko.json"),
};
const text = (lang: string, value: string) => NLS[lang][value.replace(/^%|%$/g, "")];

/** The intents of a description's buttons: lines that are only `[label](command:…?args)`. */
function buttonIntents(description: string): LabIntent[] {
  return [...description.matchAll(/^\[[^\]]+\]\(command:sigmoidLab\.open\?([^)]+)\)$/gm)].map(
    (m) => {
      const args = JSON.parse(decodeURIComponent(m[1])) as unknown[];
      assert.equal(args.length, 1, `a button passes one intent: ${m[0]}`);
      return args[0] as LabIntent;
    },
  );
}

test("the steps follow the study note: sigmoid → σ′ → vanishing → logits → CE → LSTM → GRU", () => {
  assert.deepEqual(
    walkthrough.steps.map((s) => s.id),
    ["sigmoid", "derivative", "vanishing", "logisticRegression", "crossEntropy", "lstm", "gru"],
  );
});

test("each step's buttons open the view it teaches, with an intent the panel accepts whole", () => {
  const views: Record<string, string> = {
    sigmoid: "activations",
    derivative: "activations",
    vanishing: "vanishing",
    logisticRegression: "softmax",
    crossEntropy: "softmax",
    lstm: "recurrent",
    gru: "recurrent",
  };
  for (const step of walkthrough.steps) {
    const intents = buttonIntents(text("en", step.description));
    assert.ok(intents.length >= 1, `step ${step.id} has no button`);
    for (const intent of intents) {
      const { intent: clean, problems } = sanitizeIntent(intent);
      assert.deepEqual(problems, [], `step ${step.id}: ${problems.join("; ")}`);
      assert.deepEqual(clean, intent, `step ${step.id}: the panel would change the intent`);
      assert.equal(intent.view, views[step.id], `step ${step.id} opens ${intent.view}`);
    }
  }
});

test("every language's buttons carry the same intents, and every step has title and image", () => {
  for (const step of walkthrough.steps) {
    const english = buttonIntents(text("en", step.description));
    for (const lang of Object.keys(NLS)) {
      assert.ok(text(lang, step.title), `step ${step.id} has no ${lang} title`);
      assert.ok(text(lang, step.media.altText ?? ""), `step ${step.id} has no ${lang} alt text`);
      assert.deepEqual(buttonIntents(text(lang, step.description)), english, `${lang}: ${step.id}`);
    }
    for (const image of Object.values(step.media.image ?? {})) {
      assert.ok(fs.existsSync(path.join(root, image)), `step ${step.id}: ${image} is missing`);
    }
  }
});

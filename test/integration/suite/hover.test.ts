// Hovers over code and Markdown, through the real hover pipeline (vscode.executeHoverProvider), on
// the sample workspace: train.py (Python), sigmoid.ipynb (Jupyter cells), gates.ts (TypeScript),
// notes.md (Markdown). Expected values: σ(2.5) = 0.924142, σ'(2.5) = 0.070104 (PyTorch 1.13,
// test/fixtures/hover/torch.json), printed with the default 6 digits.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import { closeAllEditors, openFixture, ourExtension, positionOf } from "../helpers";
import { record } from "../measurements";
import { SigmoidLabHoverProvider } from "../../../src/hover/provider";

const IMAGE_PREFIX = "data:image/svg+xml;base64,";

/**
 * Our hover among all providers' hovers: the one with the derivative line (the analysis
 * diagnostics also link to sigmoidLab.open, so the link alone does not tell).
 */
function ours(hovers: vscode.Hover[]): string | undefined {
  const texts = hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === "string" ? content : content.value));
  return texts.find((text) => text.includes("*Derivative:*"));
}

async function hoverAt(
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    "vscode.executeHoverProvider",
    document.uri,
    position,
  );
  assert.ok(Array.isArray(hovers), "vscode.executeHoverProvider did not return an array");
  return ours(hovers);
}

/** Our hover at the first occurrence of `text` (+ offset) in a sample file. */
async function hoverText(file: string, text: string, offset = 1): Promise<string | undefined> {
  const document = await openFixture(file);
  return hoverAt(document, positionOf(document, text, offset));
}

/** The SVG inside the hover's image, decoded. */
function imageSvg(markdown: string): string {
  const start = markdown.indexOf(IMAGE_PREFIX);
  assert.ok(start >= 0, `the hover has no ${IMAGE_PREFIX} image:\n${markdown}`);
  const end = markdown.indexOf(")", start);
  return Buffer.from(markdown.slice(start + IMAGE_PREFIX.length, end), "base64").toString("utf8");
}

/** The intent of the hover's first "Open in Sigmoid Lab" link. */
function openIntent(markdown: string): unknown {
  const link = /\[Open in Sigmoid Lab\]\(command:sigmoidLab\.open\?([^)]+)\)/.exec(markdown);
  assert.ok(link, `no "Open in Sigmoid Lab" link in:\n${markdown}`);
  return (JSON.parse(decodeURIComponent(link[1])) as unknown[])[0];
}

/**
 * A file in a throwaway folder, opened as a document: saved files, not untitled ones, so that
 * closing the editors at the end never stops at a "Save changes?" dialog.
 */
function scratchFile(name: string, content: string): vscode.Uri {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sigmoid-lab-hover-"));
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

async function setHoverSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration("sigmoidLab")
    .update(`hover.${key}`, value, vscode.ConfigurationTarget.Global);
}

suite("Hovers", () => {
  suiteSetup(() => ourExtension().activate());
  suiteTeardown(async () => {
    for (const key of ["enabled", "digits", "languages"]) await setHoverSetting(key, undefined);
    await closeAllEditors();
  });

  test("train.py: torch.sigmoid(torch.tensor(2.5)) shows the formula image, σ and σ' and a Lab link", async () => {
    const started = performance.now();
    const text = await hoverText("train.py", "torch.sigmoid(torch.tensor(2.5))", 7);
    record("hoverRoundTripMs", Number((performance.now() - started).toFixed(2)));
    assert.ok(text, "no Sigmoid Lab hover over torch.sigmoid in train.py");
    assert.ok(text.includes("σ(2.5) = 0.924142"), text);
    assert.ok(text.includes("σ'(2.5) = 0.070104"), text);
    assert.ok(text.includes("0.25"), "the hover does not state σ' ≤ 0.25");
    const svg = imageSvg(text);
    assert.ok(svg.startsWith("<svg"), "the image is not an SVG");
    assert.ok(!svg.includes("currentColor"), "the SVG was not coloured for the theme");
    assert.match(svg, /fill="#[0-9a-f]{6}"/);
    assert.deepEqual(openIntent(text), { view: "activations", x: 2.5 });
  });

  test("train.py: nn.CrossEntropyLoss says it takes raw logits (LogSoftmax + NLLLoss)", async () => {
    const text = await hoverText("train.py", "nn.CrossEntropyLoss()", 4);
    assert.ok(text, "no hover over nn.CrossEntropyLoss");
    assert.ok(
      text.includes("LogSoftmax") && text.includes("NLLLoss") && text.includes("raw logits"),
      text,
    );
    assert.deepEqual(openIntent(text), { view: "softmax" });
  });

  test("gates.ts: sigmoid(2.5) computes, Math.tanh explains, the written-out sigmoid is recognised", async () => {
    const value = await hoverText("gates.ts", "sigmoid(2.5)", 2);
    assert.ok(value?.includes("σ(2.5) = 0.924142"), value);
    const tanh = await hoverText("gates.ts", "Math.tanh(", 6);
    assert.ok(tanh?.includes("Hyperbolic tangent"), tanh);
    const written = await hoverText("gates.ts", "1 / (1 + Math.exp(-x))", 12);
    assert.ok(written?.includes("Sigmoid"), written);
  });

  test("notes.md: σ(2.5) in Markdown computes; `nn.CrossEntropyLoss` in a code span explains", async () => {
    const sigma = await hoverText("notes.md", "σ(2.5)", 0);
    assert.ok(sigma?.includes("σ(2.5) = 0.924142"), sigma);
    const loss = await hoverText("notes.md", "nn.CrossEntropyLoss", 4);
    assert.ok(loss?.includes("LogSoftmax"), loss);
  });

  test("sigmoid.ipynb: hovers work in Jupyter notebook cells", async () => {
    const notebook = await vscode.workspace.openNotebookDocument(
      vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, "sigmoid.ipynb"),
    );
    const cell = notebook.getCells().find((c) => c.document.getText().includes("torch.sigmoid(x)"));
    assert.ok(cell, "no cell with torch.sigmoid(x) in sigmoid.ipynb");
    assert.equal(cell.document.uri.scheme, "vscode-notebook-cell");
    assert.equal(cell.document.languageId, "python");
    const text = await hoverAt(cell.document, positionOf(cell.document, "torch.sigmoid", 7));
    assert.ok(text?.includes("Sigmoid"), text);
    const softmaxCell = notebook
      .getCells()
      .find((c) => c.document.getText().includes("torch.softmax"));
    const softmax =
      softmaxCell &&
      (await hoverAt(softmaxCell.document, positionOf(softmaxCell.document, "torch.softmax", 7)));
    assert.ok(softmax?.includes("CrossEntropyLoss"), softmax);
  });

  test("shows nothing where no term is", async () => {
    assert.equal(await hoverText("train.py", "optimizer.zero_grad()", 2), undefined);
    assert.equal(await hoverText("train.py", "torch.randn(32, 4)", 8), undefined);
  });

  test("settings take effect without a reload: digits, enabled, languages", async () => {
    await setHoverSetting("digits", 3);
    assert.ok(
      (await hoverText("train.py", "torch.sigmoid(torch.tensor(2.5))", 7))?.includes(
        "σ(2.5) = 0.924`",
      ),
    );
    await setHoverSetting("digits", undefined);
    await setHoverSetting("enabled", false);
    assert.equal(await hoverText("train.py", "torch.sigmoid(torch.tensor(2.5))", 7), undefined);
    await setHoverSetting("enabled", undefined);
    await setHoverSetting("languages", ["markdown"]);
    assert.equal(await hoverText("train.py", "torch.sigmoid(torch.tensor(2.5))", 7), undefined);
    assert.ok(await hoverText("notes.md", "σ(2.5)", 0), "markdown is still in the languages");
    await setHoverSetting("languages", undefined);
    assert.ok(await hoverText("train.py", "torch.sigmoid(torch.tensor(2.5))", 7));
  });

  test("hostile input: a 1 MB line, 10,000 nested parentheses, unbalanced brackets", async () => {
    const statement = "x = torch.sigmoid(torch.tensor(2.5)); ";
    const megabyte = statement.repeat(Math.ceil(1_048_576 / statement.length));
    const nested = `torch.sigmoid${"(".repeat(10_000)}2.5${")".repeat(10_000)}`;
    const unbalanced = `F.softmax(torch.tensor([1.0, 2.0, 3.0], dim=0${" (".repeat(20_000)}`;
    const document = await vscode.workspace.openTextDocument(
      scratchFile("hostile.py", [megabyte, nested, unbalanced].join("\n")),
    );
    assert.equal(document.languageId, "python");
    const middle = megabyte.indexOf("sigmoid", megabyte.length >> 1);
    const onBigLine = await hoverAt(document, new vscode.Position(0, middle));
    assert.ok(onBigLine?.includes("σ(2.5) = 0.924142"), "no value on the 1 MB line");
    const onNested = await hoverAt(document, new vscode.Position(1, 8));
    assert.ok(onNested?.includes("Sigmoid"), "no hover on the nested line");
    assert.ok(
      !onNested?.includes("σ(2.5) ="),
      "a call nested beyond the window must not be evaluated",
    );
    assert.equal(await hoverAt(document, new vscode.Position(1, 5000)), undefined);
    assert.ok((await hoverAt(document, new vscode.Position(2, 4)))?.includes("Softmax"));
    assert.equal(await hoverAt(document, new vscode.Position(2, 30_000)), undefined);
  });

  test("a notebook with 1,000 cells: a hover in the last cell", async () => {
    const cell = (k: number) => ({
      cell_type: "code",
      execution_count: null,
      metadata: {},
      outputs: [],
      source: [`y${k} = torch.sigmoid(torch.tensor(${k / 100}))`],
    });
    const ipynb = {
      cells: Array.from({ length: 1000 }, (_, k) => cell(k)),
      metadata: { language_info: { name: "python" } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const notebook = await vscode.workspace.openNotebookDocument(
      scratchFile("thousand.ipynb", JSON.stringify(ipynb)),
    );
    assert.equal(notebook.cellCount, 1000);
    const last = notebook.cellAt(999).document;
    assert.equal(last.languageId, "python");
    const started = performance.now();
    const text = await hoverAt(last, new vscode.Position(0, 12));
    record("hoverNotebook1000CellsMs", Number((performance.now() - started).toFixed(2)));
    assert.ok(text?.includes("σ(9.99) = 0.999954"), text);
  });

  test("our provider's own time in the extension host, warm: a short line and the 1 MB line", async () => {
    // executeHoverProvider's round trip also waits for every other provider (the TypeScript
    // server, Markdown) and syncs the document; this is the part Sigmoid Lab adds.
    const provider = new SigmoidLabHoverProvider(ourExtension().extensionUri);
    const token = new vscode.CancellationTokenSource().token;
    const train = await openFixture("train.py");
    const statement = "x = torch.sigmoid(torch.tensor(2.5)); ";
    const megabyte = await vscode.workspace.openTextDocument(
      scratchFile("megabyte.py", statement.repeat(Math.ceil(1_048_576 / statement.length))),
    );
    const cases: [string, vscode.TextDocument, vscode.Position][] = [
      ["hoverProviderShortLineMs", train, positionOf(train, "torch.sigmoid(torch.tensor(2.5))", 7)],
      ["hoverProvider1MbLineMs", megabyte, new vscode.Position(0, 524_296)],
    ];
    for (const [name, document, position] of cases) {
      assert.ok(await provider.provideHover(document, position, token), name);
      const times: number[] = [];
      for (let k = 0; k < 50; k++) {
        const started = performance.now();
        await provider.provideHover(document, position, token);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      record(name, `median ${times[25].toFixed(3)}, max ${times[49].toFixed(3)}`);
    }
  });

  test("a cancelled request returns undefined without work", async () => {
    const document = await openFixture("train.py");
    const provider = new SigmoidLabHoverProvider(ourExtension().extensionUri);
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    const position = positionOf(document, "torch.sigmoid(torch.tensor(2.5))", 7);
    assert.equal(await provider.provideHover(document, position, source.token), undefined);
    const live = new vscode.CancellationTokenSource();
    const hover = await provider.provideHover(document, position, live.token);
    assert.ok(hover, "the same request without cancellation gives a hover");
    assert.equal(hover.range?.start.character, positionOf(document, "torch.sigmoid").character);
  });
});

// Build-time renderer of the hover formulas: TeX → SVG with MathJax 3 (mathjax-full, a
// devDependency), glyphs as paths so that the image needs no font, written to media/formulas/.
// The formulas are fixed, so they are rendered once here and committed; the extension only reads
// the files (lazily, through vscode.workspace.fs) and never bundles MathJax.
//
// Colour: every glyph is drawn in `currentColor`. An <img> has no CSS colour to inherit, so the
// hover replaces `currentColor` with the theme's foreground before it makes the data URI.
//
// Run: node src/hover/renderFormulas.mjs   (re-run after editing a formula below)
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mathjax } from "mathjax-full/js/mathjax.js";
import { TeX } from "mathjax-full/js/input/tex.js";
import { SVG } from "mathjax-full/js/output/svg.js";
import { liteAdaptor } from "mathjax-full/js/adaptors/liteAdaptor.js";
import { RegisterHTMLHandler } from "mathjax-full/js/handlers/html.js";
// Importing a TeX package's configuration registers it with the TeX input jax.
import "mathjax-full/js/input/tex/base/BaseConfiguration.js";
import "mathjax-full/js/input/tex/ams/AmsConfiguration.js";

/** Rows aligned at their `&`: the function above, its derivative below (narrow enough for a hover). */
function rows(...lines) {
  return (
    String.raw`\begin{aligned}` + lines.join(String.raw` \\[2pt] `) + String.raw`\end{aligned}`
  );
}

/** One formula image per FormulaId of src/hover/catalog.ts. */
const FORMULAS = {
  sigmoid: rows(
    String.raw`\sigma(x) &= \frac{1}{1+e^{-x}}`,
    String.raw`\sigma'(x) &= \sigma(x)\,\bigl(1-\sigma(x)\bigr) \le \sigma'(0) = \tfrac{1}{4}`,
  ),
  logSigmoid: rows(
    String.raw`\log\sigma(x) &= -\operatorname{softplus}(-x)`,
    String.raw`\tfrac{d}{dx}\log\sigma(x) &= 1-\sigma(x)`,
  ),
  logit: rows(
    String.raw`\operatorname{logit}(p) &= \ln\frac{p}{1-p} = \sigma^{-1}(p)`,
    String.raw`\operatorname{logit}'(p) &= \frac{1}{p\,(1-p)}`,
  ),
  tanh: rows(
    String.raw`\tanh(x) &= \frac{e^{x}-e^{-x}}{e^{x}+e^{-x}} = 2\,\sigma(2x)-1`,
    String.raw`\tanh'(x) &= 1-\tanh^2(x) \le 1`,
  ),
  relu: rows(
    String.raw`\operatorname{ReLU}(x) &= \max(0,\,x)`,
    String.raw`\operatorname{ReLU}'(x) &= [x > 0]`,
  ),
  softplus: rows(
    String.raw`\operatorname{softplus}(x) &= \ln\bigl(1+e^{x}\bigr)`,
    String.raw`\operatorname{softplus}'(x) &= \sigma(x)`,
  ),
  softmax: rows(
    String.raw`\operatorname{softmax}(z)_i &= \frac{e^{z_i}}{\sum_j e^{z_j}}`,
    String.raw`\frac{\partial\,\operatorname{softmax}(z)_i}{\partial z_k} &= s_i\,(\delta_{ik} - s_k)`,
  ),
  logSoftmax: rows(
    String.raw`\log\operatorname{softmax}(z)_i &= z_i - \log\sum\nolimits_j e^{z_j}`,
    String.raw`\frac{\partial\log\operatorname{softmax}(z)_i}{\partial z_k} &= \delta_{ik} - \operatorname{softmax}(z)_k`,
  ),
  crossEntropy: rows(
    String.raw`\ell(z, y) &= -\log\operatorname{softmax}(z)_y = -z_y + \log\sum\nolimits_j e^{z_j}`,
    String.raw`\frac{\partial\ell}{\partial z_k} &= \operatorname{softmax}(z)_k - [k = y]`,
  ),
  nllLoss: rows(
    String.raw`\ell(a, y) &= -a_y, \qquad a = \log\operatorname{softmax}(z)`,
    String.raw`\frac{\partial\ell}{\partial a_k} &= -[k = y]`,
  ),
  binaryCrossEntropy: rows(
    String.raw`\ell(p, y) &= -\bigl[\,y\log p + (1-y)\log(1-p)\,\bigr]`,
    String.raw`\frac{\partial\ell}{\partial p} &= \frac{p-y}{p\,(1-p)}`,
  ),
  binaryCrossEntropyWithLogits: rows(
    String.raw`\ell(z, y) &= -\bigl[\,y\log\sigma(z) + (1-y)\log\bigl(1-\sigma(z)\bigr)\bigr]`,
    String.raw`\frac{\partial\ell}{\partial z} &= \sigma(z) - y`,
  ),
  lstm: rows(
    String.raw`i_t &= \sigma(W_{ii}x_t + W_{hi}h_{t-1} + b_i)`,
    String.raw`f_t &= \sigma(W_{if}x_t + W_{hf}h_{t-1} + b_f)`,
    String.raw`g_t &= \tanh(W_{ig}x_t + W_{hg}h_{t-1} + b_g)`,
    String.raw`o_t &= \sigma(W_{io}x_t + W_{ho}h_{t-1} + b_o)`,
    String.raw`c_t &= f_t \odot c_{t-1} + i_t \odot g_t`,
    String.raw`h_t &= o_t \odot \tanh(c_t)`,
  ),
  gru: rows(
    String.raw`r_t &= \sigma(W_{ir}x_t + W_{hr}h_{t-1} + b_r)`,
    String.raw`z_t &= \sigma(W_{iz}x_t + W_{hz}h_{t-1} + b_z)`,
    String.raw`n_t &= \tanh\bigl(W_{in}x_t + b_{in} + r_t \odot (W_{hn}h_{t-1} + b_{hn})\bigr)`,
    String.raw`h_t &= (1 - z_t) \odot n_t + z_t \odot h_{t-1}`,
  ),
  rnn: rows(
    String.raw`h_t &= \tanh(W_{ih}x_t + b_{ih} + W_{hh}h_{t-1} + b_{hh})`,
    String.raw`\frac{\partial h_T}{\partial h_t} &= \prod\nolimits_{k=t+1}^{T} \operatorname{diag}\bigl(1-h_k^2\bigr)\,W_{hh}`,
  ),
};

/** Pixels per TeX ex: MathJax sizes its SVG in ex; an <img> in a hover needs absolute pixels. */
const PX_PER_EX = 7;
const SIZE_LIMIT_BYTES = 20 * 1024;

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "media", "formulas");
const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);
// Only the packages the formulas use: base, ams (aligned, cases, \tfrac) — the rest add nothing.
const document = mathjax.document("", {
  InputJax: new TeX({ packages: ["base", "ams"] }),
  // fontCache "local": each glyph path is defined once per image and reused with <use>.
  OutputJax: new SVG({ fontCache: "local" }),
});

/**
 * Absolute size, and only what draws: MathJax's data-* attributes (its MathML tree, for
 * assistive tech inside a page) mean nothing in an <img>, and glyph ids can be short.
 */
function compact(svg) {
  const ids = new Map();
  const shortId = (id) => {
    if (!ids.has(id)) ids.set(id, `g${ids.size.toString(36)}`);
    return ids.get(id);
  };
  return svg
    .replace(/ data-[\w-]+="[^"]*"/g, "")
    .replace(/ id="([^"]+)"/g, (_, id) => ` id="${shortId(id)}"`)
    .replace(/ xlink:href="#([^"]+)"/g, (_, id) => ` xlink:href="#${shortId(id)}"`)
    .replace(/ style="vertical-align: [^"]*"/, "")
    .replace(
      / (width|height)="([\d.]+)ex"/g,
      (_, name, ex) => ` ${name}="${(Number(ex) * PX_PER_EX).toFixed(1)}"`,
    )
    .replace(/ role="img" focusable="false"/, "");
}

await mkdir(outDir, { recursive: true });
const table = [];
for (const [id, tex] of Object.entries(FORMULAS)) {
  const node = document.convert(tex, { display: true });
  const raw = adaptor.innerHTML(node);
  if (raw.includes("data-mjx-error"))
    throw new Error(`${id}: MathJax could not typeset it: ${raw}`);
  const svg = compact(raw);
  if (!svg.includes("currentColor"))
    throw new Error(`${id}: the SVG does not draw in currentColor`);
  const bytes = Buffer.byteLength(svg);
  if (bytes > SIZE_LIMIT_BYTES) throw new Error(`${id}: ${bytes} bytes, over ${SIZE_LIMIT_BYTES}`);
  await writeFile(join(outDir, `${id}.svg`), `${svg}\n`);
  const [, width, height] = svg.match(/ width="([\d.]+)" height="([\d.]+)"/);
  table.push(`| ${id} | ${bytes} | ${width} × ${height} |`);
}
process.stdout.write(`| formula | bytes | px |\n|---|---:|---|\n${table.join("\n")}\n`);

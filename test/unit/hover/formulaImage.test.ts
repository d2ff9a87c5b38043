// The prebuilt formula images: one per catalog term, each under 20 KB, drawn in currentColor, no
// fonts or scripts; and the data URI the hover makes from one, coloured for the theme.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { TERMS } from "../../../src/hover/catalog";
import { colourSvg, foregroundFor, svgDataUri } from "../../../src/hover/formulaImage";

const formulaFile = (id: string) => new URL(`../../../media/formulas/${id}.svg`, import.meta.url);

describe("media/formulas", () => {
  for (const id of Object.keys(TERMS)) {
    it(`${id}.svg exists, is under 20 KB and draws only paths in currentColor`, () => {
      const bytes = statSync(formulaFile(id)).size;
      assert.ok(bytes < 20 * 1024, `${id}.svg is ${bytes} bytes`);
      const svg = readFileSync(formulaFile(id), "utf8");
      assert.match(
        svg,
        /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="[\d.]+" height="[\d.]+"/,
      );
      assert.ok(svg.includes('fill="currentColor"'));
      assert.ok(
        !/<(script|text|foreignObject|image)\b/.test(svg),
        "only paths: no text, fonts or scripts",
      );
      assert.ok(!/data-mjx-error/.test(svg));
    });
  }
});

describe("colourSvg and svgDataUri", () => {
  const svg = readFileSync(formulaFile("sigmoid"), "utf8");

  it("puts the theme's foreground where currentColor was", () => {
    const coloured = colourSvg(svg, foregroundFor("dark"));
    assert.ok(!coloured.includes("currentColor"));
    assert.ok(coloured.includes('fill="#cccccc"'));
    assert.notEqual(foregroundFor("light"), foregroundFor("dark"));
  });

  it("refuses a colour that is not #rgb/#rrggbb, so nothing can be injected into the SVG", () => {
    assert.throws(() => colourSvg(svg, 'red" onload="x'), TypeError);
  });

  it("makes a base64 data URI that decodes back to the same bytes (non-ASCII included)", () => {
    const text = `${svg}<!-- σ′ ≤ ¼ -->`;
    const uri = svgDataUri(text);
    assert.ok(uri.startsWith("data:image/svg+xml;base64,"));
    const decoded = Buffer.from(uri.slice("data:image/svg+xml;base64,".length), "base64").toString(
      "utf8",
    );
    assert.equal(decoded, text);
  });
});

for (const file of ["terms.json", "terms.ko.json"]) {
  describe(`media/formulas/${file}`, () => {
    const words = JSON.parse(
      readFileSync(new URL(`../../../media/formulas/${file}`, import.meta.url), "utf8"),
    ) as { labels: Record<string, string>; terms: Record<string, Record<string, string>> };

    it("has every label, and the words of every term and of no other", () => {
      assert.deepEqual(Object.keys(words.labels).sort(), [
        "compareDepth",
        "derivative",
        "open",
        "parameters",
        "softmaxFirst",
        "stack",
      ]);
      assert.ok(words.labels.parameters.includes("{n}"));
      assert.ok(
        words.labels.stack.includes("{layers}") && words.labels.stack.includes("{directions}"),
      );
      assert.deepEqual(Object.keys(words.terms).sort(), Object.keys(TERMS).sort());
      for (const [id, text] of Object.entries(words.terms)) {
        for (const field of ["title", "summary", "formula", "derivative", "fact"]) {
          assert.ok(typeof text[field] === "string" && text[field].length > 0, `${id}.${field}`);
        }
      }
    });

    it("keeps each hover short: a fact under 400 characters", () => {
      for (const [id, text] of Object.entries(words.terms)) {
        assert.ok(text.fact.length < 400, `${id}.fact has ${text.fact.length} characters`);
      }
    });
  });
}

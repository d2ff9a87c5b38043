// CSV exports: RFC 4180 quoting, and numbers written so that they round-trip exactly.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { toCsv } from "../../../webview/csv";

test("numbers round-trip and non-finite values are spelled out", () => {
  const csv = toCsv(
    ["x", "y"],
    [
      [0.1 + 0.2, 1e-300],
      [NaN, -Infinity],
    ],
  );
  assert.equal(csv, "x,y\r\n0.30000000000000004,1e-300\r\nNaN,-inf\r\n");
  const [, row] = csv.split("\r\n");
  assert.equal(Number(row.split(",")[0]), 0.1 + 0.2);
});

test("cells with commas, quotes or line breaks are quoted", () => {
  assert.equal(toCsv(['a "b"', "c,d"], [["e\nf", 1]]), '"a ""b""","c,d"\r\n"e\nf",1\r\n');
});

test("a row of the wrong length is a RangeError naming rows", () => {
  assert.throws(() => toCsv(["a", "b"], [[1]]), /rows: expected 2 cells per row, got 1/);
});

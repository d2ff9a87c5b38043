// Theme colours drawn opaque: VS Code's charts.orange is #d186167e in the default themes.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { opaque } from "../../../webview/color";

test("alpha is dropped from #rrggbbaa, #rgba and rgba()", () => {
  assert.equal(opaque("#d186167e"), "#d18616");
  assert.equal(opaque("#abcd"), "#abc");
  assert.equal(opaque("rgba(1, 2, 3, 0.5)"), "rgb(1, 2, 3)");
});

test("opaque colours and names pass unchanged", () => {
  for (const color of ["#d18616", "#abc", "rgb(1, 2, 3)", "red"])
    assert.equal(opaque(color), color);
});

// The host ⇄ page contract (src/shared/protocol.ts): every message and the start in the page's HTML
// is validated on receipt. A malformed one is refused with an error that names what was wrong, and
// a start that is partly wrong falls back to the defaults for that part and says so.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { defaultLabState } from "../../../src/shared/labState";
import {
  MAX_EXPORT_BYTES,
  MessageType,
  labStartScriptText,
  parseFromWebview,
  parseLabStart,
  parseToWebview,
} from "../../../src/shared/protocol";

test("the start the host writes is the start the page reads", () => {
  const state = defaultLabState();
  state.view = "recurrent";
  state.recurrent.typed = "1\n0\n</script><script>alert(1)</script>\n<!-- 0";
  const text = labStartScriptText({ state, intent: { view: "activations", x: 2.5 } });
  assert.ok(!text.includes("<"), "a `<` in the JSON could end or change its <script> element");
  const { start, problems } = parseLabStart(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(start, { state, intent: { view: "activations", x: 2.5 } });
});

test("a missing, non-JSON or non-object start gives the defaults and names the problem", () => {
  for (const [text, named] of [
    [null, /has no #sigmoid-lab-start/],
    [undefined, /has no #sigmoid-lab-start/],
    ["{state:", /is not JSON/],
    ["[1, 2]", /is not an object/],
    ['"activations"', /is not an object/],
  ] as const) {
    const { start, problems } = parseLabStart(text);
    assert.deepEqual(start, { state: defaultLabState(), intent: {} }, String(text));
    assert.equal(problems.length, 1);
    assert.match(problems[0], named);
    assert.match(problems[0], /starting from the defaults/);
  }
});

test("a start with an old state version or an out-of-range intent keeps what is valid", () => {
  const { start, problems } = parseLabStart(
    JSON.stringify({ state: { version: 0, view: "softmax" }, intent: { x: 2.5, depth: -3 } }),
  );
  assert.deepEqual(start.state, defaultLabState(), "a state of another version is not trusted");
  assert.equal(start.intent.x, 2.5);
  assert.equal(start.intent.depth, undefined, "a negative depth is dropped, not used");
  assert.ok(
    problems.some((p) => /start state: state version 0/.test(p)),
    problems.join("; "),
  );
  assert.ok(
    problems.some((p) => /start intent: depth must be a positive integer/.test(p)),
    problems.join("; "),
  );
});

test("messages from the page: each malformed field is named", () => {
  assert.deepEqual(parseFromWebview({ type: "ready" }), {
    ok: true,
    message: { type: MessageType.Ready },
  });
  const cases: [unknown, RegExp][] = [
    [null, /not an object with a string `type`/],
    [{ type: 7 }, /not an object with a string `type`/],
    [{ type: "init" }, /unknown message type "init"/],
    [{ type: "export", format: "svg", suggestedName: "a.svg", content: "" }, /format must be/],
    [{ type: "export", format: "csv", suggestedName: "../a.csv", content: "" }, /suggestedName/],
    [
      {
        type: "export",
        format: "csv",
        suggestedName: "a.csv",
        content: "x".repeat(MAX_EXPORT_BYTES + 1),
      },
      /content must be a string under/,
    ],
    [{ type: "export", format: "png", suggestedName: "a.png", content: "AAAA" }, /data:image\/png/],
    [{ type: "log", level: "debug", message: "m" }, /level must be/],
    [{ type: "log", level: "warn", message: 3 }, /message must be a string/],
  ];
  for (const [data, named] of cases) {
    const parsed = parseFromWebview(data);
    assert.equal(parsed.ok, false, JSON.stringify(data)?.slice(0, 80));
    if (!parsed.ok) assert.match(parsed.error, named);
  }
});

test("messages to the page: Apply keeps a valid intent, the rest is refused by name", () => {
  assert.deepEqual(parseToWebview({ type: "apply", intent: { view: "softmax" } }), {
    ok: true,
    message: { type: MessageType.Apply, intent: { view: "softmax" } },
  });
  const cases: [unknown, RegExp][] = [
    [{ type: "init", state: {} }, /unknown message type "init"/],
    [{ type: "apply", intent: "softmax" }, /apply: intent is not an object/],
    [{ type: "exportDone", format: "gif", outcome: "saved" }, /unknown format/],
    [{ type: "exportDone", format: "png", outcome: "lost" }, /unknown outcome/],
  ];
  for (const [data, named] of cases) {
    const parsed = parseToWebview(data);
    assert.equal(parsed.ok, false, JSON.stringify(data));
    if (!parsed.ok) assert.match(parsed.error, named);
  }
});

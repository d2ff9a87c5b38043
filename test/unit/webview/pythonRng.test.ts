// The exported scripts' Python port of the core's generator draws what createRng draws: compared
// with /usr/bin/python3 (skipped where there is none). Box–Muller's log/sin/cos come from
// different libms, so normals may differ in the last bit; integers and uniforms are exact.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRng } from "../../../src/core";
import { PYTHON_CREATE_RNG } from "../../../webview/export/pythonRng";

const seeds = [0, 1, 12345, 2147483647 * 1024 + 63];

test("Python's Rng matches createRng", { skip: !existsSync("/usr/bin/python3") }, () => {
  const script = `import json, math\n${PYTHON_CREATE_RNG}\nout = []\nfor s in ${JSON.stringify(seeds)}:\n    r = Rng(s)\n    out.append([r.next_uint32(), r.next_uint32(), r.next(), r.normal(), r.normal(), r.normal()])\nprint(json.dumps(out))\n`;
  const python = JSON.parse(
    execFileSync("/usr/bin/python3", ["-c", script]).toString(),
  ) as number[][];
  seeds.forEach((seed, k) => {
    const rng = createRng(seed);
    const js = [
      rng.nextUint32(),
      rng.nextUint32(),
      rng.next(),
      rng.normal(),
      rng.normal(),
      rng.normal(),
    ];
    assert.deepEqual(python[k].slice(0, 3), js.slice(0, 3), `seed ${seed}: integers and uniform`);
    for (let i = 3; i < 6; i++) {
      assert.ok(
        Math.abs(python[k][i] - js[i]) <= 4e-16 * Math.max(1, Math.abs(js[i])),
        `seed ${seed}: normal ${i - 3}`,
      );
    }
  });
});

// fillNormal's ziggurat: 20,000 draws per seed pass through the wedges (~1%) and the tail (~0.06%),
// and the next word after them must agree, so both sides consumed the same words. The tables come
// from each side's exp/log, so values may differ in the last bits.
test("Python's fill_normal matches fillNormal", { skip: !existsSync("/usr/bin/python3") }, () => {
  const n = 20_000;
  const script = `import json, math\n${PYTHON_CREATE_RNG}\nout = []\nfor s in ${JSON.stringify(seeds)}:\n    r = Rng(s)\n    values = r.fill_normal(${n}, 0.5)\n    out.append([values, r.next_uint32()])\nprint(json.dumps(out))\n`;
  const python = JSON.parse(
    execFileSync("/usr/bin/python3", ["-c", script], { maxBuffer: 64 * 1024 * 1024 }).toString(),
  ) as [number[], number][];
  seeds.forEach((seed, k) => {
    const rng = createRng(seed);
    const js = new Float64Array(n);
    rng.fillNormal(js, 0.5);
    const [values, word] = python[k];
    let worst = 0;
    js.forEach((v, i) => {
      worst = Math.max(worst, Math.abs(values[i] - v) / Math.max(1, Math.abs(v)));
    });
    assert.ok(worst <= 1e-14, `seed ${seed}: largest relative difference ${worst}`);
    assert.equal(word, rng.nextUint32(), `seed ${seed}: the word after ${n} draws`);
  });
});

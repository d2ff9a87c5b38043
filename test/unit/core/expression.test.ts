// evaluate(): what people write in PyTorch/NumPy/SciPy/TF code. Expected numbers are closed forms
// computed here with Math (σ(x) = 1/(1 + e^−x), softmax = e^v/Σe^v), which PyTorch 1.13 float64
// reproduces to the last digit for these inputs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, knownFunctionNames, sigmoid } from "../../../src/core/index";
import { parse } from "../../../src/core/expression/parser";
import { tokenize } from "../../../src/core/expression/tokens";

function value(text: string): number | number[] {
  const result = evaluate(text);
  if (!result.ok) assert.fail(`${text}: ${result.error}`);
  return result.value;
}

function error(text: string): string {
  const result = evaluate(text);
  if (result.ok) assert.fail(`${text} evaluated to ${JSON.stringify(result.value)}`);
  return result.error;
}

const closeTo = (actual: number | number[], expected: number | number[]) => {
  const a = typeof actual === "number" ? [actual] : actual;
  const e = typeof expected === "number" ? [expected] : expected;
  assert.equal(a.length, e.length);
  a.forEach((x, i) =>
    assert.ok(Math.abs(x - e[i]) <= 1e-15 * Math.max(1, Math.abs(e[i])), `${x} vs ${e[i]}`),
  );
};

test("numbers and arithmetic with Python's precedence", () => {
  assert.equal(value("1 + 2 * 3"), 7);
  assert.equal(value("(1 + 2) * 3"), 9);
  assert.equal(value("2 ** 3 ** 2"), 512, "** is right-associative");
  assert.equal(value("2 ^ 3"), 8, "^ is accepted as a power");
  assert.equal(value("-2 ** 2"), -4, "** binds tighter than unary minus");
  assert.equal(value("2 ** -1"), 0.5);
  assert.equal(value("--1"), 1);
  assert.equal(value("+3"), 3);
  assert.equal(value("7 / 2"), 3.5);
  assert.equal(value("1 / 0"), Infinity, "division by zero is IEEE, as in NumPy/PyTorch");
  assert.equal(value("1e-3"), 0.001);
  assert.equal(value("2."), 2);
  assert.equal(value(".5"), 0.5);
  assert.equal(value("1_000.5"), 1000.5);
  assert.equal(value("1E3"), 1000);
  assert.equal(value("  4  "), 4);
});

test("constants", () => {
  assert.equal(value("pi"), Math.PI);
  assert.equal(value("math.pi"), Math.PI);
  assert.equal(value("np.e"), Math.E);
  assert.equal(value("e"), Math.E);
  assert.equal(value("Math.PI"), Math.PI);
  assert.equal(value("-math.inf"), -Infinity);
  assert.ok(Number.isNaN(value("np.nan") as number));
  assert.match(error("2e"), /unexpected name 'e'/, "`2e` is the number 2 followed by the name e");
});

test("the sigmoid under every name people write", () => {
  const names = [
    "sigmoid",
    "torch.sigmoid",
    "F.sigmoid",
    "torch.nn.functional.sigmoid",
    "torch.special.expit",
    "scipy.special.expit",
    "special.expit",
    "expit",
    "tf.math.sigmoid",
    "tf.nn.sigmoid",
    "tf.sigmoid",
    "jax.nn.sigmoid",
    "σ",
  ];
  for (const name of names) assert.equal(value(`${name}(2.5)`), sigmoid(2.5), name);
  assert.equal(value("torch.sigmoid(torch.tensor(2.5))"), sigmoid(2.5));
  assert.equal(value("1/(1+np.exp(-3))"), 1 / (1 + Math.exp(-3)));
  closeTo(value("1/(1+math.exp(-3)) - sigmoid(3)"), 0);
});

test("elementwise functions and their prefixes", () => {
  for (const prefix of ["", "math.", "np.", "torch.", "Math."]) {
    assert.equal(value(`${prefix}exp(1)`), Math.E);
    assert.equal(value(`${prefix}log(${Math.E})`), 1);
    assert.equal(value(`${prefix}tanh(0.5)`), Math.tanh(0.5));
    assert.equal(value(`${prefix}sqrt(2)`), Math.SQRT2);
    assert.equal(value(`${prefix}abs(-2)`), 2);
  }
  assert.equal(value("torch.logit(torch.tensor(0.5))"), 0);
  assert.equal(value("scipy.special.logit(0.5)"), 0);
  // PyTorch clamps p to 1 − eps = 0.999999 (a double), whose 1 − p is 1.0000000000287557e-6.
  closeTo(
    value("torch.logit(torch.tensor(1.), eps=1e-6)"),
    Math.log((1 - 1e-6) / (1 - (1 - 1e-6))),
  );
  assert.deepEqual(value("F.relu(torch.tensor([-1., 0., 2.]))"), [0, 0, 2]);
  assert.deepEqual(value("tf.nn.relu([-1, 3])"), [0, 3]);
  closeTo(value("F.softplus(torch.tensor(1.))"), Math.log1p(Math.E));
  closeTo(value("F.softplus(torch.tensor(1.), beta=2)"), Math.log1p(Math.exp(2)) / 2);
  assert.equal(value("F.softplus(torch.tensor(30.), beta=1, threshold=20)"), 30);
  closeTo(value("F.logsigmoid(torch.tensor(-1.))"), -Math.log1p(Math.E));
});

test("softmax, log_softmax and logsumexp over lists, with dim/axis", () => {
  const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
  const expected = [Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z];
  for (const text of [
    "softmax([1, 2, 3])",
    "F.softmax(torch.tensor([1., 2., 3.]), dim=0)",
    "torch.softmax(torch.tensor([1., 2., 3.]), -1)",
    "torch.nn.functional.softmax(torch.tensor([1., 2., 3.]), dim=-1, dtype=torch.float64)",
    "tf.nn.softmax([1., 2., 3.], axis=-1)",
    "scipy.special.softmax([1, 2, 3], axis=None)",
    "torch.tensor([1., 2., 3.]).softmax(dim=0)",
    "torch.tensor([1., 2., 3.]).softmax(0)",
  ]) {
    closeTo(value(text), expected);
  }
  closeTo(
    value("F.log_softmax(torch.tensor([1., 2., 3.]), dim=0)"),
    [1, 2, 3].map((v) => v - Math.log(z)),
  );
  closeTo(
    value("torch.log_softmax(torch.tensor([1., 2., 3.]), dim=0)"),
    [1, 2, 3].map((v) => v - Math.log(z)),
  );
  closeTo(value("torch.logsumexp(torch.tensor([1., 2., 3.]), dim=0)"), Math.log(z));
  assert.equal(value("softmax(torch.tensor(2.), dim=0)"), 1, "a 0-d tensor has softmax 1");
  assert.equal(value("softmax([1e300, -1e300])[0]"), 1);
  closeTo(value("softmax([1, 2, 3])[-1]"), expected[2]);
});

test("lists broadcast like rank-1 tensors", () => {
  assert.deepEqual(value("[1, 2, 3] * 2"), [2, 4, 6]);
  assert.deepEqual(value("1 + [1, 2]"), [2, 3]);
  assert.deepEqual(value("[1, 2] + [10, 20]"), [11, 22]);
  assert.deepEqual(value("[1, 2] * [3]"), [3, 6]);
  assert.deepEqual(value("-[1, 2]"), [-1, -2]);
  assert.deepEqual(value("(1, 2)"), [1, 2], "a tuple is a list");
  assert.deepEqual(value("[]"), []);
  assert.deepEqual(value("[1, 2,]"), [1, 2]);
  assert.deepEqual(value("np.array([0., 0.]).sigmoid()"), [0.5, 0.5]);
  assert.deepEqual(value("torch.tensor([1.,2.]).double().tolist()"), [1, 2]);
  assert.equal(value("sum([1, 2, 3])"), 6);
  assert.equal(value("np.mean([1, 2, 3])"), 2);
  assert.equal(value("max(1, 5, 2)"), 5);
  assert.equal(value("torch.tensor([4., 9.]).max()"), 9);
});

test("wrappers and harmless keywords", () => {
  assert.equal(value("torch.tensor(2.5, dtype=torch.float64)"), 2.5);
  assert.equal(value("torch.tensor(2.5, dtype=torch.float32, requires_grad=True)"), 2.5);
  assert.equal(value("np.array(2.5, dtype=np.float64)"), 2.5);
  assert.equal(value("np.array(2.5, dtype='float64')"), 2.5);
  assert.equal(value("tf.constant(2.5, dtype=tf.float32)"), 2.5);
  assert.equal(value("torch.Tensor([2.5])[0]"), 2.5);
  assert.equal(value("torch.tensor(2.5, device='cpu')"), 2.5);
  assert.equal(value("tf.nn.sigmoid(0., name='gate')"), 0.5);
  assert.equal(value("float('inf')"), Infinity);
  assert.equal(value("-float('-Infinity')"), Infinity);
  assert.ok(Number.isNaN(value('float("nan")') as number));
  assert.equal(value("float(' 2.5 ')"), 2.5);
  assert.match(error("float('abc')"), /could not convert string to float: 'abc'/);
});

test("errors say what was wrong and where (1-based column)", () => {
  assert.match(
    error("sigmoid(2, foo=1)"),
    /unknown keyword argument 'foo' for sigmoid\(\).*column 12/,
  );
  assert.match(error("torch.tensor([1, 2], dtype=torch.int64)"), /dtype.*floating.*column 28/);
  assert.match(error("softmax([1, 2], dim=1)"), /dim=1 is out of range/);
  assert.match(error("[1, 2] + [1, 2, 3]"), /lengths 2 and 3.*'\+'.*column 8/);
  assert.match(error("(1 + 2"), /unclosed '\(' .*column 1/);
  assert.match(error("sigmoid(2"), /unclosed '\('.*column 8/);
  assert.match(error("1 +"), /operand is missing.*column 4/);
  assert.match(error("2 3"), /unexpected number 3.*column 3/);
  assert.match(error("1 @ 2"), /unexpected character "@".*column 3/);
  assert.match(error("x + 1"), /unknown name 'x'.*column 1/);
  assert.match(error("foo(1)"), /unknown function 'foo'/);
  assert.match(error("torch.sigmoid"), /is a function: call it/);
  assert.match(error("[[1, 2]]"), /nested lists/);
  assert.match(error("softmax([1, 2])[5]"), /index 5 is out of range/);
  assert.match(error("sigmoid()"), /missing its argument 'input'/);
  assert.match(error("sigmoid(1, 2)"), /at most 1 positional/);
  assert.match(error("sigmoid(x=1, x=2)"), /repeated/);
  assert.match(error("torch.tensor([1.]).frobnicate()"), /unknown method '.frobnicate\(\)'/);
  assert.match(error(""), /empty/);
  assert.match(error("'abc'"), /string is not a number/);
  assert.match(error("1j"), /unexpected name 'j'/);
});

test("bounds: length, nesting and list size give clear errors", () => {
  assert.match(error("1+".repeat(1000) + "1"), /longer than 2000 characters/);
  assert.equal(value("(".repeat(60) + "1" + ")".repeat(60)), 1);
  assert.match(error("(".repeat(70) + "1" + ")".repeat(70)), /nesting deeper than 64/);
  assert.match(error("-".repeat(100) + "1"), /nesting deeper than 64/);
  assert.match(error("2**".repeat(80) + "1"), /nesting deeper than 64/);
  assert.match(error("sigmoid(".repeat(70) + "1" + ")".repeat(70)), /nesting deeper than 64/);
  assert.equal((value(`[${"1,".repeat(998)}1]`) as number[]).length, 999);
  // Within 2,000 characters a literal list cannot pass 10,000 elements, so the list bound is
  // checked through the parser directly.
  const long = `[${"1,".repeat(10_000)}1]`;
  assert.throws(() => parse(tokenize(long)), /list longer than 10000 elements.*column 1/);
  assert.doesNotThrow(() => parse(tokenize(`[${"1,".repeat(9_999)}1]`)));
});

test("every documented name is known", () => {
  const names = new Set(knownFunctionNames());
  for (const name of [
    "torch.sigmoid",
    "F.sigmoid",
    "torch.special.expit",
    "scipy.special.expit",
    "expit",
    "tf.math.sigmoid",
    "tf.nn.sigmoid",
    "softmax",
    "F.softmax",
    "torch.softmax",
    "log_softmax",
    "logit",
    "tanh",
    "exp",
    "math.exp",
    "np.exp",
    "torch.exp",
    "log",
    "relu",
    "torch.tensor",
    "np.array",
  ]) {
    assert.ok(names.has(name), name);
  }
});

// Numbers measured inside the real extension host, reported next to the test results (for example
// the time of activate(), whose budget is 20 ms). A suite calls record(); the runner collects them.
// Every suite is its own bundle with its own copy of this module, so the record lives on globalThis.

const KEY = Symbol.for("sigmoid-lab.integration.measurements");

function store(): Record<string, number | string> {
  const global = globalThis as { [KEY]?: Record<string, number | string> };
  return (global[KEY] ??= {});
}

export function record(name: string, value: number | string): void {
  store()[name] = value;
}

export function measurements(): Record<string, number | string> {
  return { ...store() };
}

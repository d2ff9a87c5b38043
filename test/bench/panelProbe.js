/* global document, window, requestAnimationFrame */
// In-page helpers of the panel benchmark, added to the page before the Lab's own script (plain
// browser JavaScript: the benchmark's TypeScript runs in Node and has no DOM types).

/** The page's tsx-compiled callbacks call esbuild's __name helper; here it is a no-op. */
globalThis.__name = globalThis.__name || ((f) => f);

/**
 * Sets `control` to each of `values` in turn, one change every other frame (as a dragged slider
 * delivers them), and times its event ("change" for a <select>, else "input") → the view's
 * "lab:rendered" with complete = true; also the first (possibly partial) redraw.
 */
globalThis.__measureChanges = async (control, values, view) => {
  const input = document.querySelector(control);
  if (!input) throw new Error(`no control ${control}`);
  const eventName = input.tagName === "SELECT" ? "change" : "input";
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const complete = [];
  const first = [];
  for (const value of values) {
    await nextFrame();
    await nextFrame();
    let firstAt = 0;
    const done = new Promise((resolve) => {
      const listener = (event) => {
        if (event.detail.view !== view) return;
        if (!firstAt) firstAt = event.detail.at;
        if (!event.detail.complete) return;
        window.removeEventListener("lab:rendered", listener);
        resolve(event.detail.at);
      };
      window.addEventListener("lab:rendered", listener);
    });
    input.value = String(value);
    const started = performance.now();
    input.dispatchEvent(new Event(eventName, { bubbles: true }));
    const finished = await done;
    complete.push(finished - started);
    first.push(firstAt - started);
  }
  return { complete, first };
};

/** What the panel's CSP refused, if anything (the benchmark fails the page load on any). */
globalThis.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  globalThis.__cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || "inline"}`);
});

/** Switches the theme as VS Code does: new variables on <html>, a new class on <body>. */
globalThis.__switchTheme = (vars, bodyClass) => {
  // Through the CSSOM, as VS Code does: the panel's CSP forbids style attributes in markup.
  const style = document.documentElement.style;
  style.cssText = "";
  for (const [name, value] of Object.entries(vars)) style.setProperty(name, value);
  document.body.className = bodyClass;
};

/** Milliseconds from navigation to the first chart (the page's "lab:first-chart" mark). */
globalThis.__firstChartMs = () =>
  performance.getEntriesByName("lab:first-chart")[0]?.startTime ?? performance.now();

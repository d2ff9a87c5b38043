// A tiny element builder: the page is made of plain DOM, no framework, so the bundle stays small.
import { t } from "./i18n";

type Attributes = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children);
  return element;
}

/** A labelled number box + range slider pair that stay in step; `onInput` gets the typed value. */
export function numberControl(options: {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onInput: (value: number) => void;
}): {
  root: HTMLElement;
  set: (value: number) => void;
  setBounds: (min: number, max: number) => void;
} {
  const box = h("input", {
    id: options.id,
    type: "number",
    min: options.min,
    max: options.max,
    step: "any",
    value: options.value,
  });
  const slider = h("input", {
    id: `${options.id}-slider`,
    type: "range",
    min: options.min,
    max: options.max,
    step: options.step,
    value: options.value,
    "aria-label": options.label,
  });
  let shown = options.value;
  box.addEventListener("input", () => {
    // An empty or half-typed box ("-", "1e") is not a number yet: wait for the next keystroke.
    if (box.value.trim() === "" || box.validity.badInput) return;
    options.onInput(Number(box.value));
  });
  // While the box has focus it keeps what was typed (10000); on Enter or leaving it, it shows the
  // value actually used (200), next to the note that says why.
  box.addEventListener("change", () => {
    box.value = String(shown);
  });
  slider.addEventListener("input", () => options.onInput(Number(slider.value)));
  const root = h(
    "div",
    { class: "control" },
    h("label", { for: options.id }, options.label),
    box,
    slider,
  );
  return {
    root,
    set(value: number) {
      shown = value;
      if (document.activeElement !== box) box.value = String(value);
      slider.value = String(value);
    },
    setBounds(min: number, max: number) {
      slider.min = box.min = String(min);
      slider.max = box.max = String(max);
    },
  };
}

export function formatNumber(value: number, digits = 6): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "∞" : "−∞";
  if (value !== 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e6)) {
    return value.toExponential(digits - 1).replace("-", "−");
  }
  return value.toFixed(digits).replace("-", "−");
}

/** A labelled drop-down whose options are ids with human labels. */
export function selectControl<T extends string>(options: {
  id: string;
  label: string;
  choices: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}): { root: HTMLElement; set: (value: T) => void } {
  const select = h("select", { id: options.id });
  for (const choice of options.choices) {
    select.append(h("option", { value: choice.value }, choice.label));
  }
  select.value = options.value;
  select.addEventListener("change", () => options.onChange(select.value as T));
  const root = h(
    "div",
    { class: "control select" },
    h("label", { for: options.id }, options.label),
    select,
  );
  return {
    root,
    set(value: T) {
      select.value = value;
    },
  };
}

/**
 * A chart's container: role="img" with an accessible name, the canvas inside, and beneath it a
 * collapsible data table that says the same numbers in text (for screen readers and for copying).
 */
export function chartFigure(options: { id: string; label: string; caption: string }): {
  figure: HTMLElement;
  canvas: HTMLCanvasElement;
  table: HTMLTableElement;
  fallback: HTMLElement;
} {
  const canvas = h("canvas", { id: options.id });
  const figure = h(
    "div",
    { class: "chart", role: "img", "aria-label": options.label, tabindex: 0 },
    canvas,
  );
  const table = h("table", {});
  const fallback = h(
    "details",
    { class: "data-table" },
    h("summary", {}, t("dataTable", options.caption)),
    table,
  );
  table.dataset.caption = options.caption;
  return { figure, canvas, table, fallback };
}

/** Fills a data table: one header row, then rows of already formatted cells. */
export function fillTable(table: HTMLTableElement, headers: string[], rows: string[][]): void {
  const head = h("thead", {}, h("tr", {}, ...headers.map((t) => h("th", { scope: "col" }, t))));
  const body = h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c)))));
  table.replaceChildren(h("caption", {}, table.dataset.caption ?? ""), head, body);
}

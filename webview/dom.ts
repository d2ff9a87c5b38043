// A tiny element builder: the page is made of plain DOM, no framework, so the bundle stays small.

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
  box.addEventListener("input", () => {
    if (box.value.trim() === "") return;
    options.onInput(Number(box.value));
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

// The math core's hot loops compiled to WebAssembly with 128-bit SIMD (./*.wat), and the memory
// they work in. A loop of double multiply-adds runs about six times faster there than as
// JavaScript in Chromium here (an LSTM's W_hh·h over 500 steps of H = 64: 3.6 vs 23 ms), because
// each instruction takes two doubles and no load is bounds-checked.
//
// A kernel reads and writes only its module's own memory, so a computation asks for the arrays it
// will hand to kernels with withWorkspace(): views on that memory, valid while its body runs.
// Everything here is optional by design. Where WebAssembly cannot run — a page whose
// Content-Security-Policy lacks 'wasm-unsafe-eval', an engine without SIMD — or while a workspace
// is already in use, withWorkspace() hands out ordinary arrays and the callers' plain loops do the
// work. The kernels compute the same numbers as those loops, bit for bit (kernels.test.ts).

/** Turned off by the tests and the benchmark to run the plain loops side by side. */
let enabled = true;

/** For tests and benchmarks: false makes every workspace ordinary arrays (the plain loops). */
export function setWasmKernels(on: boolean): void {
  enabled = on;
}

const PAGE_BYTES = 65536;

// The little of the WebAssembly API used here, typed locally: the core's TypeScript has no DOM
// types, and an engine may have no WebAssembly at all.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (binary: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const webAssembly = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

export class WasmKernels<Exports> {
  readonly #base64: string;
  /** undefined: not tried yet; null: WebAssembly could not run it here. */
  #instance: { exports: Exports; memory: WasmMemory } | null | undefined;
  #busy = false;

  constructor(base64: string) {
    this.#base64 = base64;
  }

  /** Compiled and instantiated on first use: a few hundred microseconds, once per page or host. */
  #load(): { exports: Exports; memory: WasmMemory } | null {
    if (this.#instance !== undefined) return this.#instance;
    try {
      if (!webAssembly) throw new Error("no WebAssembly");
      const binary = Uint8Array.from(atob(this.#base64), (c) => c.charCodeAt(0));
      const instance = new webAssembly.Instance(new webAssembly.Module(binary), {});
      const exports = instance.exports as Exports & { memory: WasmMemory };
      this.#instance = { exports, memory: exports.memory };
    } catch {
      // No WebAssembly, no SIMD, or a CSP that forbids compiling it: the plain loops stay.
      this.#instance = null;
    }
    return this.#instance;
  }

  /** Whether the kernels run here (compiling them on first use): what speed to expect. */
  get available(): boolean {
    return enabled && this.#load() !== null;
  }

  /**
   * Runs `body` with one Float64Array per entry of `lengths`, zero-filled. They are views on the
   * kernels' memory when the kernels can run (then `kernels` is their functions), else ordinary
   * arrays (then `kernels` is undefined). The views are only valid inside `body`: whatever it
   * returns must be copied out of them.
   */
  withWorkspace<T>(
    lengths: readonly number[],
    body: (arrays: Float64Array[], kernels: Exports | undefined) => T,
  ): T {
    const instance = enabled && !this.#busy ? this.#load() : null;
    const arrays = instance ? this.#views(instance.memory, lengths) : undefined;
    if (!instance || !arrays) {
      return body(
        lengths.map((length) => new Float64Array(length)),
        undefined,
      );
    }
    this.#busy = true;
    try {
      return body(arrays, instance.exports);
    } finally {
      this.#busy = false;
    }
  }

  /**
   * The kernels, when every one of these arrays is a view on their memory handed out by the
   * workspace in use; else undefined, and the caller runs its plain loop. Four comparisons, so
   * that a shared loop (matVec) can take either path without being told which.
   */
  over(
    a: Float64Array,
    b: Float64Array,
    c: Float64Array = a,
    d: Float64Array = a,
  ): Exports | undefined {
    if (!this.#busy || !this.#instance) return undefined;
    const buffer = this.#instance.memory.buffer;
    return a.buffer === buffer && b.buffer === buffer && c.buffer === buffer && d.buffer === buffer
      ? this.#instance.exports
      : undefined;
  }

  /** Views one after another, each 16-byte aligned (a v128 load's natural alignment). */
  #views(memory: WasmMemory, lengths: readonly number[]): Float64Array[] | undefined {
    let bytes = 0;
    for (const length of lengths) bytes += Math.ceil(length / 2) * 16;
    const missing = Math.ceil((bytes - memory.buffer.byteLength) / PAGE_BYTES);
    if (missing > 0) {
      try {
        memory.grow(missing);
      } catch {
        return undefined; // out of memory for this size: the plain loops take it
      }
    }
    const views: Float64Array[] = [];
    let offset = 0;
    for (const length of lengths) {
      const view = new Float64Array(memory.buffer, offset, length);
      view.fill(0);
      views.push(view);
      offset += Math.ceil(length / 2) * 16;
    }
    return views;
  }
}

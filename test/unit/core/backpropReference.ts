// Backpropagation through time written plainly, over any arithmetic: the formulas of
// src/core/recurrent/gradientThroughTime.ts in the same order (each product left to right, each
// sum over k ascending from the same start), with no rescaling. Run on doubles that note every
// subnormal they produce, it is the unscaled kernel — the same numbers bit for bit — and says
// whether that computation ever met a subnormal. Run on 256-bit binary floats (BigInt mantissas,
// an exponent with no floor), it is the exact backward pass over the same forward trace to ~2^−250.
import type { RecurrentTrace } from "../../../src/core";

export interface Arithmetic<T> {
  of(x: number): T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** ‖v‖ as a double. */
  norm(v: T[]): number;
}

export const MIN_NORMAL = 2 ** -1022;

/**
 * Plain doubles; `subnormals` counts every product or sum that came out subnormal (or 0 from
 * nonzero factors). The norm is the unscaled kernel's plain sum of squares, or — normScaled — the
 * sum of squares of v·2^−k with 2^k near its largest entry, times 2^k: the same bits as any other
 * exact power-of-two scaling, and no squares lost below 2^−1022 unless an entry is 2^−511 of the
 * largest.
 */
export class CheckedDoubles implements Arithmetic<number> {
  constructor(private readonly normScaled = false) {}
  subnormals = 0;
  /**
   * For each step t, how many subnormals norms[t] met: in its own ∂x and norm, and in the carried
   * gradient from T − 1 down to t.
   */
  subnormalsBy: number[] = [];
  /** For each step t, the largest entry of the carried ∂h (and ∂C) that step t starts from. */
  largestCarriedInto: number[] = [];
  of(x: number): number {
    return x;
  }
  private note(v: number): number {
    if (v !== 0 && Math.abs(v) < MIN_NORMAL) this.subnormals++;
    return v;
  }
  add(a: number, b: number): number {
    return this.note(a + b);
  }
  mul(a: number, b: number): number {
    const p = a * b;
    if (p === 0 && a !== 0 && b !== 0) this.subnormals++;
    return this.note(p);
  }
  norm(v: number[]): number {
    let k = 0;
    if (this.normScaled) {
      const largest = Math.max(...v.map(Math.abs));
      if (largest === 0) return 0;
      k = Math.floor(Math.log2(largest));
    }
    let sum = 0;
    for (const x of v) {
      const scaled = timesPowerOfTwo(x, -k);
      sum = this.add(sum, this.mul(scaled, scaled));
    }
    return timesPowerOfTwo(Math.sqrt(sum), k);
  }
}

/** m·2^e, m kept to at most 256 bits (truncated; relative error < 2^−255 per operation). */
interface BigBinary {
  m: bigint;
  e: number;
}
const PRECISION = 256;

function bitLength(m: bigint): number {
  return (m < 0n ? -m : m).toString(2).length;
}

function normalise(m: bigint, e: number): BigBinary {
  if (m === 0n) return { m, e: 0 };
  const extra = bitLength(m) - PRECISION;
  return extra > 0 ? { m: m >> BigInt(extra), e: e + extra } : { m, e };
}

/** x·2^k for a power-of-two step, exact unless the result leaves the double range. */
function timesPowerOfTwo(x: number, k: number): number {
  let v = x;
  let n = k;
  while (n > 600) {
    v *= 2 ** 600;
    n -= 600;
  }
  while (n < -600) {
    v *= 2 ** -600;
    n += 600;
  }
  return v * 2 ** n;
}

export const bigBinary: Arithmetic<BigBinary> = {
  of(x: number): BigBinary {
    if (x === 0) return { m: 0n, e: 0 };
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const biased = Number((bits >> 52n) & 0x7ffn);
    let m = bits & ((1n << 52n) - 1n);
    if (biased !== 0) m |= 1n << 52n;
    const e = (biased === 0 ? 1 : biased) - 1075;
    return { m: x < 0 ? -m : m, e };
  },
  add(a: BigBinary, b: BigBinary): BigBinary {
    if (a.m === 0n) return b;
    if (b.m === 0n) return a;
    const [lo, hi] = a.e < b.e ? [a, b] : [b, a];
    // A term more than PRECISION + 64 bits below the other cannot reach the kept bits.
    if (bitLength(lo.m) + lo.e < bitLength(hi.m) + hi.e - PRECISION - 64) return hi;
    return normalise(lo.m + (hi.m << BigInt(hi.e - lo.e)), lo.e);
  },
  mul(a: BigBinary, b: BigBinary): BigBinary {
    return normalise(a.m * b.m, a.e + b.e);
  },
  norm(v: BigBinary[]): number {
    let a: BigBinary = { m: 0n, e: 0 };
    for (const x of v) a = bigBinary.add(a, bigBinary.mul(x, x));
    if (a.m === 0n) return 0;
    // Top 106 bits, even exponent: sqrt of that has 53 correct bits, then the exact power of two.
    let { m, e } = a;
    const shift = bitLength(m) - 106;
    m = shift >= 0 ? m >> BigInt(shift) : m << BigInt(-shift);
    e += shift;
    if (e % 2 !== 0) {
      m >>= 1n;
      e += 1;
    }
    return timesPowerOfTwo(Math.sqrt(Number(m)), e / 2);
  },
};

/** ‖∂(Σ h_T)/∂x_t‖ for every t, in the given arithmetic. */
export function referenceGradient<T>(trace: RecurrentTrace, ar: Arithmetic<T>): number[] {
  const { steps, hiddenSize: H, inputSize: I, cell } = trace;
  const rows = cell.weightHh.length / H;
  const wIh = Array.from(cell.weightIh, (x) => ar.of(x));
  const wHh = Array.from(cell.weightHh, (x) => ar.of(x));
  const zero = ar.of(0);
  const c = (x: number) => ar.of(x);
  const checked = ar instanceof CheckedDoubles ? ar : undefined;
  const norms: number[] = new Array(steps);
  let dh: T[] = Array.from({ length: H }, () => ar.of(1));
  let dc: T[] = Array.from({ length: H }, () => zero);
  // out[j] = start[j] + Σ_k a[k]·W[k, j], k ascending.
  const back = (a: T[], w: T[], cols: number, start: T[]): T[] =>
    Array.from({ length: cols }, (_, j) => {
      let s = start[j];
      for (let k = 0; k < rows; k++) s = ar.add(s, ar.mul(a[k], w[k * cols + j]));
      return s;
    });
  // Subnormals met by norms[t]'s own ∂x and sum of squares touch no other step.
  let ownSubnormals = 0;
  const zerosH = Array.from({ length: H }, () => zero);
  const zerosI = Array.from({ length: I }, () => zero);
  for (let t = steps - 1; t >= 0; t--) {
    if (checked) {
      let largest = 0;
      for (const v of [...dh, ...dc] as number[]) largest = Math.max(largest, Math.abs(v));
      checked.largestCarriedInto[t] = largest;
    }
    let dPreIn: T[];
    let dPreHid: T[];
    let carried: T[];
    if (trace.kind === "lstm") {
      const g = (block: number, k: number) => trace.gates[(4 * t + block) * H + k];
      const cPrev = (k: number) => (t === 0 ? trace.c0[k] : trace.cells[(t - 1) * H + k]);
      dPreIn = new Array(4 * H);
      const newDc: T[] = new Array(H);
      for (let k = 0; k < H; k++) {
        const [ig, fg, cand, og] = [g(0, k), g(1, k), g(2, k), g(3, k)];
        const tc = Math.tanh(trace.cells[t * H + k]);
        const dCell = ar.add(dc[k], ar.mul(ar.mul(dh[k], c(og)), c(1 - tc * tc)));
        dPreIn[k] = ar.mul(ar.mul(ar.mul(dCell, c(cand)), c(ig)), c(1 - ig));
        dPreIn[H + k] = ar.mul(ar.mul(ar.mul(dCell, c(cPrev(k))), c(fg)), c(1 - fg));
        dPreIn[2 * H + k] = ar.mul(ar.mul(dCell, c(ig)), c(1 - cand * cand));
        dPreIn[3 * H + k] = ar.mul(ar.mul(ar.mul(dh[k], c(tc)), c(og)), c(1 - og));
        newDc[k] = ar.mul(dCell, c(fg));
      }
      dc = newDc;
      dPreHid = dPreIn;
      carried = zerosH;
    } else if (trace.kind === "gru") {
      const g = (block: number, k: number) => trace.gates[(3 * t + block) * H + k];
      const hPrev = (k: number) => (t === 0 ? trace.h0[k] : trace.outputs[(t - 1) * H + k]);
      dPreIn = new Array(3 * H);
      dPreHid = new Array(3 * H);
      carried = new Array(H);
      for (let k = 0; k < H; k++) {
        const [r, z, n] = [g(0, k), g(1, k), g(2, k)];
        const dn = ar.mul(ar.mul(dh[k], c(1 - z)), c(1 - n * n));
        const dz = ar.mul(ar.mul(ar.mul(dh[k], c(hPrev(k) - n)), c(z)), c(1 - z));
        const dr = ar.mul(ar.mul(ar.mul(dn, c(trace.hiddenCandidate[t * H + k])), c(r)), c(1 - r));
        dPreIn[k] = dr;
        dPreIn[H + k] = dz;
        dPreIn[2 * H + k] = dn;
        dPreHid[k] = dr;
        dPreHid[H + k] = dz;
        dPreHid[2 * H + k] = ar.mul(dn, c(r));
        carried[k] = ar.mul(dh[k], c(z));
      }
    } else {
      dPreIn = Array.from({ length: H }, (_, k) => {
        const h = trace.outputs[t * H + k];
        return trace.relu ? (h > 0 ? dh[k] : zero) : ar.mul(dh[k], c(1 - h * h));
      });
      dPreHid = dPreIn;
      carried = zerosH;
    }
    const before = checked?.subnormals ?? 0;
    norms[t] = ar.norm(back(dPreIn, wIh, I, zerosI));
    if (checked) {
      const own = checked.subnormals - before;
      checked.subnormalsBy[t] = before - ownSubnormals + own;
      ownSubnormals += own;
    }
    dh = back(dPreHid, wHh, H, carried);
  }
  return norms;
}

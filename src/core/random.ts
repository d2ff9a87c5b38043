// A small seeded generator so that every simulation in the panel is reproducible from its seed:
// xoshiro128** (Blackman & Vigna) for 32-bit words, seeded through splitmix32 so that nearby seeds
// give unrelated streams; Box–Muller for single normals and the ziggurat (./ziggurat.ts) for arrays
// of them. It only has to be fast and well spread, not cryptographic; Math.random cannot be
// seeded, hence this.
import { ZIGGURAT_LAYERS, ZIGGURAT_R, zigguratTables } from "./ziggurat";

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Standard normal N(0, 1) (Box–Muller). */
  normal(): number;
  /**
   * Fills out[from..to) with scale · N(0, 1) by the ziggurat method: a different stream from
   * normal()'s, about 2 words per draw, and several times faster (the weights of a whole network).
   */
  fillNormal(out: Float64Array, scale?: number, from?: number, to?: number): void;
}

const ziggurat = zigguratTables();
const ZX = ziggurat.x;
const ZY = ziggurat.y;
const LAYER_MASK = ZIGGURAT_LAYERS - 1;

function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** `seed` is any finite number; its integer part (mod 2^32 for each half) picks the stream. */
export function createRng(seed: number): Rng {
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new TypeError(`seed: expected a finite number, got ${String(seed)}`);
  }
  const whole = Math.trunc(seed);
  const low = (whole % 4294967296) | 0;
  const high = Math.floor(whole / 4294967296) | 0;
  const mix = splitmix32(low ^ Math.imul(high, 0x27d4eb2f));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is a fixed point of xoshiro

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  // 27 + 26 bits make one double in [0, 1) with full 53-bit resolution.
  const next = (): number => {
    const hi = nextUint32() >>> 5;
    const lo = nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  };

  // Box–Muller makes normals in pairs; the second is kept for the next call.
  let spare = 0;
  let hasSpare = false;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u = next();
    while (u === 0) u = next(); // log(0) would give an infinite radius
    const v = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * v;
    spare = radius * Math.sin(angle);
    hasSpare = true;
    return radius * Math.cos(angle);
  };

  // The ziggurat with xoshiro128** inlined and its state in locals: one call fills a whole
  // network, so the words never leave registers (closure slots would box them as heap numbers).
  // Word 1: layer (bits 0–6), sign (bit 7), 24 high bits of the uniform; word 2: its 29 low bits.
  const fillNormal = (out: Float64Array, scale = 1, from = 0, to = out.length): void => {
    if (!(out instanceof Float64Array)) {
      throw new TypeError(`out: expected a Float64Array, got ${typeof out}`);
    }
    if (!Number.isFinite(scale)) {
      throw new RangeError(`scale: expected a finite number, got ${String(scale)}`);
    }
    if (
      !Number.isInteger(from) ||
      !Number.isInteger(to) ||
      from < 0 ||
      to > out.length ||
      from > to
    ) {
      throw new RangeError(`from, to: expected 0 ≤ from ≤ to ≤ ${out.length}, got ${from}, ${to}`);
    }
    let s0 = a;
    let s1 = b;
    let s2 = c;
    let s3 = d;
    for (let k = from; k < to; k++) {
      for (;;) {
        const w1 = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
        let t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = rotl(s3, 11);
        const w2 = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 3;
        t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = rotl(s3, 11);
        const i = w1 & LAYER_MASK;
        const x = (((w1 >>> 8) * 536870912 + w2) / 9007199254740992) * ZX[i];
        if (x < ZX[i + 1]) {
          out[k] = (w1 & 128 ? -x : x) * scale;
          break;
        }
        // The rare draws (~1.2%) use next(), which reads the generator's own state.
        a = s0;
        b = s1;
        c = s2;
        d = s3;
        const z = i === 0 ? normalTail(next) : wedge(i, x, next);
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
        if (z >= 0) {
          out[k] = (w1 & 128 ? -z : z) * scale;
          break;
        }
      }
    }
    a = s0;
    b = s1;
    c = s2;
    d = s3;
  };

  return { nextUint32, next, normal, fillNormal };
}

/** Marsaglia's tail beyond R: R + e₁/R for exponentials e₁, e₂ with 2e₂ > (e₁/R)². */
function normalTail(next: () => number): number {
  for (;;) {
    const x = -Math.log(1 - next()) / ZIGGURAT_R;
    const y = -Math.log(1 - next());
    if (y + y > x * x) return ZIGGURAT_R + x;
  }
}

/** Layer i's wedge: x if a uniform height in [f(x[i]), f(x[i+1])] is under f(x), else −1 (retry). */
function wedge(i: number, x: number, next: () => number): number {
  return ZY[i] + next() * (ZY[i + 1] - ZY[i]) < Math.exp(-0.5 * x * x) ? x : -1;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

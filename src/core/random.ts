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
   * normal()'s, about one 32-bit word per draw, and several times faster (a whole network's weights).
   */
  fillNormal(out: Float64Array, scale?: number, from?: number, to?: number): void;
}

const ziggurat = zigguratTables();
const ZX = ziggurat.x;
const ZY = ziggurat.y;
const ZX24 = ZX.map((x) => x / 16777216);
const LAYER_MASK = ZIGGURAT_LAYERS - 1;
/**
 * x[i] / 2^24 with the sign folded in, indexed by a word's low 8 bits (layer, then sign bit 7): a
 * table entry instead of a coin-flip branch, which was mispredicted every other draw. The product
 * (w >>> 8) · −c is −((w >>> 8) · c) to the bit, so the numbers are the same.
 */
const SIGNED_ZX24 = new Float64Array(2 * ZIGGURAT_LAYERS);
for (let i = 0; i < ZIGGURAT_LAYERS; i++) {
  SIGNED_ZX24[i] = ZX24[i];
  SIGNED_ZX24[ZIGGURAT_LAYERS + i] = -ZX24[i];
}
/**
 * The draw (w >>> 8) · x[i] / 2^24 is inside layer i's safe rectangle (< x[i+1]) exactly when
 * w >>> 8 < SAFE_POSITIONS[i]: the rounded product never decreases as the integer grows, so the
 * first integer whose product reaches x[i+1] is a threshold, found here once by bisection. An
 * integer compare on the 24 bits replaces a compare of doubles in the loop.
 */
const SAFE_POSITIONS = new Int32Array(ZIGGURAT_LAYERS);
for (let i = 0; i < ZIGGURAT_LAYERS; i++) {
  let low = 0;
  let high = 16777216;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (middle * ZX24[i] >= ZX[i + 1]) high = middle;
    else low = middle + 1;
  }
  SAFE_POSITIONS[i] = low;
}

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
  // The four state words live in an Int32Array, not in closure variables: a closure slot holds
  // a word above 2^30 as a boxed heap number in Chromium (31-bit small integers), so every step
  // allocated, and a loop that reloads them (fillNormal after a rare draw) lost its unboxed words.
  const s = new Int32Array(5); // and s[4]: the word of a draw outside the rectangles
  s[0] = mix();
  s[1] = mix();
  s[2] = mix();
  s[3] = mix();
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the all-zero state is a fixed point of xoshiro

  const nextUint32 = (): number => nextWord(s);
  const next = (): number => nextUniform(s);

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
  // network, and the words never leave registers. One word per draw: layer (bits 0–6), sign
  // (bit 7) and a 24-bit uniform (bits 8–31) — disjoint bits, so layer, sign and position are
  // independent. The position within a layer is thus a multiple of 2^−24 of its width (float32's
  // resolution, far finer than a simulated weight needs); the rare wedge and tail draws use 53-bit
  // uniforms. Two words per draw for 53 bits cost ~40% more time, for no visible difference.
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
    // The fast loop runs until a draw falls outside its rectangle; that rare draw (~3%) goes on
    // with more words of the same state, then the fast loop resumes after it.
    for (let k = from; (k = fillRectangles(out, s, scale, k, to)) < to; k++) {
      const w = s[4];
      out[k] = outsideTheRectangles(w, (w >>> 8) * ZX24[w & LAYER_MASK], s) * scale;
    }
  };

  return { nextUint32, next, normal, fillNormal };
}

/** xoshiro128**: the next 32-bit word (unsigned) of the state s, which it advances. */
function nextWord(s: Int32Array): number {
  const b = s[1];
  const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
  const t = b << 9;
  const c = s[2] ^ s[0];
  const d = s[3] ^ b;
  s[1] = b ^ c;
  s[0] ^= d;
  s[2] = c ^ t;
  s[3] = rotl(d, 11);
  return result;
}

/** 27 + 26 bits of two words make one double in [0, 1) with full 53-bit resolution. */
function nextUniform(s: Int32Array): number {
  const hi = nextWord(s) >>> 5;
  const lo = nextWord(s) >>> 6;
  return (hi * 67108864 + lo) / 9007199254740992;
}

/**
 * xoshiro128** inlined, its state in locals, filling out[from..to) with the ziggurat's fast path
 * until a draw falls outside its layer's safe rectangle: returns that draw's index (or `to`), with
 * its word in s[4] and the state after it in s[0..3]. Every draw is stored before it is tested,
 * so the common path has one well-predicted branch. A function of its own, left on a rare draw:
 * in Chromium's V8 this and the sign table made fillNormal 2.7× faster than the loop inside its
 * closure that branched on the sign and called out for rare draws (20 vs 53 ms for 16 × 259,236
 * draws, best of 31, interleaved in one page); handling the rare draws inside this loop was ~20%
 * slower.
 */
function fillRectangles(
  out: Float64Array,
  s: Int32Array,
  scale: number,
  from: number,
  to: number,
): number {
  let s0 = s[0];
  let s1 = s[1];
  let s2 = s[2];
  let s3 = s[3];
  let k = from;
  for (; k < to; k++) {
    const w = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    // (w >>> 8) · (x[i] / 2^24) is (w >>> 8) / 2^24 · x[i] to the bit (powers of two).
    out[k] = (w >>> 8) * SIGNED_ZX24[w & 255] * scale;
    if (w >>> 8 >= SAFE_POSITIONS[w & LAYER_MASK]) {
      s[4] = w;
      break;
    }
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
  return k;
}

/**
 * A draw (word w, position x) that fell outside its layer's safe rectangle: from the tail if it was
 * the base layer, else accepted if under f in the wedge; a rejected draw starts again with the
 * next word, exactly as fillNormal's loop would.
 */
function outsideTheRectangles(w: number, x: number, s: Int32Array): number {
  for (;;) {
    const i = w & LAYER_MASK;
    if (x < ZX[i + 1]) return w & 128 ? -x : x;
    if (i === 0) {
      const z = normalTail(s);
      return w & 128 ? -z : z;
    }
    if (ZY[i] + nextUniform(s) * (ZY[i + 1] - ZY[i]) < Math.exp(-0.5 * x * x)) {
      return w & 128 ? -x : x;
    }
    w = nextWord(s) | 0;
    x = (w >>> 8) * ZX24[w & LAYER_MASK];
  }
}

/** Marsaglia's tail beyond R: R + e₁/R for exponentials e₁, e₂ with 2e₂ > (e₁/R)². */
function normalTail(s: Int32Array): number {
  for (;;) {
    const x = -Math.log(1 - nextUniform(s)) / ZIGGURAT_R;
    const y = -Math.log(1 - nextUniform(s));
    if (y + y > x * x) return ZIGGURAT_R + x;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

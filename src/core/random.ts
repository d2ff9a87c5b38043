// A small seeded generator so that every simulation in the panel is reproducible from its seed:
// xoshiro128** (Blackman & Vigna) for 32-bit words, seeded through splitmix32 so that nearby seeds
// give unrelated streams, and Box–Muller for normals. It only has to be fast and well spread, not
// cryptographic; Math.random cannot be seeded, hence this.

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
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

  return { nextUint32, next, normal };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

// The ziggurat normals of one seed as a growing array: the first n are drawn once and kept, so a
// simulation that needs more (a deeper or wider network) continues the same stream instead of
// drawing it again, and one that needs fewer reads a prefix. A network of depth L and width w
// takes its weights from the first L·w² numbers and its input from the next w — the same numbers
// createRng(seed).fillNormal gives in that order.
import { type Rng, createRng } from "./random";

/** More numbers than this are refused: 2^24 doubles are 128 MiB. */
export const MAX_STREAM_LENGTH = 2 ** 24;

export class NormalStream {
  private rng: Rng;
  private values = new Float64Array(0);
  private drawn = 0;

  constructor(private current: number) {
    this.rng = createRng(current);
  }

  get seed(): number {
    return this.current;
  }

  /**
   * Starts over as the stream of `seed`, keeping the memory: a new seed at 200 layers × 36 needs
   * 16 × 2 MB again, and allocating (and zeroing, and collecting) it cost as much as drawing it.
   */
  restart(seed: number): void {
    this.rng = createRng(seed);
    this.current = seed;
    this.drawn = 0;
  }

  /** How many numbers are drawn and kept. */
  get length(): number {
    return this.drawn;
  }

  /** The first n standard normals of the stream (a view: valid until the next take). */
  take(n: number): Float64Array {
    if (!Number.isInteger(n) || n < 0 || n > MAX_STREAM_LENGTH) {
      throw new RangeError(`n: expected an integer in [0, ${MAX_STREAM_LENGTH}], got ${n}`);
    }
    if (n > this.values.length) {
      // Grow by half again at least, so a depth slider dragged upward redraws nothing.
      const grown = new Float64Array(Math.min(MAX_STREAM_LENGTH, Math.max(n, this.drawn * 1.5)));
      grown.set(this.values.subarray(0, this.drawn));
      this.values = grown;
    }
    if (n > this.drawn) {
      this.rng.fillNormal(this.values, 1, this.drawn, n);
      this.drawn = n;
    }
    return this.values.subarray(0, n);
  }
}

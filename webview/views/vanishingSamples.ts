// Averaging per-layer gradient norms over several random networks without losing the tiny ones:
// with 200 sigmoid layers a norm is ~1e−120, and the mean is kept as logarithms
// (log10 mean = m + log10(Σ 10^(x_s − m) / S), m the largest) so it never rounds to 0.

/** Sample s of a run with seed `seed` is drawn from createRng(seed·1024 + s): every sample its own stream. */
export function sampleSeed(seed: number, sample: number): number {
  return seed * 1024 + sample;
}

export class MeanOfLogs {
  private readonly logs: Float64Array[] = [];

  constructor(readonly length: number) {}

  add(log10Values: ArrayLike<number>): void {
    if (log10Values.length !== this.length) {
      throw new RangeError(
        `log10Values: expected length ${this.length}, got ${log10Values.length}`,
      );
    }
    this.logs.push(Float64Array.from(log10Values));
  }

  get count(): number {
    return this.logs.length;
  }

  /** log10 of the arithmetic mean of 10^x over the samples added, per entry. */
  log10Mean(): Float64Array {
    const out = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) {
      let max = -Infinity;
      for (const row of this.logs) if (row[i] > max) max = row[i];
      if (!Number.isFinite(max)) {
        out[i] = max;
        continue;
      }
      let total = 0;
      for (const row of this.logs) total += 10 ** (row[i] - max);
      out[i] = max + Math.log10(total / this.logs.length);
    }
    return out;
  }

  /** The mean itself (0 where it underflows a double). */
  mean(): Float64Array {
    return this.log10Mean().map((x) => 10 ** x);
  }
}

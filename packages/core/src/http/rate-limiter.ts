/** A fixed-window counter per key, in this process's memory (put a shared limiter in front for several processes). */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: RateLimit) {}

  /** Counts a hit; returns 0 when allowed, else the milliseconds until the window resets. */
  hit(key: string, now: number): number {
    const w = this.#windows.get(key);
    if (!w || now - w.start >= this.limit.windowMs) {
      if (this.#windows.size > 100_000) this.#windows.clear();
      this.#windows.set(key, { start: now, count: 1 });
      return 0;
    }
    w.count++;
    return w.count > this.limit.max ? w.start + this.limit.windowMs - now : 0;
  }
}

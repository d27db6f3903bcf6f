/** A limit: at most `max` requests per key in each fixed window of `windowMs`. */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Where request counts live. The default keeps them in this process; with several processes behind a load
 * balancer, share one (e.g. `createRedisRateCounter` from `@liebian/adapters/redis`) so a limit holds across them.
 */
export interface RateCounter {
  /** Counts a hit on `key` in the current window of `windowMs`; returns the hits so far and when the window ends. */
  hit(
    key: string,
    windowMs: number,
    now: number,
  ): Promise<{ readonly count: number; readonly resetAt: number }>;
}

/** Fixed windows aligned to the clock, counted in this process's memory. */
export function memoryRateCounter(): RateCounter {
  const windows = new Map<string, { readonly start: number; count: number }>();
  return {
    async hit(key, windowMs, now) {
      const start = now - (now % windowMs);
      let w = windows.get(key);
      if (!w || w.start !== start) {
        if (windows.size > 100_000) windows.clear();
        w = { start, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return { count: w.count, resetAt: start + windowMs };
    },
  };
}

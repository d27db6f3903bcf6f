/**
 * The source of "now", in epoch milliseconds. Injected everywhere time matters.
 *
 * @example
 * const clock: Clock = { now: () => Date.now() }; // what the engine uses unless told otherwise
 * createEngine({ campaigns, clock });
 */
export interface Clock {
  now(): number;
}

/**
 * The wall clock.
 *
 * @example
 * createEngine({ campaigns, clock: systemClock }); // the default
 */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that moves only when told to: for tests, simulations and previews.
 *
 * @example
 * const clock: ManualClock = createManualClock('2026-12-02T10:00:00+08:00');
 * clock.advance(24 * 3600_000); // a day later
 * await engine.tick(); // deadlines due by then are delivered
 */
export interface ManualClock extends Clock {
  set(epochMs: number): void;
  advance(ms: number): number;
}

/**
 * Creates a {@link ManualClock} starting at `start` (epoch ms or a date).
 *
 * @example
 * const clock = createManualClock(Date.parse('2026-12-02T10:00:00+08:00'));
 * const engine = createEngine({ campaigns, clock });
 */
export function createManualClock(start: number | Date): ManualClock {
  let now = typeof start === 'number' ? start : start.getTime();
  return {
    now: () => now,
    set(epochMs) {
      now = epochMs;
    },
    advance(ms) {
      now += ms;
      return now;
    },
  };
}

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

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to: for tests, simulations and previews. */
export interface ManualClock extends Clock {
  set(epochMs: number): void;
  advance(ms: number): number;
}

/** Creates a {@link ManualClock} starting at `start` (epoch ms or a date). */
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

/**
 * A uniform random source in [0, 1). Injected so every draw in tests is reproducible.
 *
 * @example
 * const random: RandomSource = seededRandom(42);
 * createEngine({ campaigns, random }); // the same cuts on every run
 */
export interface RandomSource {
  next(): number;
}

const TWO_POW_32 = 4294967296;

/**
 * One step of mulberry32: a pure function from a 32-bit state to a uniform value in [0, 1) and the next
 * state. Mechanics keep the state in their context, so replaying a snapshot replays the same draws.
 *
 * @example
 * const { value, state } = stepRandom(42);
 * const next = stepRandom(state); // the same two values on every run
 */
export function stepRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32, state: next };
}

/**
 * A deterministic {@link RandomSource} seeded with a 32-bit integer.
 *
 * @example
 * const random = seededRandom(7);
 * console.log(random.next() === seededRandom(7).next()); // true
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed | 0;
  return {
    next() {
      const step = stepRandom(state);
      state = step.state;
      return step.value;
    },
  };
}

/**
 * Cryptographically strong randomness from the platform (`globalThis.crypto`, Node 20+ and browsers).
 *
 * @example
 * createEngine({ campaigns, random: systemRandom }); // the default
 */
export const systemRandom: RandomSource = {
  next() {
    const words = new Uint32Array(1);
    globalThis.crypto.getRandomValues(words);
    return (words[0] ?? 0) / TWO_POW_32;
  },
};

/**
 * Maps a uniform `u` in [0, 1) to an integer in [min, max] (both inclusive).
 *
 * @example
 * const dice = intBetween(systemRandom.next(), 1, 6); // 1…6
 */
export function intBetween(u: number, min: number, max: number): number {
  if (max <= min) return min;
  return min + Math.min(max - min, Math.floor(u * (max - min + 1)));
}

/**
 * Draws a 32-bit seed from a source.
 *
 * @example
 * const seed = drawSeed(systemRandom); // keep it to replay the same draws with seededRandom(seed)
 */
export function drawSeed(random: RandomSource): number {
  return Math.floor(random.next() * TWO_POW_32) | 0;
}

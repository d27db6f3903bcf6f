// `@liebian/core/testing`: what an engine is injected with — clocks, ids and randomness — with the deterministic
// doubles tests use (a manual clock, sequential ids, seeded randomness) beside the defaults.
export { type Clock, createManualClock, type ManualClock, systemClock } from '../primitives/clock.js';
export { type IdSource, nanoidSource, sequentialIds } from '../primitives/ids.js';
export {
  drawSeed,
  intBetween,
  type RandomSource,
  seededRandom,
  stepRandom,
  systemRandom,
} from '../primitives/random.js';

import type { Fen } from '../../primitives/money.js';
import { intBetween, stepRandom } from '../../primitives/random.js';

/**
 * The smallest and largest part any member can get when `amount` 分 is split among `people` (the disclosure states
 * it; `splitPool` never leaves it). Equal: ⌊amount / people⌋ to ⌈amount / people⌉. Random: `min` to what is left
 * when everyone else gets `min` — reachable, since each earlier member may draw the minimum and the last takes the
 * rest.
 * @example partRange(5000, 4, 1, 'random') // { lo: 1, hi: 4997 }: ¥50 among 4 can give one member ¥49.97
 */
export function partRange(
  amount: Fen,
  people: number,
  min: Fen,
  mode: 'equal' | 'random',
): { lo: Fen; hi: Fen } {
  if (mode === 'equal') return { lo: Math.floor(amount / people), hi: Math.ceil(amount / people) };
  return { lo: min, hi: amount - min * (people - 1) };
}

/**
 * Splits `amount` 分 into `people` parts of at least `min` that sum exactly to `amount`.
 * - equal: ⌊amount / people⌋ each, and the first `amount mod people` members get 1 分 more (disclosed).
 * - random: 二倍均值 — each part uniform in [min, min + 2·(R − min·k)/k] for R left and k people left, clamped so
 *   everyone after keeps at least `min`; the last takes what is left. Pure: the random state goes in and out.
 */
export function splitPool(
  amount: Fen,
  people: number,
  min: Fen,
  mode: 'equal' | 'random',
  rng: number,
): { parts: Fen[]; rng: number } {
  if (mode === 'equal') {
    const base = Math.floor(amount / people);
    const extra = amount - base * people;
    return { parts: Array.from({ length: people }, (_, i) => base + (i < extra ? 1 : 0)), rng };
  }
  const parts: Fen[] = [];
  let left = amount;
  let state = rng;
  for (let k = people; k > 1; k--) {
    const step = stepRandom(state);
    state = step.state;
    const { hi } = partRange(left, k, min, 'random');
    const part = intBetween(step.value, min, Math.min(hi, min + Math.floor((2 * (left - min * k)) / k)));
    parts.push(part);
    left -= part;
  }
  parts.push(left);
  return { parts, rng: state };
}

import type { Fen } from '../../primitives/money.js';
import { intBetween, stepRandom } from '../../primitives/random.js';

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
    const max = Math.min(left - min * (k - 1), min + Math.floor((2 * (left - min * k)) / k));
    const part = intBetween(step.value, min, Math.max(min, max));
    parts.push(part);
    left -= part;
  }
  parts.push(left);
  return { parts, rng: state };
}

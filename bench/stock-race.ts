import type { Store } from '@liebian/core';
import { type Measurement, measure } from './measure.js';

const CLAIMS = 10_000;
const STOCK = 1_000;

/**
 * 10,000 holders race for 1,000 units through `reserve` all at once, and exactly 1,000 must win (the bench fails
 * otherwise). Baseline: the same 10,000 reservations made one after another on a fresh counter of the same store.
 */
export async function stockRace(name: string, store: Store): Promise<[Measurement, Measurement]> {
  const run = Date.now().toString(36);
  let won = 0;
  const parallel = await measure(
    `${CLAIMS.toLocaleString('en-US')} reservations at once, ${name}`,
    CLAIMS,
    async () => {
      const results = await Promise.all(
        Array.from({ length: CLAIMS }, (_, i) =>
          store.reserve({ counter: `stock-${run}:parallel`, holder: `u${i}`, qty: 1, capacity: STOCK }),
        ),
      );
      won = results.filter((r) => r.ok).length;
    },
  );
  if (won !== STOCK) throw new Error(`stock over- or under-issued on ${name}: ${won} of ${STOCK}`);
  const serial = await measure(`the same reservations one at a time, ${name}`, CLAIMS, async () => {
    for (let i = 0; i < CLAIMS; i++)
      await store.reserve({ counter: `stock-${run}:serial`, holder: `u${i}`, qty: 1, capacity: STOCK });
  });
  return [{ ...parallel, note: `exactly ${won.toLocaleString('en-US')} issued` }, serial];
}

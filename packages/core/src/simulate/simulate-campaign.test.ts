import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../campaign/define-campaign.js';
import { isLiebianError } from '../errors/liebian-error.js';
import { bargainCampaignInput } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { simulateCampaign } from './simulate-campaign.js';
import type { SimulationOptions } from './simulation-options.js';

// No caps: no helper quota, no launch limit, no stock or budget; friends never reach the floor (20 helps needed).
const uncapped = defineCampaign(bargainCampaignInput({ helpersToFloor: 20, timeLimitMinutes: 10_080 }));

/** K = shareRate × reach × open × action × launch = 1 × 2 × 0.5 × 0.8 × 0.75 = 0.6. */
const constantK: SimulationOptions = {
  seeds: 100,
  shareRate: 1,
  reach: 2,
  openRate: { moments: 0.5, group: 0.5 },
  actionRate: 0.8,
  launchRate: 0.75,
  newUserShare: 0.5,
  timeToActMinutes: 30,
  runs: 40,
  days: 25,
};

describe('simulateCampaign', () => {
  it('with a constant K < 1 and no caps, the mean total converges to seeds ÷ (1 − K)', async () => {
    const result = await simulateCampaign(uncapped, constantK);
    expect(result.impliedK).toBeCloseTo(0.6, 10);
    const theory = 100 / (1 - 0.6); // 250
    // One seed's cascade has variance K ÷ (1 − K)³ = 9.4, so 100 seeds × 40 runs put the mean's standard error
    // at √(9.4 × 100 ÷ 40) ≈ 4.8: 5 % (12.5) is over 2.5 standard errors.
    expect(Math.abs(result.participants.mean - theory)).toBeLessThan(0.05 * theory);
    expect(result.participants.p5).toBeLessThan(result.participants.mean);
    expect(result.participants.p95).toBeGreaterThan(result.participants.mean);
    expect(result.cappedRuns).toBe(0);
    expect(result.cumulative.at(-1)).toEqual(result.participants); // everyone launched within the 25 days
    expect(result.stockOut.probability).toBe(0);
  });

  it('is deterministic: the same options give the same forecast', async () => {
    const few = { ...constantK, runs: 3, seeds: 20 };
    expect(await simulateCampaign(uncapped, few)).toEqual(await simulateCampaign(uncapped, few));
    const other = await simulateCampaign(uncapped, { ...few, seed: 99 });
    expect(other.participants).not.toEqual((await simulateCampaign(uncapped, few)).participants);
  });

  it('applies the campaign’s limits: stock runs out on a day, and cost is measured against the budget', async () => {
    const limited = defineCampaign(
      bargainCampaignInput({ helpersToFloor: 2, timeLimitMinutes: 10_080 }, { stock: { total: 10 } }),
    );
    const result = await simulateCampaign(limited, {
      ...constantK,
      reach: 3,
      openRate: { moments: 1 },
      actionRate: 1,
      launchRate: 0.2, // K = 3 × 1 × 1 × 0.2 = 0.6
      runs: 5,
      seeds: 20,
      days: 5,
      budgetFen: 100_000,
    });
    // The stock of 10 is the engine's: each launch reserves a unit (a binding offer), the eleventh launch is refused
    // sold-out before anyone is asked to help; a bargain left unpaid gives its unit back for another launch.
    expect(result.participants.p5).toBeGreaterThanOrEqual(10);
    // Never more than the stock; fewer when bargains still open at the end reserve units nobody bought yet.
    expect(result.payingCustomers.p95).toBeLessThanOrEqual(10);
    expect(result.payingCustomers.p5).toBeGreaterThan(0);
    expect(result.refusals['sold-out']).toBeGreaterThan(0);
    expect(result.stockOut.probability).toBe(1);
    expect(result.stockOut.day?.p95).toBeLessThanOrEqual(2);
    // Each purchase costs 18,910 分 of cuts: six or more of them are over a ¥1,000 budget.
    expect(result.overBudgetProbability).toBe(1);
  });

  it('refuses kinds it cannot drive and names a bad option', async () => {
    const coupon = defineCampaign(
      JSON.parse(
        readFileSync(new URL('../../../../examples/campaigns/coupon.json', import.meta.url), 'utf8'),
      ),
    );
    const refused = await simulateCampaign(coupon, constantK).catch((e: unknown) => e);
    expect(isLiebianError(refused, 'not-simulated')).toBe(true);
    const error = await simulateCampaign(uncapped, { ...constantK, shareRate: 2 }).catch((e: unknown) => e);
    expect(isLiebianError(error, 'invalid-argument')).toBe(true);
    expect((error as Error).message).toContain('shareRate = 2: must be a probability from 0 to 1');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignIssues } from '../../campaign/campaign-issues.test-utils.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import type { Effect } from '../../engine/types.js';
import { createMemoryStore } from '../../store/memory-store.js';
import { engineHarness, twoEngines } from '../shared/engine-harness.test-utils.js';
import { discloseReferral } from './disclosure.js';
import { DAY, DURING_REFERRAL, ORDERS, referralCampaignInput } from './referral-fixture.test-utils.js';
import type { ReferralView } from './view.js';

const REWARDS = [
  { id: 'free-coffee', name: '新人免费咖啡', kind: 'coupon', valueFen: 2500 },
  { id: 'voucher', name: '邀请奖励券', kind: 'coupon', valueFen: 2000 },
  { id: 'tier-a', name: '会员月卡', kind: 'gift', valueFen: 3000 },
  { id: 'tier-b', name: '咖啡豆一包', kind: 'product', valueFen: 8000 },
];
const TIERS = [
  { conversions: 3, rewardId: 'tier-a' },
  { conversions: 5, rewardId: 'tier-b' },
];
const input = (rules: Record<string, unknown> = {}) =>
  referralCampaignInput({ capPerReferrer: 10, referrerTiers: TIERS, ...rules }, { rewards: REWARDS });
const campaign = (rules: Record<string, unknown> = {}) => defineCampaign(input(rules), 'referral');

/** Per tier: rewards granted minus those reversed or clawed back — 1 while it stands, else 0. */
function standingByTier(effects: readonly Effect[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const e of effects) {
    const n = e.payload.conversions as number;
    if (
      e.type === 'referral.tier-pending' ||
      (e.type === 'referral.tier-approved' && !pendingBefore(effects, e))
    )
      out[n] = (out[n] ?? 0) + 1;
    if (e.type === 'referral.tier-reversed' || e.type === 'referral.tier-clawback')
      out[n] = (out[n] ?? 0) - 1;
  }
  return out;
}
/** An approval that follows a pending entry of the same tier (not a grant of its own). */
const pendingBefore = (effects: readonly Effect[], approved: Effect) => {
  const i = effects.indexOf(approved);
  const last = effects
    .slice(0, i)
    .filter(
      (e) => e.type.startsWith('referral.tier-') && e.payload.conversions === approved.payload.conversions,
    )
    .at(-1);
  return last?.type === 'referral.tier-pending';
};

describe('referrer tiers validation', () => {
  it.each([
    [
      'tiers that do not go up',
      { referrerTiers: [TIERS[1], TIERS[0]] },
      'rules.referrerTiers[1].conversions',
      /above the previous tier's 5/,
    ],
    [
      'a tier past the cap',
      { capPerReferrer: 4 },
      'rules.referrerTiers[1].conversions',
      /at most capPerReferrer \(4\)/,
    ],
    [
      'an unknown reward',
      { referrerTiers: [{ conversions: 3, rewardId: 'nope' }] },
      'rules.referrerTiers[0].rewardId',
      /one of the campaign's rewards/,
    ],
  ])('rejects %s', (_name, rules, path, message) => {
    expect(campaignIssues(input(rules)).find((i) => i.path === path)?.message).toMatch(message);
  });

  it('discloses every tier, once each, and what a refund does', () => {
    expect(discloseReferral(campaign(), 'zh-CN').lines.join('\n')).toContain(
      '满 3 位得「会员月卡」，满 5 位得「咖啡豆一包」；每档只发一次，因退款使人数低于某档时，该档奖励取消（冻结期内）或追回。',
    );
  });
});

describe('referrer tiers under concurrency (two engines, one store)', () => {
  it('8 friends converting at once grant tier 3 and tier 5 exactly once; refunds reverse and claw back', async () => {
    const c = campaign();
    const { clock, effects, engines } = twoEngines(c, createMemoryStore(), DURING_REFERRAL);
    const [one, two] = engines;
    await one.start(c.id, { actor: { id: 'amy' }, instanceId: 'link' });
    const friends = Array.from({ length: 8 }, (_, i) => `f${i}`);
    for (const f of friends) await one.send('link', { type: 'referral.accept' }, { actor: { id: f } });
    const answers = await Promise.all(
      friends.flatMap((f, i) => [
        (i % 2 ? one : two).send(
          'link',
          { type: 'referral.convert', referee: f, eventId: `order-${f}` },
          { actor: ORDERS },
        ),
        // The order system retries at the same moment from the other process.
        (i % 2 ? two : one).send(
          'link',
          { type: 'referral.convert', referee: f, eventId: `order-${f}` },
          { actor: ORDERS },
        ),
      ]),
    );
    expect(answers.every((a) => a.status === 'accepted')).toBe(true);
    const granted = (type: string) =>
      effects.filter((e) => e.type === type).map((e) => e.payload.conversions);
    expect(granted('referral.tier-pending')).toEqual([3, 5]);
    // Four refunds in the freeze: 8 standing, then 4 — tier 5 is cancelled, tier 3 stands.
    for (const f of ['f0', 'f1', 'f2', 'f3'])
      await two.send('link', { type: 'referral.refund', referee: f }, { actor: ORDERS });
    expect(granted('referral.tier-reversed')).toEqual([5]);
    clock.advance(8 * DAY);
    await one.tick();
    expect(granted('referral.tier-approved')).toEqual([3]);
    // After approval, refunds taking the link from 4 to 2 claw tier 3 back, once.
    for (const f of ['f4', 'f5'])
      await one.send('link', { type: 'referral.refund', referee: f }, { actor: ORDERS });
    expect(granted('referral.tier-clawback')).toEqual([3]);
    const view = (await one.view('link', { id: 'amy' })) as ReferralView;
    expect(view.tiers).toEqual({
      standing: 2,
      levels: [
        { conversions: 3, rewardId: 'tier-a', status: null },
        { conversions: 5, rewardId: 'tier-b', status: null },
      ],
    });
    await Promise.all(engines.map((e) => e.dispose()));
  });
});

type Op = { op: 'convert' | 'refund'; friend: number } | { op: 'advance'; days: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constantFrom('convert' as const, 'refund' as const), friend: fc.nat(7) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 9 }) }),
  },
);

describe('referrer tiers over random sequences', () => {
  it('a tier stands exactly while its threshold of standing conversions is met, granted at most once at a time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(0, 7),
        async (ops, freezeDays) => {
          const c = campaign({ freezeDays, windowDays: 90 });
          const h = engineHarness(c, DURING_REFERRAL, 2);
          await h.engine.start(c.id, { actor: { id: 'amy' }, instanceId: 'link' });
          for (let f = 0; f < 8; f++)
            await h.engine.send('link', { type: 'referral.accept' }, { actor: { id: `f${f}` } });
          for (const op of ops) {
            if (op.op === 'advance') {
              h.clock.advance(op.days * DAY);
              await h.engine.tick();
            } else
              await h.engine.send(
                'link',
                { type: `referral.${op.op}`, referee: `f${op.friend}` },
                { actor: ORDERS },
              );
            const view = (await h.engine.view('link', { id: 'amy' })) as ReferralView;
            const standing = view.tiers?.standing ?? 0;
            const byTier = standingByTier(h.effects);
            for (const t of TIERS) {
              expect(byTier[t.conversions] ?? 0).toBe(standing >= t.conversions ? 1 : 0);
              expect(view.tiers?.levels.find((l) => l.conversions === t.conversions)?.status !== null).toBe(
                standing >= t.conversions,
              );
            }
          }
          await h.engine.dispose();
        },
      ),
      { numRuns: 80 },
    );
  });
});

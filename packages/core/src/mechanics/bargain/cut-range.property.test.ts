import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { formatMoney as m } from '../../primitives/money.js';
import { stepRandom } from '../../primitives/random.js';
import { bargainRulesArb } from './bargain-arbitraries.test-utils.js';
import { bargainCampaignInput } from './bargain-fixture.test-utils.js';
import { cutRange, cutsAfterNextHelp, drawCut, friendsToFloorRange, totalCuts } from './cut-strategy.js';
import { discloseBargain } from './disclosure.js';
import type { BargainCampaign, BargainRules } from './schema.js';

/**
 * The bounds of one cut as the rules text words them, read off the rules directly (not through `cutTerms`), so a
 * change to the draw that the text does not follow fails here.
 */
function statedBounds(
  rules: BargainRules,
  remaining: number,
  cutsAfter: number | undefined,
  newUser: boolean,
): [number, number] {
  const b = newUser && rules.newUserBoost !== undefined ? rules.newUserBoost : 1;
  const times = (fen: number) => Math.max(1, Math.floor(fen * b));
  const { cut } = rules;
  if (cutsAfter === 0) return [remaining, remaining];
  if (cutsAfter === undefined) {
    // 「每位好友随机砍 min–max，剩余金额不足时砍掉全部剩余金额」, boosted amounts for new users.
    const [lo, hi] =
      cut.strategy === 'uniform'
        ? [cut.min, cut.max]
        : cut.strategy === 'fixed'
          ? [cut.amount, cut.amount]
          : [1, 1];
    return [Math.min(remaining, times(lo)), Math.min(remaining, times(hi))];
  }
  switch (cut.strategy) {
    case 'uniform':
      // 「随机砍 min–max；…金额在此范围内调整」; new users: 「金额在 min–⌊max×boost⌋ 内调整」.
      return [cut.min, times(cut.max)];
    case 'fixed':
      return [cut.amount, cut.amount];
    case 'ratio-of-remaining': {
      // 「随机砍去可砍金额的 a%–b%（可砍金额 = 剩余金额减去为之后每位好友保留的 r），每刀至少 r」.
      const spendable = remaining - cutsAfter * cut.reservePerHelper;
      const a = Math.min(1, cut.minRatio * b);
      const z = Math.min(1, cut.maxRatio * b);
      return [
        Math.max(cut.reservePerHelper, Math.floor(spendable * a)),
        Math.max(cut.reservePerHelper, Math.floor(spendable * z)),
      ];
    }
    case 'double-mean': {
      // 「随机砍 min 至「剩余金额 ÷ 含本人在内尚需的人数 × 2·boost」，并为之后每位好友至少保留 min」.
      const keep = remaining - cutsAfter * cut.min;
      const top = Math.floor((2 * b * remaining) / (cutsAfter + 1));
      return [Math.min(times(cut.min), keep), Math.min(keep, Math.max(times(cut.min), top))];
    }
  }
}

const disclose = (rules: BargainRules, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  discloseBargain(
    defineCampaign(bargainCampaignInput({ helpersToFloor: undefined, ...rules })) as BargainCampaign,
    locale,
  ).lines.join('\n');

describe('every cut lies in the range the rules disclose', () => {
  it('for every strategy, boost, self-cut and open-ended bargain', () => {
    fc.assert(
      fc.property(
        bargainRulesArb(),
        fc.integer(),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        (rules, seed, newUsers) => {
          let remaining = rules.originalPrice - rules.floorPrice;
          let rng = seed;
          const check = (cutsAfter: number | undefined, newUser: boolean) => {
            const r = stepRandom(rng);
            rng = r.state;
            const draw = { remaining, cutsAfter, newUser };
            const amount = drawCut(rules, { ...draw, u: r.value });
            const range = cutRange(rules, draw);
            expect(amount).toBeGreaterThanOrEqual(range.lo);
            expect(amount).toBeLessThanOrEqual(range.hi);
            const [lo, hi] = statedBounds(rules, remaining, cutsAfter, newUser);
            expect(range.lo).toBeGreaterThanOrEqual(lo);
            expect(range.hi).toBeLessThanOrEqual(hi);
            expect(amount).toBeGreaterThanOrEqual(1);
            remaining -= amount;
          };
          if (rules.selfCut) check(rules.helpersToFloor, false);
          for (let helps = 0; remaining > 0 && helps < 2_000; helps++) {
            check(cutsAfterNextHelp(rules, helps), newUsers[helps % newUsers.length] ?? false);
          }
          expect(remaining).toBe(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('states a new user boost as its own range, not "within the range above"', () => {
    const rules = {
      rewardId: 'tea-set',
      originalPrice: 19900,
      floorPrice: 990,
      helpersToFloor: 5,
      cut: { strategy: 'ratio-of-remaining' as const, minRatio: 0.2, maxRatio: 0.6, reservePerHelper: 1 },
      newUserBoost: 1.5,
    } as BargainRules;
    const zh = disclose({ ...rules, timeLimitMinutes: 60 } as BargainRules);
    expect(zh).toContain('随机砍去可砍金额的 20%–60%');
    expect(zh).toContain('新用户助力时砍价力度 ×1.5：随机砍去可砍金额的 30%–90%');
    expect(zh).not.toContain('仍受上述金额范围限制');
  });

  it('states the exact most and fewest friends of an open-ended bargain, and they are what the draw takes', () => {
    fc.assert(
      fc.property(
        // Bounded so one run simulates a few thousand cuts at most (a 1 分 minimum cut over ¥5,000 is 500,000).
        bargainRulesArb({ openEnded: true }).filter(
          (r) => r.helpersToFloor === undefined && friendsToFloorRange(r).most <= 2_000,
        ),
        (rules) => {
          const { fewest, most } = friendsToFloorRange(rules);
          const run = (u: number, newUser: boolean) => {
            let remaining = rules.originalPrice - rules.floorPrice;
            if (rules.selfCut)
              remaining -= drawCut(rules, { remaining, cutsAfter: undefined, u, newUser: false });
            let friends = 0;
            while (remaining > 0) {
              remaining -= drawCut(rules, { remaining, cutsAfter: undefined, u, newUser });
              friends += 1;
            }
            return friends;
          };
          expect(run(0, false)).toBe(most);
          expect(run(0.999_999_999, true)).toBe(fewest);
          const zh = disclose(rules);
          expect(zh).not.toContain('助力人数不限');
          expect(zh).toContain(fewest === most ? `需要 ${most} 位好友` : `最多需要 ${most} 位好友`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('prints an open-ended bargain as the 18,910 friends it can take at worst (379 at best)', () => {
    const rules = {
      rewardId: 'tea-set',
      originalPrice: 19900,
      floorPrice: 990,
      cut: { strategy: 'uniform', min: 1, max: 50 },
      timeLimitMinutes: 60,
    } as unknown as BargainRules;
    const zh = disclose(rules);
    expect(zh).toContain(`最多需要 ${Math.ceil((19900 - 990) / 1)} 位好友`);
    expect(zh).toContain(`最少需要 ${Math.ceil((19900 - 990) / 50)} 位`);
    expect(totalCuts(rules)).toBe(0);
    expect(zh).toContain(`每位好友随机砍 ${m(1)}–${m(50)}`);
  });
});

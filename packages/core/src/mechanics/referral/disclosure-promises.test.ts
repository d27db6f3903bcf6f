import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import type { Actor } from '../mechanic.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { describePromises, type RulePromise } from '../shared/promises.test-utils.js';
import { DAY, ORDERS } from './referral-fixture.test-utils.js';
import type { ReferralCampaign } from './schema.js';

/**
 * Text and engine agree: every line the shipped referral sample's rules print is matched to a test of what it
 * promises (a line without one fails the first test). Facts the engine does not act on are checked to come from
 * their fields.
 */
const json = JSON.parse(
  readFileSync(new URL('../../../../../examples/campaigns/referral.json', import.meta.url), 'utf8'),
);
const sample = (rules: Record<string, unknown> = {}) =>
  defineCampaign({ ...json, rules: { ...json.rules, ...rules } }) as ReferralCampaign;
const DURING = Date.parse('2026-12-02T10:00:00+08:00');
const friend = (id: string): Actor => ({ id, newUser: true });

async function setup(campaign = sample(), now = DURING) {
  const h = engineHarness(campaign, now, 1);
  const link = async (owner: string) => {
    const started = await h.engine.start(campaign.id, { actor: { id: owner }, instanceId: `link-${owner}` });
    expect(started.status).toBe('accepted');
    return `link-${owner}`;
  };
  const accept = (id: string, actor: Actor) => h.engine.send(id, { type: 'referral.accept' }, { actor });
  const convert = (id: string, referee: string) =>
    h.engine.send(id, { type: 'referral.convert', referee }, { actor: ORDERS });
  const refund = (id: string, referee: string) =>
    h.engine.send(id, { type: 'referral.refund', referee }, { actor: ORDERS });
  const rewards = (type: string) =>
    h.effects.filter((e) => e.type === type).map((e) => `${e.payload.side}:${e.payload.recipient}`);
  return { h, link, accept, convert, refund, rewards };
}

const reason = (r: { status: string; reason?: string }) => (r.status === 'rejected' ? r.reason : r.status);

const PROMISES: RulePromise[] = [
  [
    /^活动时间：2026-11-01 00:00 至 2027-01-31 23:59/,
    'no link opens before the period',
    async () => {
      const { h } = await setup(sample(), Date.parse('2026-10-31T00:00:00+08:00'));
      expect(reason(await h.engine.start(json.id, { actor: { id: 'alice' } }))).toBe('campaign-not-started');
    },
  ],
  [
    /^好友接受邀请即得「新人免费咖啡一杯」。$/,
    'the friend’s coffee is approved when they accept',
    async () => {
      const s = await setup();
      const id = await s.link('alice');
      await s.accept(id, friend('bob'));
      expect(s.rewards('referral.reward-approved')).toEqual(['referee:bob']);
    },
  ],
  [
    /^每邀请一位好友完成首单，邀请人得「邀请奖励咖啡券」，最多 20 位；超过后邀请人不再获得奖励，好友仍得「新人免费咖啡一杯」。$/,
    'the referrer earns 20 rewards at most; the 21st friend converts and keeps the coffee',
    async () => {
      const s = await setup();
      const id = await s.link('alice');
      for (let i = 0; i < 21; i++) {
        await s.accept(id, friend(`f${i}`));
        expect(reason(await s.convert(id, `f${i}`))).toBe('accepted');
      }
      s.h.clock.advance(8 * DAY);
      await s.h.engine.tick();
      const approved = s.rewards('referral.reward-approved');
      expect(approved.filter((r) => r.startsWith('referrer:'))).toHaveLength(20);
      expect(approved.filter((r) => r.startsWith('referee:'))).toHaveLength(21);
    },
  ],
  [
    /^好友须在接受邀请后 14 天内完成首单，逾期不计奖励。$/,
    'a first order 15 days after accepting earns nothing',
    async () => {
      const s = await setup();
      const id = await s.link('alice');
      await s.accept(id, friend('bob'));
      s.h.clock.advance(15 * DAY);
      expect(reason(await s.convert(id, 'bob'))).toBe('window-passed');
    },
  ],
  [
    /^仅新注册用户可被邀请；每位好友只归属于其最先接受邀请的邀请人。$/,
    'an existing user cannot be referred; a friend stays with the first link',
    async () => {
      const s = await setup();
      const a = await s.link('alice');
      const c = await s.link('carol');
      expect(reason(await s.accept(a, { id: 'old-user' }))).toBe('new-users-only');
      await s.accept(a, friend('bob'));
      expect(reason(await s.accept(c, friend('bob')))).toBe('already-referred');
    },
  ],
  [
    /^已邀请过他人的用户不能再被邀请/,
    'a referrer cannot be referred',
    async () => {
      const s = await setup();
      const a = await s.link('alice');
      const b = await s.link('bob');
      await s.accept(b, friend('dan'));
      expect(reason(await s.accept(a, friend('bob')))).toBe('already-referred');
    },
  ],
  [
    /^转化产生的奖励先冻结 7 天，期间发生退款则奖励取消；冻结期后退款的，已发奖励将被追回。$/,
    'a refund in the 7 days reverses the reward; after them it is clawed back',
    async () => {
      const s = await setup();
      const id = await s.link('alice');
      for (const f of ['bob', 'dan']) {
        await s.accept(id, friend(f));
        await s.convert(id, f);
      }
      await s.refund(id, 'bob');
      expect(s.rewards('referral.reward-reversed')).toEqual(['referrer:alice']);
      s.h.clock.advance(7 * DAY);
      await s.h.engine.tick();
      await s.refund(id, 'dan');
      expect(s.rewards('referral.reward-clawback')).toContain('referrer:alice');
    },
  ],
  [
    /^仅新用户可以接受邀请。$/,
    'an actor not marked new is refused',
    async () => {
      const s = await setup();
      const id = await s.link('alice');
      expect(reason(await s.accept(id, { id: 'someone' }))).not.toBe('accepted');
    },
  ],
  [
    /^不能为自己接受邀请，发起人的设备也不能用于接受邀请。$/,
    'the referrer and their device cannot accept',
    async () => {
      const s = await setup();
      const started = await s.h.engine.start(json.id, { actor: { id: 'alice', deviceId: 'phone-a' } });
      const id = started.status === 'accepted' ? started.instanceId : '';
      expect(reason(await s.accept(id, { id: 'alice', newUser: true }))).not.toBe('accepted');
      expect(reason(await s.accept(id, { id: 'alt', newUser: true, deviceId: 'phone-a' }))).not.toBe(
        'accepted',
      );
    },
  ],
  [
    /^参与条件：山谷咖啡小程序注册用户。$/,
    'from disclosure.eligibility',
    async () => expect(sample().disclosure.eligibility).toBe('山谷咖啡小程序注册用户'),
  ],
  [
    /^「新人免费咖啡一杯」：价值 ¥25\.00；发放至账户，免费；到账后 30 天内有效；使用范围：/,
    'from the reward fields',
    async () => expect(sample().rewards[0]?.validDays).toBe(30),
  ],
  [
    /^「邀请奖励咖啡券」：价值 ¥20\.00；发放至账户，免费；到账后 30 天内有效；使用范围：/,
    'from the reward fields',
    async () => expect(sample().rewards[1]?.valueFen).toBe(2000),
  ],
  [
    /^活动奖励总额 ¥500,000\.00，用完即止。$/,
    'no reward past the budget (here one coffee’s worth)',
    async () => {
      const s = await setup(defineCampaign({ ...json, budget: { totalFen: 2500 } }) as ReferralCampaign);
      const id = await s.link('alice');
      expect(reason(await s.accept(id, friend('bob')))).toBe('accepted');
      expect(reason(await s.accept(id, friend('dan')))).toBe('budget-exhausted');
    },
  ],
  [
    /^主办方：山谷咖啡（北京）有限公司，联系方式：400-123-4567。$/,
    'from disclosure.organizer',
    async () => expect(sample().disclosure.organizer.contact).toBe('400-123-4567'),
  ],
];

describePromises(
  'referral sample',
  async () => (await setup()).h.engine.disclose(json.id, 'zh-CN').lines,
  PROMISES,
);

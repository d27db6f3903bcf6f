import { describe, expect, it } from 'vitest';
import { campaignIssues } from '../../campaign/campaign-issues.test-utils.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { discloseGroupBuy } from './disclosure.js';
import { DURING_GROUP, groupBuyCampaignInput } from './group-buy-fixture.test-utils.js';
import type { GroupBuyView } from './view.js';

const campaign = (rules: Record<string, unknown>) =>
  defineCampaign(groupBuyCampaignInput({ size: 2, ...rules }), 'group-buy');

describe('团长免单 (a leader price of 0)', () => {
  it('is accepted and disclosed as free for the opener only, who still places a ¥0.00 order', () => {
    const c = campaign({ leaderPriceFen: 0 });
    expect(c.rules.leaderPriceFen).toBe(0);
    const zh = discloseGroupBuy(c, 'zh-CN').lines.join('\n');
    expect(zh).toContain('2 人成团价 ¥99.00，团长免单（团长 ¥0.00）');
    expect(zh).toContain('团长免单仅限开团的团长本人，团长同样须在付款时限内下单（¥0.00）');
    expect(zh).toContain('接任的成员仍按成团价 ¥99.00 付款');
    expect(discloseGroupBuy(c, 'en').lines.join('\n')).toContain('free for the leader (¥0.00)');
  });

  it('refuses a negative leader price, naming the field and the fix', () => {
    const issue = campaignIssues(groupBuyCampaignInput({ leaderPriceFen: -1 })).find(
      (i) => i.path === 'rules.leaderPriceFen',
    );
    expect(issue?.message).toMatch(/0 or more 分/);
  });

  it('charges the leader nothing, subsidises the full price from the budget, and owes no refund when it fails', async () => {
    const c = defineCampaign(
      groupBuyCampaignInput({ size: 2, leaderPriceFen: 0 }, { budget: { totalFen: 15900 } }),
      'group-buy',
    );
    const h = engineHarness(c, DURING_GROUP, 1);
    await h.engine.start(c.id, { actor: { id: 'lea' }, instanceId: 'g' });
    const view = (await h.engine.view('g', { id: 'lea' })) as GroupBuyView;
    expect(view.price).toMatchObject({ leader: 0, mine: 0, group: 9900 });
    expect(
      (await h.engine.send('g', { type: 'group-buy.pay', orderId: 'o-lea' }, { actor: { id: 'lea' } }))
        .status,
    ).toBe('accepted');
    // ¥159.00 of subsidy is the whole budget: a second group's free leader is refused at the launch, before
    // anyone is asked to join (the launch reserves the opener's subsidy).
    const second = await h.engine.start(c.id, { actor: { id: 'max' }, instanceId: 'g2' });
    expect(second.status === 'rejected' && second.reason).toBe('budget-exhausted');
    h.clock.advance(3 * 60 * 60_000);
    await h.engine.tick();
    expect(h.effects.filter((e) => e.type === 'group-buy.refund-due')).toEqual([]);
    expect(h.effects.some((e) => e.type === 'group-buy.failed')).toBe(true);
    await h.engine.dispose();
  });

  it('gives a successor leader the group price they joined at, not the free order', async () => {
    const c = campaign({ size: 3, leaderPriceFen: 0 });
    const h = engineHarness(c, DURING_GROUP, 1);
    await h.engine.start(c.id, { actor: { id: 'lea' }, instanceId: 'g' });
    await h.engine.send('g', { type: 'group-buy.join' }, { actor: { id: 'bo' } });
    await h.engine.send('g', { type: 'group-buy.leave' }, { actor: { id: 'lea' } });
    const bo = (await h.engine.view('g', { id: 'bo' })) as GroupBuyView;
    expect(bo.role).toBe('initiator');
    expect(bo.price.mine).toBe(9900);
    await h.engine.dispose();
  });
});

describe('新人团 (rules.newUsersOnly)', () => {
  it('refuses an unknown audience with the values it takes', () => {
    const issue = campaignIssues(groupBuyCampaignInput({ newUsersOnly: 'kol' })).find(
      (i) => i.path === 'rules.newUsersOnly',
    );
    expect(issue?.message).toMatch(/must be members or everyone/);
  });

  it('members: anyone opens, only actors the integrator marks new may join, and the view says so', async () => {
    const c = campaign({ size: 3, newUsersOnly: 'members' });
    const h = engineHarness(c, DURING_GROUP, 1);
    expect((await h.engine.start(c.id, { actor: { id: 'old-lea' }, instanceId: 'g' })).status).toBe(
      'accepted',
    );
    const visitor = (await h.engine.view('g', { id: 'old-bo' })) as GroupBuyView;
    expect(visitor.newUsersOnly).toBe('members');
    expect(visitor.can.join).toEqual({ allowed: false, reason: 'new-users-only' });
    const old = await h.engine.send('g', { type: 'group-buy.join' }, { actor: { id: 'old-bo' } });
    expect(old.status === 'rejected' && old.reason).toBe('new-users-only');
    // Newness comes only from the actor (the integrator's authentication): a body field is refused outright.
    await expect(
      h.engine.send('g', { type: 'group-buy.join', newUser: true }, { actor: { id: 'old-bo' } }),
    ).rejects.toThrow(/newUser/);
    const fresh = await h.engine.send(
      'g',
      { type: 'group-buy.join' },
      { actor: { id: 'cy', newUser: true } },
    );
    expect(fresh.status).toBe('accepted');
    // A visitor not signed in is not refused for it: signing in decides.
    expect(((await h.engine.view('g', null)) as GroupBuyView).can.join.allowed).toBe(true);
    expect(discloseGroupBuy(c, 'zh-CN').lines).toContain(
      '本团为新人团：仅新用户可以参团（以平台账号认定为准），开团不限新老用户。',
    );
    await h.engine.dispose();
  });

  it('everyone: an existing user cannot open a group either', async () => {
    const c = campaign({ newUsersOnly: 'everyone' });
    const h = engineHarness(c, DURING_GROUP, 1);
    const old = await h.engine.start(c.id, { actor: { id: 'old-lea' } });
    expect(old.status === 'rejected' && old.reason).toBe('new-users-only');
    expect((await h.engine.start(c.id, { actor: { id: 'lea', newUser: true } })).status).toBe('accepted');
    expect(discloseGroupBuy(c, 'en').lines.join('\n')).toContain('only new users can open or join a group');
    await h.engine.dispose();
  });
});

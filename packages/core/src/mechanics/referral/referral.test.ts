import { describe, expect, it } from 'vitest';
import { campaignIssues } from '../../campaign/campaign-issues.test-utils.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import { createManualClock } from '../../primitives/clock.js';
import { createMemoryStore } from '../../store/memory-store.js';
import type { Store } from '../../store/store.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { discloseReferral } from './disclosure.js';
import { DAY, DURING_REFERRAL, ORDERS, referralCampaignInput } from './referral-fixture.test-utils.js';
import type { ReferralView } from './view.js';

const payloads = (h: ReturnType<typeof engineHarness>, type: string) =>
  h.effects.filter((e) => e.type === type).map((e) => e.payload);

describe('referral', () => {
  it('attributes a friend to the first referrer, rewards on conversion after the freeze, and claws back a late refund', async () => {
    const campaign = defineCampaign(referralCampaignInput(), 'referral');
    const h = engineHarness(campaign, DURING_REFERRAL, 1);
    await h.engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'a' });
    await h.engine.start(campaign.id, { actor: { id: 'carol' }, instanceId: 'c' });
    const bob = { id: 'bob', newUser: true };
    expect((await h.engine.send('a', { type: 'referral.accept' }, { actor: bob })).status).toBe('accepted');
    // First touch keeps bob: carol's link cannot take him.
    const second = await h.engine.send('c', { type: 'referral.accept' }, { actor: bob });
    expect(second.status === 'rejected' && second.reason).toBe('already-referred');
    expect(payloads(h, 'referral.reward-approved')).toEqual([
      { referee: 'bob', side: 'referee', rewardId: 'free-coffee', recipient: 'bob' },
    ]);

    h.clock.advance(DAY);
    await h.engine.send(
      'a',
      { type: 'referral.convert', referee: 'bob', eventId: 'order:1' },
      { actor: ORDERS },
    );
    expect(payloads(h, 'referral.reward-pending')).toEqual([
      { referee: 'bob', side: 'referrer', rewardId: 'voucher', approvesAt: DURING_REFERRAL + 8 * DAY },
    ]);
    const pending = (await h.engine.view('a', { id: 'alice' })) as ReferralView;
    expect(pending.ledgerTotals.pending).toBe(1);
    expect(pending.referrals[0]?.referee).toBe('b*b');

    h.clock.advance(7 * DAY);
    await h.engine.tick();
    expect(payloads(h, 'referral.reward-approved')).toContainEqual({
      referee: 'bob',
      side: 'referrer',
      rewardId: 'voucher',
      recipient: 'alice',
    });
    await h.engine.send(
      'a',
      { type: 'referral.issued', referee: 'bob', side: 'referrer' },
      { actor: ORDERS },
    );
    await h.engine.send('a', { type: 'referral.refund', referee: 'bob' }, { actor: ORDERS });
    expect(payloads(h, 'referral.reward-clawback').map((p) => [p.side, p.recipient])).toEqual([
      ['referee', 'bob'],
      ['referrer', 'alice'],
    ]);
    await h.engine.dispose();
  });

  it('keeps its promise to the friend past the referrer cap: with a cap of 2, the third friend still gets the gift', async () => {
    const campaign = defineCampaign(
      referralCampaignInput({
        capPerReferrer: 2,
        refereeReward: { rewardId: 'free-coffee', timing: 'on-conversion' },
      }),
      'referral',
    );
    const zh = discloseReferral(campaign, 'zh-CN').lines.join('\n');
    expect(zh).toContain('最多 2 位；超过后邀请人不再获得奖励，好友仍得「新人免费咖啡」');
    const h = engineHarness(campaign, DURING_REFERRAL, 1);
    await h.engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'a' });
    for (const friend of ['bob', 'carl', 'dan']) {
      await h.engine.send('a', { type: 'referral.accept' }, { actor: { id: friend } });
      const converted = await h.engine.send(
        'a',
        { type: 'referral.convert', referee: friend },
        { actor: ORDERS },
      );
      expect(converted.status).toBe('accepted');
    }
    h.clock.advance(30 * DAY);
    await h.engine.tick();
    expect(payloads(h, 'referral.reward-approved').map((p) => [p.side, p.recipient])).toEqual([
      ['referrer', 'alice'],
      ['referee', 'bob'],
      ['referrer', 'alice'],
      ['referee', 'carl'],
      ['referee', 'dan'],
    ]);
    await h.engine.dispose();
  });

  it('reverses rewards refunded during the freeze and gives the cap slot back', async () => {
    const campaign = defineCampaign(
      referralCampaignInput({ capPerReferrer: 1, refereeReward: undefined }),
      'referral',
    );
    const h = engineHarness(campaign, DURING_REFERRAL, 1);
    await h.engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'a' });
    for (const friend of ['bob', 'dan'])
      await h.engine.send('a', { type: 'referral.accept' }, { actor: { id: friend } });
    await h.engine.send('a', { type: 'referral.convert', referee: 'bob' }, { actor: ORDERS });
    const capped = await h.engine.send('a', { type: 'referral.convert', referee: 'dan' }, { actor: ORDERS });
    expect(capped.status === 'rejected' && capped.reason).toBe('quota-exhausted');
    await h.engine.send('a', { type: 'referral.refund', referee: 'bob' }, { actor: ORDERS });
    expect(payloads(h, 'referral.reward-reversed').map((p) => p.side)).toEqual(['referrer']);
    expect(
      (await h.engine.send('a', { type: 'referral.convert', referee: 'dan' }, { actor: ORDERS })).status,
    ).toBe('accepted');
    h.clock.advance(30 * DAY);
    await h.engine.tick();
    expect(payloads(h, 'referral.reward-approved').map((p) => p.referee)).toEqual(['dan']);
    await h.engine.dispose();
  });

  it('an operator approves a pending reward ahead of its freeze, once; the freeze then approves nothing more', async () => {
    const campaign = defineCampaign(referralCampaignInput({ refereeReward: undefined }), 'referral');
    const h = engineHarness(campaign, DURING_REFERRAL, 1);
    await h.engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'a' });
    for (const friend of ['bob', 'dan'])
      await h.engine.send('a', { type: 'referral.accept' }, { actor: { id: friend } });
    for (const referee of ['bob', 'dan'])
      await h.engine.send('a', { type: 'referral.convert', referee }, { actor: ORDERS });
    const approve = { type: 'referral.approve', referee: 'bob', side: 'referrer' } as const;
    const stranger = await h.engine.send('a', approve, { actor: { id: 'alice' } });
    expect(stranger.status === 'rejected' && stranger.reason).toBe('not-operator');
    expect((await h.engine.send('a', approve, { actor: ORDERS })).status).toBe('accepted');
    const twice = await h.engine.send('a', approve, { actor: ORDERS });
    expect(twice.status === 'rejected' && twice.reason).toBe('not-rewardable');
    expect(payloads(h, 'referral.reward-approved')).toEqual([
      { referee: 'bob', side: 'referrer', rewardId: 'voucher', recipient: 'alice' },
    ]);
    const view = (await h.engine.view('a', { id: 'alice' })) as ReferralView;
    expect([view.ledgerTotals.approved, view.ledgerTotals.pending]).toEqual([1, 1]);
    // The freeze approves dan's only; bob's refund now claws back rather than reverses.
    h.clock.advance(30 * DAY);
    await h.engine.tick();
    expect(payloads(h, 'referral.reward-approved').map((p) => p.referee)).toEqual(['bob', 'dan']);
    await h.engine.send('a', { type: 'referral.refund', referee: 'bob' }, { actor: ORDERS });
    expect(payloads(h, 'referral.reward-clawback').map((p) => p.referee)).toEqual(['bob']);
    expect(payloads(h, 'referral.reward-reversed')).toEqual([]);
    await h.engine.dispose();
  });

  it('blocks self-referral, loops, strangers reporting conversions, and conversions after the window', async () => {
    const campaign = defineCampaign(referralCampaignInput(), 'referral');
    const h = engineHarness(campaign, DURING_REFERRAL, 1);
    await h.engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'a' });
    await h.engine.start(campaign.id, { actor: { id: 'bob' }, instanceId: 'b' });
    const self = await h.engine.send('a', { type: 'referral.accept' }, { actor: { id: 'alice' } });
    expect(self.status === 'rejected' && self.reason).toBe('self-help');
    await h.engine.send('a', { type: 'referral.accept' }, { actor: { id: 'bob' } });
    // alice referred bob, so bob's link cannot take alice (a loop), nor can any later link.
    const loop = await h.engine.send('b', { type: 'referral.accept' }, { actor: { id: 'alice' } });
    expect(loop.status === 'rejected' && loop.reason).toBe('already-referred');
    const stranger = await h.engine.send(
      'a',
      { type: 'referral.convert', referee: 'bob' },
      { actor: { id: 'bob' } },
    );
    expect(stranger.status === 'rejected' && stranger.reason).toBe('not-operator');
    const unknown = await h.engine.send('a', { type: 'referral.convert', referee: 'zed' }, { actor: ORDERS });
    expect(unknown.status === 'rejected' && unknown.reason).toBe('not-referred');
    h.clock.advance(15 * DAY);
    const late = await h.engine.send('a', { type: 'referral.convert', referee: 'bob' }, { actor: ORDERS });
    expect(late.status === 'rejected' && late.reason).toBe('window-passed');
    await h.engine.dispose();
  });

  it('registration-only takes new users only', async () => {
    const campaign = defineCampaign(referralCampaignInput({ attribution: 'registration-only' }), 'referral');
    const h = engineHarness(campaign, DURING_REFERRAL, 1);
    await h.engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'a' });
    const old = await h.engine.send(
      'a',
      { type: 'referral.accept' },
      { actor: { id: 'bob', newUser: false } },
    );
    expect(old.status === 'rejected' && old.reason).toBe('new-users-only');
    await h.engine.dispose();
  });
});

describe('referral campaign validation and disclosure', () => {
  it('needs a reward and refuses paying referrers upfront, naming the field', () => {
    expect(
      campaignIssues(referralCampaignInput({ referrerReward: undefined, refereeReward: undefined }))[0],
    ).toMatchObject({
      path: 'rules',
      message: expect.stringMatching(/single- or double-sided/),
    });
    expect(
      campaignIssues(
        referralCampaignInput({ referrerReward: { rewardId: 'voucher', timing: 'upfront' } }),
      )[0],
    ).toMatchObject({ path: 'rules.referrerReward.timing' });
  });

  it('refuses several links per referrer with a referrer reward (the cap lives on the one link)', () => {
    expect(campaignIssues(referralCampaignInput({ launchesPerUser: 2 }))[0]).toMatchObject({
      path: 'rules.launchesPerUser',
    });
  });

  it('discloses rewards, trigger, window, cap and freeze from its own fields', () => {
    const campaign = defineCampaign(referralCampaignInput(), 'referral');
    const zh = discloseReferral(campaign, 'zh-CN').lines.join('\n');
    expect(zh).toContain('好友接受邀请即得「新人免费咖啡」');
    expect(zh).toContain('完成首单，邀请人得「邀请奖励券」，最多 3 位');
    expect(zh).toContain('14 天内完成首单');
    expect(zh).toContain('冻结 7 天');
    expect(discloseReferral(campaign, 'en').lines.join(' ')).not.toMatch(/undefined|NaN/);
  });
});

describe('referral with last-touch attribution', () => {
  const lastTouch = () =>
    defineCampaign(
      referralCampaignInput({
        attribution: 'last-touch',
        refereeReward: { rewardId: 'free-coffee', timing: 'on-conversion' },
      }),
      'referral',
    );
  const accept = (h: ReturnType<typeof engineHarness>, link: string, friend: string) =>
    h.engine.send(link, { type: 'referral.accept' }, { actor: { id: friend } });
  const convert = (h: ReturnType<typeof engineHarness>, link: string, friend: string) =>
    h.engine.send(link, { type: 'referral.convert', referee: friend }, { actor: ORDERS });
  const reason = (r: Awaited<ReturnType<typeof accept>>) => (r.status === 'rejected' ? r.reason : r.status);

  it('moves a friend to each invite they accept until they convert, and pays only the last referrer', async () => {
    const campaign = lastTouch();
    const h = engineHarness(campaign, DURING_REFERRAL, 1);
    for (const [who, id] of [
      ['alice', 'a'],
      ['carol', 'c'],
      ['dan', 'd'],
    ] as const)
      await h.engine.start(campaign.id, { actor: { id: who }, instanceId: id });

    expect(reason(await accept(h, 'a', 'bob'))).toBe('accepted');
    expect(reason(await accept(h, 'c', 'bob'))).toBe('accepted');
    // Alice's link was told by the time carol's accept was answered: her page says bob moved.
    expect(h.effects.filter((e) => e.type === 'referral.moved').map((e) => e.instanceId)).toEqual(['a']);
    const alice = (await h.engine.view('a', { id: 'alice' })) as ReferralView;
    expect(alice.counts).toMatchObject({ accepted: 1, moved: 1, converted: 0 });
    expect(alice.referrals[0]?.movedAt).toBe(DURING_REFERRAL);
    // Her link no longer holds bob: his conversion there is refused and earns her nothing.
    expect(reason(await convert(h, 'a', 'bob'))).toBe('referred-elsewhere');
    expect(reason(await convert(h, 'c', 'bob'))).toBe('accepted');
    expect(payloads(h, 'referral.reward-pending').map((p) => [p.side, p.referee])).toEqual([
      ['referrer', 'bob'],
      ['referee', 'bob'],
    ]);
    expect(((await h.engine.view('c', { id: 'carol' })) as ReferralView).ledgerTotals.pending).toBe(1);
    expect(((await h.engine.view('a', { id: 'alice' })) as ReferralView).ledgerTotals.pending).toBe(0);
    // Converted: the attribution is settled and no later invite takes bob.
    expect(reason(await accept(h, 'd', 'bob'))).toBe('already-referred');
    await h.engine.dispose();
  });

  it('settles a friend who starts referring, so no loop can form', async () => {
    const campaign = lastTouch();
    const h = engineHarness(campaign, DURING_REFERRAL, 1);
    await h.engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'a' });
    await h.engine.start(campaign.id, { actor: { id: 'carol' }, instanceId: 'c' });
    await h.engine.start(campaign.id, { actor: { id: 'bob' }, instanceId: 'b' });
    expect(reason(await accept(h, 'a', 'bob'))).toBe('accepted');
    // Bob brings in erin: his own attribution (to alice) is settled.
    expect(reason(await accept(h, 'b', 'erin'))).toBe('accepted');
    expect(reason(await accept(h, 'c', 'bob'))).toBe('already-referred');
    // Alice refers, so she cannot be referred by bob (or anyone).
    expect(reason(await accept(h, 'b', 'alice'))).toBe('already-referred');
    // Erin can still move: she refers nobody and has not converted.
    expect(reason(await accept(h, 'c', 'erin'))).toBe('accepted');
    expect(reason(await convert(h, 'b', 'erin'))).toBe('referred-elsewhere');
    await h.engine.dispose();
  });

  it.each([
    ['the next batch on the new link', 'batch'],
    ['the engine timer the commit wrote, a minute later', 'timer'],
  ] as const)(
    'tells the link a friend left even when the process died before telling it: %s',
    async (_, by) => {
      const campaign = lastTouch();
      const store = createMemoryStore();
      const clock = createManualClock(DURING_REFERRAL);
      // The first process commits carol's accept, then dies before link a hears of it.
      const dying: Store = {
        ...store,
        commit: (requests) =>
          requests.some((r) => r.id === 'a' && r.expectedVersion >= 2)
            ? Promise.reject(new Error('process died'))
            : store.commit(requests),
      };
      const first = createEngine({ campaigns: [campaign], store: dying, clock });
      await first.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'a' });
      await first.start(campaign.id, { actor: { id: 'carol' }, instanceId: 'c' });
      await first.send('a', { type: 'referral.accept' }, { actor: { id: 'bob' } });
      await first.send('c', { type: 'referral.accept' }, { actor: { id: 'bob' } });
      expect(((await first.view('a', { id: 'alice' })) as ReferralView).counts.moved).toBe(0);

      // Another process sends what the commit still owes.
      const second = createEngine({ campaigns: [campaign], store, clock });
      if (by === 'batch') await second.send('c', { type: 'referral.accept' }, { actor: { id: 'dan' } });
      else {
        clock.advance(60_000);
        await second.tick();
      }
      // Disposing waits for every queued event, the notice included.
      await Promise.all([first.dispose(), second.dispose()]);
      const reader = createEngine({ campaigns: [campaign], store, clock });
      expect(((await reader.view('a', { id: 'alice' })) as ReferralView).counts.moved).toBe(1);
      await reader.dispose();
    },
  );

  it('refuses an upfront reward for the friend, which each accepted invite would pay again', () => {
    expect(campaignIssues(referralCampaignInput({ attribution: 'last-touch' })).map((i) => i.path)).toEqual([
      'rules.refereeReward.timing',
    ]);
  });
});

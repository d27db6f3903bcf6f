import { describe, expect, it } from 'vitest';
import { campaignIssues } from '../../campaign/campaign-issues.test-utils.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { engineHarness } from '../shared/engine-harness.test-utils.js';
import { compareReferralRules } from './compare-rules.js';
import { discloseReferral } from './disclosure.js';
import { DURING_REFERRAL, ORDERS, referralCampaignInput } from './referral-fixture.test-utils.js';

const campaign = (rules: Record<string, unknown> = {}) =>
  defineCampaign(referralCampaignInput({ minOrderFen: 3000, ...rules }), 'referral');

describe('minimum first-order amount (rules.minOrderFen)', () => {
  it('applies only to first-order conversions, naming the trigger to change', () => {
    const issue = campaignIssues(referralCampaignInput({ trigger: 'signup', minOrderFen: 3000 })).find(
      (i) => i.path === 'rules.minOrderFen',
    );
    expect(issue?.message).toMatch(/only applies with trigger "first-order" \(it is "signup"\)/);
  });

  it('counts a first order at or above the minimum, refuses one below or without an amount', async () => {
    const c = campaign();
    const h = engineHarness(c, DURING_REFERRAL, 1);
    await h.engine.start(c.id, { actor: { id: 'amy' }, instanceId: 'a' });
    for (const friend of ['bob', 'cy', 'dee'])
      await h.engine.send('a', { type: 'referral.accept' }, { actor: { id: friend } });
    const small = await h.engine.send(
      'a',
      { type: 'referral.convert', referee: 'bob', orderFen: 2999 },
      { actor: ORDERS },
    );
    expect(small.status === 'rejected' && small.reason).toBe('threshold-not-met');
    const unknown = await h.engine.send('a', { type: 'referral.convert', referee: 'cy' }, { actor: ORDERS });
    expect(unknown.status === 'rejected' && unknown.reason).toBe('threshold-not-met');
    const enough = await h.engine.send(
      'a',
      { type: 'referral.convert', referee: 'dee', orderFen: 3000 },
      { actor: ORDERS },
    );
    expect(enough.status).toBe('accepted');
    const converted = h.effects.filter((e) => e.type === 'referral.converted');
    expect(converted.map((e) => [e.payload.referee, e.payload.orderFen])).toEqual([['dee', 3000]]);
    expect(
      h.effects.filter((e) => e.type === 'referral.reward-pending').map((e) => e.payload.referee),
    ).toEqual(['dee']);
    await h.engine.dispose();
  });

  it('is disclosed exactly, and raising it on a live campaign is refused', () => {
    const c = campaign();
    expect(discloseReferral(c, 'zh-CN').lines).toContain('好友首单实付满 ¥30.00 才计为成功邀请。');
    expect(discloseReferral(c, 'en').lines.join('\n')).toContain('at least ¥30.00');
    expect(compareReferralRules(c, campaign({ minOrderFen: 5000 })).map((i) => i.path)).toEqual([
      'rules.minOrderFen',
    ]);
    expect(compareReferralRules(c, campaign({ minOrderFen: 1000 }))).toEqual([]);
    expect(
      compareReferralRules(defineCampaign(referralCampaignInput(), 'referral'), c).map((i) => i.path),
    ).toEqual(['rules.minOrderFen']);
  });
});

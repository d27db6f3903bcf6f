import { createEngine, defineCampaign } from '@liebian/core';
import { createManualClock } from '@liebian/core/testing';
import { describe, expect, it } from 'vitest';
import {
  bargainCampaignInput,
  DURING_CAMPAIGN,
} from '../../core/src/mechanics/bargain/bargain-fixture.test-utils.js';
import { LEADS } from './lead-fixture.test-utils.js';
import { renderDocument } from './render-document.js';

async function page(extra: Record<string, unknown>, at = DURING_CAMPAIGN) {
  const campaign = defineCampaign(bargainCampaignInput({}, extra), 'bargain');
  const clock = createManualClock(DURING_CAMPAIGN);
  const engine = createEngine({ campaigns: [campaign], clock });
  await engine.start(campaign.id, { actor: { id: 'alice' }, instanceId: 'b1' });
  clock.set(at);
  return renderDocument({
    campaign,
    view: await engine.view('b1', { id: 'carol' }),
    disclosure: engine.disclose(campaign.id, 'zh-CN'),
    locale: 'zh-CN',
    leadFormAction: '/leads',
  });
}

describe('lead form and personal-information notice (PIPL)', () => {
  it('keeps each purpose its own box: one required for the form, marketing optional and unticked', async () => {
    const html = await page(LEADS);
    expect(html).toMatch(/<input type="checkbox" name="consent" required\/?>.*通知砍价进度并联系发货/);
    expect(html).toMatch(/<input type="checkbox" name="consent-marketing-sms"\/?> 同意接收新品与优惠短信/);
    expect(html).not.toMatch(/name="consent-marketing-sms"[^>]*required/);
    expect(html).not.toMatch(/checked/);
  });

  it('states processor, purpose, retention and contact from the fields, and claims nothing it was not told', async () => {
    const html = await page(LEADS);
    for (const text of [
      '个人信息处理者：青山茶业（杭州）有限公司，联系方式：privacy@example.com',
      '用途：通知砍价进度并联系发货',
      '仅在你另行勾选时：同意接收新品与优惠短信',
      '保存期限：180 天',
      '青山茶业（杭州）有限公司声明：不向其他个人信息处理者提供',
    ])
      expect(html).toContain(text);
    expect(html).not.toContain('不向第三方提供');
  });

  it('names each third party and gives sharing with it a box of its own', async () => {
    const html = await page({
      ...LEADS,
      disclosure: {
        ...LEADS.disclosure,
        privacy: {
          ...LEADS.disclosure.privacy,
          recipients: [{ name: '顺丰速运', purpose: '配送奖品' }],
        },
      },
    });
    expect(html).toContain('向以下第三方提供（须经你单独同意）：顺丰速运（配送奖品）');
    expect(html).toMatch(/name="consent-recipient-0"\/?> 同意向顺丰速运提供我的手机号，用于配送奖品/);
  });

  it('takes no leads without a notice, before the start or after the end', async () => {
    const noNotice = await page({
      page: LEADS.page,
      disclosure: { organizer: LEADS.disclosure.organizer },
    });
    expect(noNotice).not.toContain('data-lead');
    expect(noNotice).not.toContain('privacy-title');
    const ended = await page(LEADS, Date.parse('2027-01-01T00:00:00+08:00'));
    expect(ended).not.toContain('data-lead');
    expect(ended).toContain('privacy-title');
  });
});

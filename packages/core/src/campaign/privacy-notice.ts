import type { Locale } from '../mechanics/mechanic.js';
import { plural, type Text } from '../mechanics/shared/disclosure-lines.js';
import type { CampaignCommon } from './campaign-schema.js';

/** The personal-information notice a page with a lead form shows (PIPL Art 17), in one language. */
export interface PrivacyNoticeText {
  readonly title: string;
  readonly lines: readonly string[];
}

/**
 * The notice for the campaign's lead form, built only from its fields: who processes the phone number and how to
 * reach them, for what (the form's purpose, then each optional consent, used only when ticked), how long it is
 * kept, and to whom it is given — the operator's own statement, never assumed. Null without a lead form or
 * without `disclosure.privacy` (then the page takes no leads; the lint reports it).
 * @example privacyNotice(campaign, 'zh-CN')?.lines[0] // "个人信息处理者：青山茶业（杭州）有限公司，联系方式：…"
 */
export function privacyNotice(
  c: Pick<CampaignCommon, 'page' | 'disclosure'>,
  locale: Locale,
): PrivacyNoticeText | null {
  const form = c.page.cta.leadForm;
  const privacy = c.disclosure.privacy;
  if (!form?.enabled || privacy === undefined) return null;
  const lines: Text[] = [
    {
      'zh-CN': `个人信息处理者：${privacy.processor}，联系方式：${privacy.contact}（查阅、复制、更正、删除你的个人信息或撤回同意，均可通过此方式联系）。`,
      en: `Processed by ${privacy.processor}; contact ${privacy.contact} to see, copy, correct or delete your data or to withdraw consent.`,
    },
    {
      'zh-CN': `收集的信息：手机号码。用途：${form.purpose}。`,
      en: `What is collected: your phone number. What for: ${form.purpose}.`,
    },
    ...form.consents.map((consent) => ({
      'zh-CN': `仅在你另行勾选时：${consent.label}。不勾选不影响参与活动。`,
      en: `Only if you tick it: ${consent.label}. Not ticking it never stops you taking part.`,
    })),
    {
      'zh-CN': `保存期限：${privacy.retentionDays} 天，期满后删除或匿名化处理。`,
      en: `Kept for ${plural(privacy.retentionDays, 'day')}, then deleted or anonymised.`,
    },
    privacy.recipients.length === 0
      ? {
          'zh-CN': `${privacy.processor}声明：不向其他个人信息处理者提供你的个人信息。`,
          en: `${privacy.processor} states that it gives your data to no other party.`,
        }
      : {
          'zh-CN': `向以下第三方提供（须经你单独同意）：${privacy.recipients.map((r) => `${r.name}（${r.purpose}）`).join('；')}。`,
          en: `Given, with your separate consent, to: ${privacy.recipients.map((r) => `${r.name} (${r.purpose})`).join('; ')}.`,
        },
  ];
  return {
    title: locale === 'zh-CN' ? '个人信息保护说明' : 'Your personal information',
    lines: lines.map((line) => line[locale]),
  };
}

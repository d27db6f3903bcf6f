import type { AnyCampaign, InstanceView, Locale } from '@liebian/core';
import { AssistWidget } from './assist-widget.js';
import { BargainWidget } from './bargain-widget.js';
import { CouponWidget } from './coupon-widget.js';
import { GroupBuyWidget } from './group-buy-widget.js';
import { LeaderboardWidget } from './leaderboard-widget.js';
import { ReferralWidget } from './referral-widget.js';
import { SwapWidget } from './swap-widget.js';

/** The live widget of an instance, chosen by its kind. */
export function InstanceWidget({
  view,
  locale,
  campaign,
}: {
  view: InstanceView;
  locale: Locale;
  campaign: AnyCampaign;
}) {
  const rewardName = (id: string) => campaign.rewards.find((r) => r.id === id)?.name ?? id;
  switch (view.kind) {
    case 'bargain':
      return <BargainWidget view={view} locale={locale} />;
    case 'assist':
      return <AssistWidget view={view} locale={locale} rewardName={rewardName} />;
    case 'coupon':
      return <CouponWidget view={view} locale={locale} timezone={campaign.timezone} />;
    case 'group-buy':
      return <GroupBuyWidget view={view} locale={locale} />;
    case 'leaderboard':
      return <LeaderboardWidget view={view} locale={locale} rewardName={rewardName} />;
    case 'referral':
      return <ReferralWidget view={view} locale={locale} rewardName={rewardName} />;
    case 'swap':
      return <SwapWidget view={view} locale={locale} />;
  }
}

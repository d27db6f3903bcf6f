import type { AnyCampaign, InstanceView } from '@liebian/core';
import type { Copy } from '../copy/zh-cn.js';
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
  copy,
  campaign,
}: {
  view: InstanceView;
  copy: Copy;
  campaign: AnyCampaign;
}) {
  const rewardName = (id: string) => campaign.rewards.find((r) => r.id === id)?.name ?? id;
  switch (view.kind) {
    case 'bargain':
      return <BargainWidget view={view} copy={copy} rewardName={rewardName} />;
    case 'assist':
      return <AssistWidget view={view} copy={copy} rewardName={rewardName} />;
    case 'coupon':
      return <CouponWidget view={view} copy={copy} timezone={campaign.timezone} />;
    case 'group-buy':
      return <GroupBuyWidget view={view} copy={copy} />;
    case 'leaderboard':
      return <LeaderboardWidget view={view} copy={copy} rewardName={rewardName} />;
    case 'referral':
      return <ReferralWidget view={view} copy={copy} rewardName={rewardName} />;
    case 'swap':
      return <SwapWidget view={view} copy={copy} />;
  }
}

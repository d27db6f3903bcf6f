import type { CampaignCommon } from './campaign-schema.js';

/** Where a campaign is in its life: draft → scheduled → live ⇄ paused → ended. */
export type CampaignPhase = 'draft' | 'scheduled' | 'live' | 'paused' | 'ended';

/**
 * The phase of a campaign at `now`, from its operator status and its schedule. `scheduled` and `ended` follow
 * from the clock; `draft` and `paused` from the status the operator sets.
 */
export function campaignPhase(
  campaign: Pick<CampaignCommon, 'status' | 'schedule'>,
  now: number,
): CampaignPhase {
  if (campaign.status === 'draft') return 'draft';
  if (now >= campaign.schedule.endsAt) return 'ended';
  if (now < campaign.schedule.startsAt) return 'scheduled';
  return campaign.status === 'paused' ? 'paused' : 'live';
}

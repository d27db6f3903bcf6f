import type { AnyCampaign } from '@liebian/core';
import type { CampaignPhase } from '@liebian/core/mechanics';

/** The phase controls. `schedule` puts a draft on its schedule (live now, or scheduled until it starts). */
export type PhaseControl = 'schedule' | 'pause' | 'resume' | 'end';
export const PHASE_CONTROLS: readonly PhaseControl[] = ['schedule', 'pause', 'resume', 'end'];

/** Which controls a campaign in `phase` offers. `end` is offered for a started one too, to say why it cannot. */
export function controlsFor(phase: CampaignPhase): PhaseControl[] {
  switch (phase) {
    case 'draft':
      return ['schedule', 'end'];
    case 'scheduled':
      return ['end'];
    case 'live':
      return ['pause', 'end'];
    case 'paused':
      return ['resume', 'end'];
    case 'ended':
      return [];
  }
}

/** Whether ending now moves a published end forward (the engine's frozen rules refuse that once started). */
export const endIsRefused = (phase: CampaignPhase) => phase === 'live' || phase === 'paused';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The campaign definition after `control` at `now`, as input for `engine.replaceCampaign` (a validated campaign
 * holds instants as numbers; definitions take ISO strings). Everything else is kept as it is.
 */
export function changedDefinition(campaign: AnyCampaign, control: PhaseControl, now: number): unknown {
  const { startsAt, endsAt } = campaign.schedule;
  const schedule =
    control === 'end'
      ? { startsAt: iso(Math.min(startsAt, now - 1)), endsAt: iso(now) }
      : { startsAt: iso(startsAt), endsAt: iso(endsAt) };
  const status =
    control === 'pause'
      ? 'paused'
      : control === 'resume' || control === 'schedule'
        ? 'live'
        : campaign.status;
  return { ...campaign, status, schedule };
}

/** What the audit keeps of a campaign's phase: its status and schedule (ISO), and the phase they make. */
export function phaseFacts(campaign: AnyCampaign, phase: CampaignPhase) {
  return {
    phase,
    status: campaign.status,
    startsAt: iso(campaign.schedule.startsAt),
    endsAt: iso(campaign.schedule.endsAt),
  };
}

/** The campaign's definition with a recorded phase (`phaseFacts`) applied: how a restart restores a change. */
export function definitionWith(
  campaign: AnyCampaign,
  facts: { readonly status: string; readonly startsAt: string; readonly endsAt: string },
): unknown {
  return { ...campaign, status: facts.status, schedule: { startsAt: facts.startsAt, endsAt: facts.endsAt } };
}

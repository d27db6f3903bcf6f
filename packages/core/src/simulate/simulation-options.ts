import type { AnyCampaign } from '../campaign/define-campaign.js';
import { LiebianError } from '../errors/liebian-error.js';

/**
 * The synthetic population of a forecast. Every participant shares with probability `shareRate`; a share reaches
 * `reach` friends, each through one of `openRate`'s channels (drawn evenly) and opening the link with that channel's
 * rate; an opened link is acted on with probability `actionRate` after a wait drawn from an exponential distribution
 * with mean `timeToActMinutes`; a friend who acted launches an instance of their own with probability `launchRate`
 * (after another such wait). A friend is a new user with probability `newUserShare`; an initiator who can buy (a
 * bargain at its price) does so with probability `purchaseRate`.
 *
 * The expected friends who launch per participant — the K-factor — is
 * `shareRate × reach × mean(openRate) × actionRate × launchRate`.
 */
export interface SimulationOptions {
  /** Participants who launch on day one, spread over its first `seedHours` hours. */
  readonly seeds: number;
  readonly seedHours?: number;
  readonly shareRate: number;
  readonly reach: number;
  /** By channel: `{ moments: 0.3, group: 0.5 }`. */
  readonly openRate: Readonly<Record<string, number>>;
  readonly actionRate: number;
  readonly launchRate: number;
  readonly newUserShare: number;
  readonly timeToActMinutes: number;
  readonly purchaseRate?: number;
  /** How many runs (default 100), each with its own seed. */
  readonly runs?: number;
  /** The seed of the first run; run i uses `seed + i` (default 1). */
  readonly seed?: number;
  /** Days simulated from the campaign's start (default: to its end, at most 60). */
  readonly days?: number;
  /** The budget "exceeding" is measured against, in 分 (default the campaign's `budget.totalFen`). */
  readonly budgetFen?: number;
  /** Stops a run that reaches this many participants (default 1,000,000). */
  readonly maxParticipants?: number;
}

const issue = (path: string, value: unknown, message: string) =>
  new LiebianError('invalid-argument', `${path} = ${JSON.stringify(value)}: ${message}`, {
    issues: [{ path, value, message }],
  });

const rate = (path: string, value: unknown) => {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw issue(path, value, 'must be a probability from 0 to 1, e.g. 0.3');
  return value;
};
const count = (path: string, value: unknown, min: number, max: number) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw issue(path, value, `must be a whole number from ${min} to ${max}`);
  return value;
};

/** Options checked and with their defaults: each bad field is a `LiebianError` (`invalid-argument`) naming it. */
export type CheckedOptions = Required<Omit<SimulationOptions, 'budgetFen'>> & {
  readonly budgetFen: number | null;
};

/**
 * Checks a forecast's options against the campaign.
 *
 * @example
 * checkSimulationOptions(campaign, { seeds: 100, shareRate: 0.5, reach: 3, openRate: { moments: 0.3 }, … });
 */
export function checkSimulationOptions(campaign: AnyCampaign, options: SimulationOptions): CheckedOptions {
  const channels = Object.entries(options.openRate ?? {});
  if (channels.length === 0)
    throw issue('openRate', options.openRate, 'name at least one channel, e.g. { moments: 0.3 }');
  for (const [channel, value] of channels) {
    if (!/^[a-z0-9-]{1,32}$/.test(channel))
      throw issue(`openRate.${channel}`, channel, 'a channel is 1–32 characters of a–z, 0–9 or "-"');
    rate(`openRate.${channel}`, value);
  }
  const spanDays = Math.ceil((campaign.schedule.endsAt - campaign.schedule.startsAt) / 86_400_000);
  const budgetFen = options.budgetFen ?? campaign.budget?.totalFen ?? null;
  if (budgetFen !== null) count('budgetFen', budgetFen, 0, Number.MAX_SAFE_INTEGER);
  return {
    seeds: count('seeds', options.seeds, 1, 1_000_000),
    seedHours: count('seedHours', options.seedHours ?? 1, 1, 24 * 60),
    shareRate: rate('shareRate', options.shareRate),
    reach: count('reach', options.reach, 0, 10_000),
    openRate: options.openRate,
    actionRate: rate('actionRate', options.actionRate),
    launchRate: rate('launchRate', options.launchRate),
    newUserShare: rate('newUserShare', options.newUserShare),
    timeToActMinutes: (() => {
      const v = options.timeToActMinutes;
      if (typeof v !== 'number' || !(v > 0 && v <= 100_000))
        throw issue('timeToActMinutes', v, 'must be more than 0 minutes');
      return v;
    })(),
    purchaseRate: rate('purchaseRate', options.purchaseRate ?? 1),
    runs: count('runs', options.runs ?? 100, 1, 100_000),
    seed: count('seed', options.seed ?? 1, 0, 2 ** 31 - 1),
    days: count('days', options.days ?? Math.min(60, spanDays), 1, 3_660),
    budgetFen,
    maxParticipants: count('maxParticipants', options.maxParticipants ?? 1_000_000, 1, 100_000_000),
  };
}

/** The K-factor the options imply: friends who launch per participant. */
export const impliedK = (
  o: Pick<SimulationOptions, 'shareRate' | 'reach' | 'openRate' | 'actionRate' | 'launchRate'>,
) => {
  const rates = Object.values(o.openRate);
  const open = rates.reduce((a, b) => a + b, 0) / Math.max(1, rates.length);
  return o.shareRate * o.reach * open * o.actionRate * o.launchRate;
};

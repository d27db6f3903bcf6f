import type { AnyCampaign } from '../campaign/define-campaign.js';
import { LiebianError } from '../errors/liebian-error.js';
import { FRIEND_COMMAND, type RunOutcome, simulateRun } from './run-simulation.js';
import { checkSimulationOptions, impliedK, type SimulationOptions } from './simulation-options.js';

/** A figure over the runs: its mean and the 5th, 50th and 95th percentiles (nearest rank). */
export interface Band {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** A day something ran out, over the runs where it did. */
export interface RunOut {
  /** Share of runs in which it happened. */
  readonly probability: number;
  /** The day (1 = the first) over those runs; null when it never happened. */
  readonly day: Band | null;
}

/** What `simulateCampaign` returns. */
export interface SimulationResult {
  readonly campaignId: string;
  readonly runs: number;
  readonly seeds: number;
  readonly days: number;
  /** The K-factor the options imply (`impliedK`). */
  readonly impliedK: number;
  readonly participants: Band;
  readonly friends: Band;
  readonly newUsers: Band;
  readonly payingCustomers: Band;
  readonly costFen: Band;
  readonly revenueFen: Band;
  /** (revenue − cost) ÷ cost per run, over the runs with a cost. */
  readonly roi: Band | null;
  readonly stockOut: RunOut;
  readonly budgetOut: RunOut;
  /** The budget compared against (null: none given or in the campaign). */
  readonly budgetFen: number | null;
  /** Share of runs whose cost went over `budgetFen` (null without a budget). */
  readonly overBudgetProbability: number | null;
  /** Cumulative participants by day, as bands over the runs. */
  readonly cumulative: readonly Band[];
  /** Runs stopped at `maxParticipants`. */
  readonly cappedRuns: number;
  /** Refusals by reason, as the mean per run (what the campaign's rules turned away). */
  readonly refusals: Readonly<Record<string, number>>;
}

/** The band of some values (at least one). */
export function band(values: readonly number[]): Band {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
  return {
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    p5: at(0.05),
    p50: at(0.5),
    p95: at(0.95),
  };
}

const meanRefusals = (outcomes: readonly RunOutcome[]) => {
  const sums: Record<string, number> = {};
  for (const r of outcomes)
    for (const [reason, n] of Object.entries(r.refusals)) sums[reason] = (sums[reason] ?? 0) + n;
  return Object.fromEntries(Object.entries(sums).map(([reason, n]) => [reason, n / outcomes.length]));
};

const runOut = (days: readonly (number | null)[]): RunOut => {
  const happened = days.filter((d): d is number => d !== null);
  return { probability: happened.length / days.length, day: happened.length ? band(happened) : null };
};

/**
 * A forecast before launch: runs the campaign's real mechanics (the engine on a memory store with a manual clock, so
 * every cap, stock, budget and deadline applies) over a synthetic population, many times with seeded randomness, and
 * returns 5–95 % bands of participants, new users, cost, revenue and ROI, the day stock and budget run out and the
 * chance of going over budget. Deterministic: the same options give the same result.
 *
 * @example
 * const forecast = await simulateCampaign(campaign, {
 *   seeds: 200, shareRate: 0.4, reach: 5, openRate: { moments: 0.2, group: 0.4 },
 *   actionRate: 0.6, launchRate: 0.3, newUserShare: 0.5, timeToActMinutes: 30, runs: 50,
 * });
 * forecast.participants; // { mean, p5, p50, p95 }
 */
export async function simulateCampaign(
  campaign: AnyCampaign,
  options: SimulationOptions,
  onProgress: (done: number, runs: number) => void = () => {},
): Promise<SimulationResult> {
  if (!FRIEND_COMMAND[campaign.kind])
    throw new LiebianError(
      'not-simulated',
      `campaign "${campaign.id}" is a ${campaign.kind} campaign; the forecast runs ${Object.keys(FRIEND_COMMAND).join(' and ')} campaigns so far`,
    );
  const o = checkSimulationOptions(campaign, options);
  const outcomes: RunOutcome[] = [];
  for (let run = 0; run < o.runs; run++) {
    outcomes.push(await simulateRun(campaign, o, run));
    onProgress(run + 1, o.runs);
  }
  const of = (pick: (r: RunOutcome) => number) => band(outcomes.map(pick));
  const rois = outcomes.filter((r) => r.costFen > 0).map((r) => (r.revenueFen - r.costFen) / r.costFen);
  const cumulative = Array.from({ length: o.days }, (_, day) =>
    of((r) => r.daily.slice(0, day + 1).reduce((a, b) => a + b, 0)),
  );
  return {
    campaignId: campaign.id,
    runs: o.runs,
    seeds: o.seeds,
    days: o.days,
    impliedK: impliedK(o),
    participants: of((r) => r.participants),
    friends: of((r) => r.friends),
    newUsers: of((r) => r.newUsers),
    payingCustomers: of((r) => r.payingCustomers),
    costFen: of((r) => r.costFen),
    revenueFen: of((r) => r.revenueFen),
    roi: rois.length ? band(rois) : null,
    stockOut: runOut(outcomes.map((r) => r.stockOutDay)),
    budgetOut: runOut(outcomes.map((r) => r.budgetOutDay)),
    budgetFen: o.budgetFen,
    overBudgetProbability:
      o.budgetFen === null
        ? null
        : outcomes.filter((r) => r.costFen > (o.budgetFen as number)).length / o.runs,
    cumulative,
    cappedRuns: outcomes.filter((r) => r.capped).length,
    refusals: meanRefusals(outcomes),
  };
}

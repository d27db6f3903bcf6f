import { createAnalytics } from '../analytics/create-analytics.js';
import type { AnyCampaign } from '../campaign/define-campaign.js';
import { createEngine } from '../engine/create-engine.js';
import type { Actor } from '../mechanics/mechanic.js';
import { createManualClock } from '../primitives/clock.js';
import { sequentialIds } from '../primitives/ids.js';
import { seededRandom } from '../primitives/random.js';
import { createMemoryStore } from '../store/memory-store.js';
import { EventQueue } from './event-queue.js';
import type { CheckedOptions } from './simulation-options.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How often simulated time delivers due deadlines. */
const TICK_EVERY = 15 * MINUTE;

/** What a friend does on someone's instance, per kind the forecast can run. */
export const FRIEND_COMMAND: Readonly<Partial<Record<AnyCampaign['kind'], string>>> = {
  bargain: 'bargain.help',
  assist: 'assist.help',
};

type Action =
  | { readonly kind: 'launch'; readonly actor: Actor; readonly channel: string | null }
  | { readonly kind: 'act'; readonly instanceId: string; readonly actor: Actor; readonly channel: string }
  | { readonly kind: 'purchase'; readonly instanceId: string; readonly actor: Actor };

/** One run of a forecast. */
export interface RunOutcome {
  readonly participants: number;
  readonly friends: number;
  readonly newUsers: number;
  readonly payingCustomers: number;
  readonly costFen: number;
  readonly revenueFen: number;
  /** Participants per day (day 1 first). */
  readonly daily: readonly number[];
  /** The day (1 = the first) a launch or action was first refused `sold-out`; null if never. */
  readonly stockOutDay: number | null;
  /** The day one was first refused `budget-exhausted`; null if never. */
  readonly budgetOutDay: number | null;
  /** Launches and actions the engine refused, by reason (sold-out, launch-limit, floor-reached, …). */
  readonly refusals: Readonly<Record<string, number>>;
  /** Whether the run stopped at `maxParticipants`. */
  readonly capped: boolean;
}

/**
 * One run: the campaign's real engine on a memory store with a manual clock, driven by the synthetic population
 * (see `SimulationOptions`), every deadline delivered by `tick` as time passes; its figures are counted by the
 * analytics consumer, as a live campaign's would be.
 *
 * @example
 * const outcome = await simulateRun(campaign, checkSimulationOptions(campaign, options), 0);
 */
export async function simulateRun(
  campaign: AnyCampaign,
  o: CheckedOptions,
  run: number,
): Promise<RunOutcome> {
  const command = FRIEND_COMMAND[campaign.kind] as string;
  const draw = seededRandom(o.seed + run);
  const start = campaign.schedule.startsAt;
  const end = Math.min(campaign.schedule.endsAt, start + o.days * DAY);
  const clock = createManualClock(start);
  const store = createMemoryStore();
  const engine = createEngine({
    campaigns: [campaign],
    store,
    clock,
    random: seededRandom((o.seed + run) ^ 0x5bd1e995),
    ids: sequentialIds(`run${run}`),
    recordEvents: true,
  });
  const channels = Object.keys(o.openRate);
  const wait = () => -Math.log(1 - draw.next()) * o.timeToActMinutes * MINUTE;
  const dayOf = (at: number) => Math.floor((at - start) / DAY) + 1;
  const daily = Array.from({ length: o.days }, () => 0);
  let people = 0;
  let participants = 0;
  let stockOutDay: number | null = null;
  let budgetOutDay: number | null = null;
  const refusals: Record<string, number> = {};
  const refused = (reason: string, at: number) => {
    refusals[reason] = (refusals[reason] ?? 0) + 1;
    if (reason === 'sold-out') stockOutDay ??= dayOf(at);
    if (reason === 'budget-exhausted') budgetOutDay ??= dayOf(at);
  };
  const initiators = new Map<string, Actor>();
  const queue = new EventQueue<Action>();
  for (let i = 0; i < o.seeds; i++)
    queue.push(start + draw.next() * o.seedHours * 3_600_000, {
      kind: 'launch',
      actor: { id: `p${++people}` },
      channel: null,
    });

  let lastTick = start;
  let capped = false;
  try {
    for (let next = queue.pop(); next; next = queue.pop()) {
      const { at, item } = next;
      if (at >= end) break;
      clock.set(Math.round(at));
      // Deadlines apply on the next event of their instance anyway; `tick` delivers the rest (expiries, refunds).
      if (at - lastTick >= TICK_EVERY) {
        await engine.tick();
        lastTick = at;
      }
      if (item.kind === 'launch') {
        const started = await engine.start(campaign.id, {
          actor: item.actor,
          ...(item.channel ? { channel: item.channel } : {}),
        });
        if (started.status === 'rejected') {
          refused(started.reason, at);
          continue;
        }
        participants++;
        initiators.set(started.instanceId, item.actor);
        daily[dayOf(at) - 1] = (daily[dayOf(at) - 1] ?? 0) + 1;
        if (participants >= o.maxParticipants) {
          capped = true;
          break;
        }
        if (draw.next() >= o.shareRate) continue;
        for (let r = 0; r < o.reach; r++) {
          const channel = channels[Math.floor(draw.next() * channels.length)] as string;
          if (draw.next() >= (o.openRate[channel] ?? 0) || draw.next() >= o.actionRate) continue;
          const newUser = draw.next() < o.newUserShare;
          const actor: Actor = newUser ? { id: `p${++people}`, newUser } : { id: `p${++people}` };
          queue.push(at + wait(), { kind: 'act', instanceId: started.instanceId, actor, channel });
        }
      } else if (item.kind === 'act') {
        const answer = await engine.send(
          item.instanceId,
          { type: command },
          {
            actor: item.actor,
            channel: item.channel,
          },
        );
        if (answer.status === 'rejected') {
          refused(answer.reason, at);
          continue;
        }
        if (draw.next() < o.launchRate)
          queue.push(at + wait(), { kind: 'launch', actor: item.actor, channel: item.channel });
        const initiator = initiators.get(item.instanceId);
        if (
          initiator &&
          answer.effects.some((e) => e.type === 'bargain.purchasable') &&
          draw.next() < o.purchaseRate
        )
          queue.push(at + wait(), { kind: 'purchase', instanceId: item.instanceId, actor: initiator });
      } else {
        const answer = await engine.send(
          item.instanceId,
          { type: 'bargain.purchase', orderId: `order-${item.instanceId}` },
          { actor: item.actor },
        );
        if (answer.status === 'rejected') refused(answer.reason, at);
      }
    }
    clock.set(end);
    await engine.tick();
    const analytics = createAnalytics({ store, campaigns: [campaign], clock, pageSize: 1_000 });
    await analytics.consumer.drain();
    const { totals } = await analytics.report(campaign.id);
    return {
      participants: totals.participants,
      friends: totals.friends,
      newUsers: totals.newUsers,
      payingCustomers: totals.payingCustomers,
      costFen: totals.money.costFen,
      revenueFen: totals.money.revenueFen,
      daily,
      stockOutDay,
      budgetOutDay,
      refusals,
      capped,
    };
  } finally {
    await engine.dispose();
  }
}

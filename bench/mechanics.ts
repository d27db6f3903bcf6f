import { type Command, createEngine, createMemoryStore, defineCampaign } from '@liebian/core';
import { type AnyMechanic, mechanicFor } from '@liebian/core/mechanics';
import { createManualClock, seededRandom } from '@liebian/core/testing';
import { transition } from 'xstate';
import {
  assistCampaignInput,
  DURING_ASSIST,
} from '../packages/core/src/mechanics/assist/assist-fixture.test-utils.js';
import { couponCampaignInput } from '../packages/core/src/mechanics/coupon/coupon-fixture.test-utils.js';
import { groupBuyCampaignInput } from '../packages/core/src/mechanics/group-buy/group-buy-fixture.test-utils.js';
import { leaderboardCampaignInput } from '../packages/core/src/mechanics/leaderboard/leaderboard-fixture.test-utils.js';
import { referralCampaignInput } from '../packages/core/src/mechanics/referral/referral-fixture.test-utils.js';
import { book, swapCampaignInput } from '../packages/core/src/mechanics/swap/swap-fixture.test-utils.js';
import { cachedLogic } from './cpu.js';
import { type Measurement, measure } from './measure.js';

const PRODUCERS = 64;

/** A workload: instances to start, then friend commands spread over them. */
interface Workload {
  readonly name: string;
  readonly campaign: unknown;
  readonly instances: number;
  readonly startInput?: (i: number) => unknown;
  /** Commands per instance, each from its own friend (or from `operator` when set). */
  readonly perInstance: number;
  /** Commands and starts come from a back-end operator (score reports, boards only operators open). */
  readonly operator?: boolean;
  command(i: number): Command;
}

export const WORKLOADS: Workload[] = [
  {
    name: 'assist (帮): helps on one hot task',
    campaign: assistCampaignInput({
      tiers: [
        { helps: 5_000, rewardId: 'coupon-5' },
        { helps: 20_001, rewardId: 'latte' },
      ],
    }),
    instances: 1,
    perInstance: 20_000,
    command: () => ({ type: 'assist.help' }),
  },
  {
    name: 'coupon (券): claims over 200 shares of 100',
    campaign: couponCampaignInput({ friendsPerShare: 100, sharerCouponsPerShare: 0 }),
    instances: 200,
    perInstance: 100,
    command: () => ({ type: 'coupon.claim' }),
  },
  {
    name: 'group-buy (拼): joins over 1,000 groups of 10',
    campaign: groupBuyCampaignInput({ size: 10, perUserLimit: 1 }),
    instances: 1_000,
    perInstance: 9,
    command: () => ({ type: 'group-buy.join' }),
  },
  {
    name: 'swap (换): proposals over 200 listings',
    campaign: swapCampaignInput({ maxOpenProposals: 100, maxProposals: 100 }),
    instances: 200,
    startInput: (i) => ({ item: book(`listing-${i}`) }),
    perInstance: 50,
    command: (i) => ({ type: 'swap.propose', offer: book(`offer-${i}`) }),
  },
  {
    name: 'leaderboard (比): score reports on one hot board, 2,000 members',
    campaign: leaderboardCampaignInput({ window: { type: 'calendar', period: 'month' } }),
    instances: 1,
    perInstance: 20_000,
    operator: true,
    command: (i) => ({ type: 'leaderboard.score', member: `member-${i % 2_000}`, points: 1 }),
  },
  {
    name: 'referral (送): accepts over 200 links of 100',
    campaign: referralCampaignInput({ maxRefereesPerLink: 100 }, { budget: { totalFen: 100_000_000 } }),
    instances: 200,
    perInstance: 100,
    command: () => ({ type: 'referral.accept' }),
  },
];

const OPERATOR = { id: 'ops', operator: true };

/** The engine applying the workload with 64 concurrent producers, memory store. */
export async function engineRun(w: Workload): Promise<Measurement> {
  const campaign = defineCampaign(w.campaign);
  const engine = createEngine({
    campaigns: [campaign],
    store: createMemoryStore(),
    clock: createManualClock(DURING_ASSIST),
    random: seededRandom(1),
  });
  for (let i = 0; i < w.instances; i++) {
    await engine.start(campaign.id, {
      actor: w.operator ? OPERATOR : { id: `initiator-${i}` },
      instanceId: `i${i}`,
      input: w.startInput?.(i),
    });
  }
  const total = w.instances * w.perInstance;
  let next = 0;
  const producer = async () => {
    while (next < total) {
      const n = next++;
      const result = await engine.send(
        `i${n % w.instances}`,
        { ...w.command(n), eventId: `e${n}` },
        { actor: w.operator ? OPERATOR : { id: `friend-${n}` } },
      );
      if (result.status !== 'accepted') throw new Error(`${w.name}: event ${n} ${JSON.stringify(result)}`);
    }
  };
  const m = await measure(`engine.send(), ${w.name}`, total, () =>
    Promise.all(Array.from({ length: PRODUCERS }, producer)).then(() => {}),
  );
  await engine.dispose();
  return m;
}

/** The same events through raw xstate `transition()`, one instance after another. */
export function rawRun(w: Workload): Promise<Measurement> {
  const campaign = defineCampaign(w.campaign);
  const mechanic: AnyMechanic = mechanicFor(campaign.kind);
  const total = w.instances * w.perInstance;
  // The instances' first snapshots are made before the clock starts (the engine's starts are untimed too), and
  // `transition()` gets the machine with its initial snapshot cached, as the engine's does.
  const logic = cachedLogic(mechanic);
  const snapshots = Array.from({ length: w.instances }, (_, i) =>
    mechanic.machine.resolveState(
      mechanic.initialState({
        campaign,
        instanceId: `i${i}`,
        initiator: w.operator ? OPERATOR : { id: `initiator-${i}` },
        now: DURING_ASSIST,
        seed: 1,
        input: w.startInput?.(i),
      }),
    ),
  );
  return measure(`raw transition(), ${w.name}`, total, () => {
    for (let n = 0; n < total; n++) {
      const i = n % w.instances;
      const actor = w.operator ? OPERATOR : { id: `friend-${n}` };
      const event = { ...w.command(n), eventId: `e${n}`, actor, at: DURING_ASSIST };
      let [next] = transition(logic, snapshots[i] as never, event as never);
      // A board's score intents are dropped after each commit; do the same every batch-sized run of events.
      if (mechanic.board && n % 256 === 255) {
        next = mechanic.machine.resolveState({
          value: next.value,
          context: mechanic.board.withoutIntents(next.context),
        });
      }
      snapshots[i] = next as (typeof snapshots)[number];
    }
  });
}

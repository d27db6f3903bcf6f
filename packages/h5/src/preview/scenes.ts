import { type Actor, type AnyCampaign, type Command, createEngine, type Engine } from '@liebian/core';
import { dailyWindow } from '@liebian/core/mechanics';
import { createManualClock, type ManualClock, seededRandom, sequentialIds } from '@liebian/core/testing';

/**
 * The people of a preview: the initiator, friends who act, and someone who only looks.
 *
 * @example
 * console.log(PREVIEW_PEOPLE.initiator, PREVIEW_PEOPLE.friends.length); // '小明' 10
 */
export const PREVIEW_PEOPLE = {
  initiator: '小明',
  friends: ['小红', '阿强', '丽丽', '大伟', '小芳', '阿杰', '晓雯', '志强', '佳佳', '浩然'],
  visitor: '路人甲',
} as const;

/** Operators of the preview: the shop's back end reporting orders, steps, conversions. */
const BACK_END: Actor = { id: 'preview-back-end', operator: true };

/**
 * Which state a preview shows: just started, after three friends acted, goal reached, after the deadline.
 *
 * @example
 * const id: SceneId = 'active';
 * const played = await playScene(campaign, id);
 */
export type SceneId = 'fresh' | 'active' | 'done' | 'ended';

/**
 * One state a preview shows: its id and its label in each locale.
 *
 * @example
 * const scene: Scene = { id: 'ended', label: { 'zh-CN': '到期之后', en: 'After the deadline' } };
 */
export interface Scene {
  readonly id: SceneId;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
}

/**
 * The states a preview shows side by side, in order.
 *
 * @example
 * for (const scene of SCENES) console.log(scene.id, scene.label['zh-CN']); // 'fresh' '刚发起', …
 */
export const SCENES: readonly Scene[] = [
  { id: 'fresh', label: { 'zh-CN': '刚发起', en: 'Just started' } },
  { id: 'active', label: { 'zh-CN': '三位好友参与后', en: 'Three friends acted' } },
  { id: 'done', label: { 'zh-CN': '达成目标', en: 'Goal reached' } },
  { id: 'ended', label: { 'zh-CN': '到期之后', en: 'After the deadline' } },
];

/**
 * What the n-th friend does on each kind of instance of `campaign` (previews, screenshots, the demo's simulated
 * friends).
 *
 * @example
 * const help = FRIEND_ACTION.bargain(1, campaign); // { type: 'bargain.help' }
 * await engine.send(instanceId, help, { actor: { id: 'friend-1' } });
 */
export const FRIEND_ACTION: {
  readonly [K in AnyCampaign['kind']]: (n: number, campaign: AnyCampaign) => Command<K>;
} = {
  bargain: () => ({ type: 'bargain.help' }),
  assist: () => ({ type: 'assist.help' }),
  coupon: (_n, c) => ({
    type: c.kind === 'coupon' && c.rules.mode === 'share' ? 'coupon.claim' : 'coupon.join',
  }),
  'group-buy': () => ({ type: 'group-buy.join' }),
  swap: (n) => ({
    type: 'swap.propose',
    offer: { id: `book-${n}`, title: ['《长安的荔枝》', '《人类简史》', '《活着》'][n % 3] as string },
  }),
  leaderboard: (n) => ({ type: 'leaderboard.join', side: n % 2 === 0 ? 'b' : 'a' }),
  referral: () => ({ type: 'referral.accept' }),
};

/** What a launch needs (a swap lists an item; others need nothing). */
const startInput = (campaign: AnyCampaign): unknown =>
  campaign.kind === 'swap'
    ? {
        item: {
          id: 'my-book',
          title: '《三体》全三册',
          description: '九成新，无笔记',
          estimatedValueFen: 6800,
        },
      }
    : undefined;

/**
 * A scene played on a real engine: the engine and its clock, the instance, and a viewer per preview role.
 *
 * @example
 * const played: PlayedScene = await playScene(campaign, 'active');
 * const view = await played.engine.view(played.instanceId, played.viewers.friend);
 */
export interface PlayedScene {
  readonly engine: Engine;
  readonly clock: ManualClock;
  readonly instanceId: string;
  /** The viewer for each role of the preview. */
  readonly viewers: { readonly initiator: Actor; readonly friend: Actor; readonly visitor: Actor };
}

/**
 * Builds a scene by driving the real engine on a memory store with a manual clock: nothing on the page is
 * invented, every count comes from events the engine applied. Deterministic (seeded random, sequential ids).
 *
 * @example
 * const played = await playScene(campaign, 'done');
 * const view = await played.engine.view(played.instanceId, played.viewers.initiator);
 */
export async function playScene(campaign: AnyCampaign, scene: SceneId): Promise<PlayedScene> {
  // A fixed instant a day into the campaign, so every render of a scene is the same; with opening hours
  // (daily.hours), the next opening from there, since friends can act only then.
  const dayIn = Math.min(campaign.schedule.startsAt + 86_400_000, campaign.schedule.endsAt - 3_600_000);
  const window = dailyWindow(campaign, dayIn);
  const clock = createManualClock(window.open ? dayIn : (window.nextOpensAt ?? dayIn));
  const engine = createEngine({
    campaigns: [campaign],
    clock,
    random: seededRandom(7),
    ids: sequentialIds(campaign.kind),
  });
  const initiator: Actor = {
    id: PREVIEW_PEOPLE.initiator,
    ...(campaign.kind === 'leaderboard' && campaign.rules.format === 'board' ? { operator: true } : {}),
  };
  const started = await engine.start(campaign.id, { actor: initiator, input: startInput(campaign) });
  const id = started.instanceId;
  const viewers = {
    initiator,
    friend: { id: PREVIEW_PEOPLE.friends[0] },
    visitor: { id: PREVIEW_PEOPLE.visitor },
  };
  const act = (n: number) =>
    engine.send(id, FRIEND_ACTION[campaign.kind](n, campaign), {
      actor: { id: PREVIEW_PEOPLE.friends[n % PREVIEW_PEOPLE.friends.length] as string, newUser: true },
    });
  if (scene === 'fresh') return { engine, clock, instanceId: id, viewers };

  const acted = scene === 'active' ? 3 : PREVIEW_PEOPLE.friends.length;
  const initial = (await engine.view(id, null)).state;
  for (let n = 0; n < acted; n++) {
    clock.advance(60_000);
    await act(n);
    if (scene !== 'active' && (await engine.view(id, null)).state !== initial) break;
  }
  await backEndSteps(engine, campaign, id, scene);
  if (scene === 'ended') {
    clock.set(campaign.schedule.endsAt + 1);
    await engine.tick();
    await engine.tick();
  }
  return { engine, clock, instanceId: id, viewers };
}

/** What the shop's back end or the initiator does in a scene: payments, scores, conversions, an accepted swap. */
async function backEndSteps(
  engine: Engine,
  campaign: AnyCampaign,
  id: string,
  scene: SceneId,
): Promise<void> {
  const friends = PREVIEW_PEOPLE.friends;
  if (campaign.kind === 'leaderboard') {
    const steps = [8230, 10412, 6120, 9050];
    for (const [i, member] of [PREVIEW_PEOPLE.initiator, ...friends.slice(0, 3)].entries())
      await engine.send(
        id,
        { type: 'leaderboard.score', member, points: steps[i] ?? 1 },
        { actor: BACK_END },
      );
  }
  if (campaign.kind === 'referral') {
    for (const referee of friends.slice(0, 2))
      await engine.send(
        id,
        // A first order of the least amount that counts, when the rules set one.
        {
          type: 'referral.convert',
          referee,
          ...(campaign.rules.minOrderFen && { orderFen: campaign.rules.minOrderFen }),
        },
        { actor: BACK_END },
      );
  }
  if (scene !== 'done') return;
  if (campaign.kind === 'group-buy') {
    const view = await engine.view(id, null);
    const members = view.kind === 'group-buy' ? view.members.length : 0;
    const payers = [PREVIEW_PEOPLE.initiator, ...friends.slice(0, Math.max(0, members - 1))];
    for (const [i, payer] of payers.entries())
      await engine.send(id, { type: 'group-buy.pay', orderId: `order-${i}` }, { actor: { id: payer } });
  }
  if (campaign.kind === 'swap') {
    const owner = { id: PREVIEW_PEOPLE.initiator };
    const view = await engine.view(id, owner);
    const proposal = view.kind === 'swap' ? view.proposals[0] : undefined;
    if (proposal) {
      await engine.send(id, { type: 'swap.accept', proposalId: proposal.id }, { actor: owner });
      await engine.send(id, { type: 'swap.confirm' }, { actor: owner });
      await engine.send(id, { type: 'swap.confirm' }, { actor: { id: friends[0] as string } });
    }
  }
}

/**
 * Whose eyes a preview shows the page through: the initiator, a friend who acts, or a visitor.
 *
 * @example
 * const role: PreviewRole = 'friend';
 * const viewer = played.viewers[role];
 */
export type PreviewRole = 'initiator' | 'friend' | 'visitor';

/**
 * Whose eyes a preview shows the page through.
 *
 * @example
 * for (const role of PREVIEW_ROLES) console.log(role.id, role.label.en); // 'initiator' 'Initiator', …
 */
export const PREVIEW_ROLES: readonly {
  readonly id: PreviewRole;
  readonly label: Record<'zh-CN' | 'en', string>;
}[] = [
  { id: 'initiator', label: { 'zh-CN': '发起人', en: 'Initiator' } },
  { id: 'friend', label: { 'zh-CN': '好友', en: 'Friend' } },
  { id: 'visitor', label: { 'zh-CN': '路人', en: 'Visitor' } },
];

/**
 * The phone sizes a preview shows, in CSS pixels.
 *
 * @example
 * for (const size of PREVIEW_SIZES) frame.style.width = `${size.width}px`;
 */
export const PREVIEW_SIZES = [
  { id: 'iphone-se', width: 375, height: 667 },
  { id: 'android-small', width: 360, height: 740 },
  { id: 'android-large', width: 412, height: 915 },
] as const;

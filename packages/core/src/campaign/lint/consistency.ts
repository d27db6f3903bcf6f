import { friendsToFloorRange } from '../../mechanics/bargain/cut-strategy.js';
import { leaderPrice } from '../../mechanics/group-buy/schema.js';
import { formatMoney } from '../../primitives/money.js';
import { minutesOf } from '../daily-window.js';
import type { AnyCampaign } from '../define-campaign.js';

/** A claim in the copy that the rules do not back, in words that say which rule it contradicts. */
export type Contradiction = string;

const friendClaims = (text: string): { n: number; newUsers: boolean }[] => [
  ...[
    ...text.matchAll(
      /(\d+)(?:位|个|名)(新)?(?:好友|朋友|同事|人)(?:一起)?(?:助力|帮砍|帮忙砍|帮你砍|帮忙|砍)/g,
    ),
  ].map((m) => ({ n: Number(m[1]), newUsers: m[2] !== undefined })),
  ...[...text.matchAll(/\b(\d+) (new )?(?:friends?|people) (?:to reach|to get|help|helping|cut)\b/g)].map(
    (m) => ({ n: Number(m[1]), newUsers: m[2] !== undefined }),
  ),
];

const groupClaims = (text: string): number[] =>
  [
    ...text.matchAll(/(\d+)人(?:成团|拼团|团|拼|瓜分)/g),
    ...text.matchAll(/\bgroups? of (\d+)\b|\b(\d+) people (?:split|team up|join)\b/g),
  ].map((m) => Number(m[1] ?? m[2]));

/** Prices the copy says the reward can be had for, in 分. */
const priceClaims = (text: string): number[] =>
  [
    ...text.matchAll(/(\d+(?:\.\d+)?)元(?:就能|即可|就)?(?:带走|拿|到手|购|抢|买|入手)/g),
    ...text.matchAll(/(?:只要|仅需|仅要)¥?(\d+(?:\.\d+)?)/g),
    ...text.matchAll(/(?:团购价|拼团价|团长价|底价|到手价)(?:只要|仅需|仅)?¥?(\d+(?:\.\d+)?)/g),
    ...text.matchAll(/\b(?:for|pay|only) [¥$](\d+(?:\.\d+)?)\b/g),
  ].map((m) => Math.round(Number(m[1]) * 100));

const FREE = /免费(?:带走|拿|送|领|得|购)|0元(?:带走|拿|购|得)|\b(?:for free|get it free)\b/;

const durationClaims = (text: string): number[] =>
  [...text.matchAll(/(\d+)(小时|分钟|天)内(?:有效|成团|完成|砍到|可砍)/g)].map(
    (m) => Number(m[1]) * (m[2] === '天' ? 1440 : m[2] === '小时' ? 60 : 1),
  );

/** The people a group or a pool needs, for mechanics that have one. */
function groupSize(c: AnyCampaign): number | null {
  if (c.kind === 'group-buy') return c.rules.size;
  if (c.kind === 'coupon' && c.rules.mode === 'pool') return c.rules.size;
  return null;
}

/** The lowest price the rules let the reward be bought at, for mechanics that sell it. */
function lowestPrice(c: AnyCampaign): number | null {
  if (c.kind === 'bargain') return c.rules.floorPrice;
  if (c.kind === 'group-buy') return leaderPrice(c.rules);
  return null;
}

/**
 * A per-day stock (每日限量 200 份) or a daily opening hour (每天 10 点开抢) in the copy that the campaign's `daily`
 * rules do not say: the engine enforces `daily`, so the copy must match it.
 */
function dailyClaims(c: AnyCampaign, text: string): Contradiction[] {
  const out: Contradiction[] = [];
  const perDay = c.daily?.stock;
  for (const m of [
    ...text.matchAll(/(?:每日|每天)限量\s*(\d+)\s*(?:份|张|件|个|杯|单)/g),
    ...text.matchAll(/\blimited to (\d+) (?:a|per) day\b/gi),
  ]) {
    const n = Number(m[1]);
    if (n !== perDay)
      out.push(
        `${n} a day: the rules ${perDay === undefined ? 'set no per-day stock' : `say ${perDay}`} (daily.stock)`,
      );
  }
  const opens = c.daily?.hours?.opens;
  for (const m of [
    ...text.matchAll(/(?:每日|每天)\s*(\d{1,2})(?:\s*点|[:：]00)\s*(?:整\s*)?(?:开抢|开放|开始|准时开抢)/g),
    ...text.matchAll(/\b(?:opens|starts) (?:daily |every day )?at (\d{1,2})(?::00)?\b/gi),
  ]) {
    const hour = Number(m[1]);
    if (opens === undefined || minutesOf(opens) !== hour * 60)
      out.push(
        `opening at ${hour}:00: the rules ${opens === undefined ? 'set no opening hours' : `open at ${opens}`} (daily.hours.opens)`,
      );
  }
  return out;
}

const LEADER = /团长|开团|\bleaders?\b|\bopens? (?:a|the) group\b/i;

/**
 * A group buy's price only its leader gets (团长价, 团长免单) claimed without saying so: 「0元拼榴莲」 when members pay
 * ¥99.00 misleads everyone but the opener (规范促销行为暂行规定 Art 5: a promotion states its conditions).
 */
function leaderOnlyClaims(c: Extract<AnyCampaign, { kind: 'group-buy' }>, text: string): Contradiction[] {
  const leader = leaderPrice(c.rules);
  const group = c.rules.groupPriceFen;
  if (leader >= group || LEADER.test(text)) return [];
  const claimed = priceClaims(text).filter((fen) => fen >= leader && fen < group);
  if (leader === 0 && FREE.test(text)) claimed.push(0);
  return [...new Set(claimed)].map(
    (fen) =>
      `${formatMoney(fen)}: only the leader pays ${formatMoney(leader)} (rules.leaderPriceFen), every other member ${formatMoney(group)}; say 团长 / "leader" beside the price`,
  );
}

/**
 * Numbers in the copy checked against the rules they describe (明码标价 Art 19(4), 规范促销行为暂行规定 Art 5): friends
 * needed (a bargain's helpers, an assist's tier points over the help weights), group and pool sizes, the price a
 * reward can be had for, and the time limit. 「3 位好友助力，免费喝拿铁」 when the latte needs 4 points is reported.
 * @example copyContradictions(assist, '3 位好友助力，免费喝拿铁') // ['3 friends: the rules need 2 or 4 …']
 */
export function copyContradictions(c: AnyCampaign, text: string): Contradiction[] {
  const out: Contradiction[] = [];
  for (const { n, newUsers } of friendClaims(text)) {
    if (c.kind === 'bargain') {
      const { fewest, most } = friendsToFloorRange(c.rules);
      if (n < fewest || n > most)
        out.push(
          `${n} friends: the rules need ${fewest === most ? most : `${fewest} to ${most}`} (rules.helpersToFloor)`,
        );
    } else if (c.kind === 'assist') {
      const weight = newUsers ? c.rules.weights.newUser : c.rules.weights.existing;
      const counts = c.rules.tiers.map((tier) => Math.ceil(tier.helps / weight));
      if (!counts.includes(n))
        out.push(
          `${n} ${newUsers ? 'new ' : ''}friends: with ${weight} point(s) each the tiers need ${counts.join(' or ')} (rules.tiers, rules.weights)`,
        );
    }
  }
  const size = groupSize(c);
  if (size !== null) {
    for (const n of groupClaims(text))
      if (n !== size) out.push(`groups of ${n}: the rules say ${size} (rules.size)`);
  }
  const lowest = lowestPrice(c);
  if (lowest !== null) {
    const below = priceClaims(text).filter((fen) => fen < lowest);
    for (const fen of below)
      out.push(`${formatMoney(fen)}: the lowest price the rules allow is ${formatMoney(lowest)}`);
    if (below.length === 0 && lowest > 0 && FREE.test(text))
      out.push(`free: the lowest price the rules allow is ${formatMoney(lowest)}`);
  }
  if (c.kind === 'group-buy') out.push(...leaderOnlyClaims(c, text));
  out.push(...dailyClaims(c, text));
  if ('timeLimitMinutes' in c.rules) {
    const limit = c.rules.timeLimitMinutes;
    for (const minutes of durationClaims(text))
      if (minutes !== limit) out.push(`${minutes} minutes: the rules say ${limit} (rules.timeLimitMinutes)`);
  }
  return out;
}

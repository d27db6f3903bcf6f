/**
 * Where analytics keeps its figures: boards of the store (`incrementScore` / `topScores`), one set per campaign. A
 * board increment is applied once per key on every store (the conformance suite proves it), so every figure is
 * keyed by the effect it comes from (its dedupe key) or by the actor it counts once: replaying the outbox changes
 * nothing. What the fold looks up (a participant's generation, who brought a friend, an instance's launch) lives on
 * a board of one entry per person or instance, read with `topScores(board, 1)`: a constant-time read on every store,
 * where a lookup on a shared board would rank the member among all its ties.
 */

/** The board names of one campaign's analytics (a campaign id is a slug, so they cannot meet other boards). */
export const analyticsBoards = (campaignId: string) => {
  const board = (part: string) => `${campaignId}:analytics:${part}`;
  return {
    /** Counters by metric, calendar day and channel: member `<metric>|<day>|<channel>`. */
    cells: board('cells'),
    /** Counters by generation: member `<participants|friends>|<generation>`. */
    generations: board('generations'),
    /** Friends each initiator brought first (first touch): member initiator id. */
    spreaders: board('spreaders'),
    /** Friends an initiator brought who then launched an instance of their own: member initiator id. */
    converted: board('converted'),
    /** Who brought whom: member `<initiator>|<friend>`, score the friend's generation. */
    edges: board('edges'),
    /** Milliseconds from an instance's launch to its first friend action: member instance id. */
    cycles: board('cycles'),
    /** One entry: member `generation`, score the participant's generation + 1. */
    generationOf: (actorId: string) => board(`g:${actorId}`),
    /** One entry: member the initiator who brought the friend, score the friend's generation + 1. */
    arrivalOf: (actorId: string) => board(`a:${actorId}`),
    /** One entry: member `launch`, score the instance's launch instant. */
    launchOf: (instanceId: string) => board(`l:${instanceId}`),
    /** One entry: member `discount`, score the coupon's discount in 分 (kept from its issue for its redemption). */
    couponOf: (couponId: string) => board(`k:${couponId}`),
  };
};

export type AnalyticsBoards = ReturnType<typeof analyticsBoards>;

/** A cell's member: metric, day and channel ('' = not known). */
export const cellMember = (metric: string, day: string, channel: string | null) =>
  `${metric}|${day}|${channel ?? ''}`;

/** The parts of a cell's member. */
export function parseCell(member: string): { metric: string; day: string; channel: string | null } | null {
  const last = member.lastIndexOf('|');
  const middle = member.lastIndexOf('|', last - 1);
  if (middle <= 0) return null;
  const channel = member.slice(last + 1);
  return { metric: member.slice(0, middle), day: member.slice(middle + 1, last), channel: channel || null };
}

/** Reading a whole board: more entries than any campaign's cells (metrics × days × channels). */
export const WHOLE_BOARD = 1_000_000;

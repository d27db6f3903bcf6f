import type { AnyCampaign } from '../campaign/define-campaign.js';
import type { Store } from '../store/store.js';
import { analyticsBoards, parseCell, WHOLE_BOARD } from './boards.js';
import { inRange, parseDayRange } from './day-range.js';
import { type Cell, change, figuresOf, ratio, sumByMetric } from './figures.js';
import { type FunnelStepSpec, GENERIC_FUNNEL, MECHANIC_FUNNELS } from './funnels.js';
import type {
  CampaignReport,
  ChannelFigures,
  DayFigures,
  DayRange,
  Figures,
  FunnelStep,
  GenerationFigures,
  InviteEdge,
  Spreader,
  SpreaderOptions,
  ViralCycle,
} from './types.js';

/** Where a campaign's figures are: the store its analytics consumer folds into, and the campaign. */
export interface AnalyticsSource {
  readonly store: Store;
  readonly campaign: AnyCampaign;
}

/**
 * Every counter of a campaign in a range of days, as cells (metric, day, channel, value).
 *
 * @example
 * const cells = await readCells({ store, campaign }, { from: '2026-12-01' });
 */
export async function readCells({ store, campaign }: AnalyticsSource, range?: DayRange): Promise<Cell[]> {
  const days = parseDayRange(range);
  const entries = await store.topScores(analyticsBoards(campaign.id).cells, WHOLE_BOARD);
  const cells: Cell[] = [];
  for (const entry of entries) {
    const cell = parseCell(entry.member);
    if (cell && inRange(cell.day, days)) cells.push({ ...cell, value: entry.score });
  }
  return cells;
}

const countSteps = (specs: readonly FunnelStepSpec[], sums: ReadonlyMap<string, number>): FunnelStep[] => {
  let previous: number | null = null;
  return specs.map((spec) => {
    // No page event at all in the range: the pages do not report (no beacon), so their steps are not measured.
    const measured = !spec.fromPages || sums.has('visitors');
    const count = measured ? spec.metrics.reduce((n, m) => n + (sums.get(m) ?? 0), 0) : null;
    const fromPrevious = count === null || previous === null ? null : ratio(count, previous);
    if (count !== null) previous = count;
    return { id: spec.id, unit: spec.unit, count, fromPrevious };
  });
};

/**
 * The campaign's funnels over a range: the generic one (visitors → … → paying customers) and its mechanic's own
 * (砍: launched → shared → helped → floor-reached → purchased). Steps counted from page events (visitors, shared,
 * friends who opened) have `count: null` over a range without any page event (the pages send none).
 *
 * @example
 * const { mechanic } = await funnel({ store, campaign });
 * mechanic.map((s) => `${s.id}: ${s.count ?? '—'}`);
 */
export async function funnel(
  source: AnalyticsSource,
  range?: DayRange,
): Promise<{ generic: FunnelStep[]; mechanic: FunnelStep[] }> {
  const sums = sumByMetric(await readCells(source, range));
  return {
    generic: countSteps(GENERIC_FUNNEL, sums),
    mechanic: countSteps(MECHANIC_FUNNELS[source.campaign.kind], sums),
  };
}

/** Groups cells by a key and turns each group into figures. */
function grouped<K>(cells: readonly Cell[], keyOf: (cell: Cell) => K): Map<K, Figures> {
  const groups = new Map<K, Cell[]>();
  for (const cell of cells) {
    const key = keyOf(cell);
    const list = groups.get(key);
    if (list) list.push(cell);
    else groups.set(key, [cell]);
  }
  return new Map([...groups].map(([key, list]) => [key, figuresOf(sumByMetric(list))]));
}

const byDay = (cells: readonly Cell[]): DayFigures[] => {
  const days = [...grouped(cells, (c) => c.day)].sort(([a], [b]) => (a < b ? -1 : 1));
  return days.map(([day, figures], i) => {
    const before = i === 0 ? null : (days[i - 1]?.[1] ?? null);
    const rel = (now: number, prev: number | undefined) => (before === null ? null : change(now, prev ?? 0));
    return {
      day,
      ...figures,
      dayOverDay: {
        participants: rel(figures.participants, before?.participants),
        friends: rel(figures.friends, before?.friends),
        revenueFen: rel(figures.money.revenueFen, before?.money.revenueFen),
      },
    };
  });
};

const byChannel = (cells: readonly Cell[]): ChannelFigures[] =>
  [...grouped(cells, (c) => c.channel)]
    .map(([channel, { money: _, payingCustomers: __, ...figures }]) => ({ channel, ...figures }))
    .sort(
      (a, b) =>
        b.participants + b.friends - (a.participants + a.friends) ||
        ((a.channel ?? '') < (b.channel ?? '') ? -1 : 1),
    );

/**
 * The campaign's figures per calendar day (its time zone), oldest first, each with its change from the day before.
 *
 * @example
 * for (const d of await dailyFigures({ store, campaign })) console.log(d.day, d.participants, d.dayOverDay);
 */
export async function dailyFigures(source: AnalyticsSource, range?: DayRange): Promise<DayFigures[]> {
  return byDay(await readCells(source, range));
}

/**
 * The campaign's figures per channel the actors arrived through (most people first; `channel: null` = not known).
 *
 * @example
 * const rows = await channelFigures({ store, campaign }, { from: '2026-12-01', to: '2026-12-07' });
 */
export async function channelFigures(source: AnalyticsSource, range?: DayRange): Promise<ChannelFigures[]> {
  return byChannel(await readCells(source, range));
}

/**
 * The invite tree by generation, with the K-factor of each (`k` = next generation's participants ÷ this one's).
 * Campaign-wide: a generation has no days.
 *
 * @example
 * const [seeds] = await generationFigures({ store, campaign }); // seeds.k: participants each seed brought in
 */
export async function generationFigures({ store, campaign }: AnalyticsSource): Promise<GenerationFigures[]> {
  const entries = await store.topScores(analyticsBoards(campaign.id).generations, WHOLE_BOARD);
  const participants = new Map<number, number>();
  const friends = new Map<number, number>();
  for (const { member, score } of entries) {
    const [what, gen] = member.split('|');
    const generation = Number(gen);
    if (!Number.isInteger(generation)) continue;
    (what === 'participants' ? participants : friends).set(generation, score);
  }
  const last = Math.max(-1, ...participants.keys(), ...[...friends.keys()].map((g) => g - 1));
  const rows: GenerationFigures[] = [];
  for (let g = 0; g <= last; g++) {
    const here = participants.get(g) ?? 0;
    const brought = friends.get(g + 1) ?? 0;
    const next = participants.get(g + 1) ?? 0;
    rows.push({
      generation: g,
      participants: here,
      friendsBrought: brought,
      friendsPerParticipant: ratio(brought, here),
      conversion: ratio(next, brought),
      k: ratio(next, here),
    });
  }
  return rows;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? null : (sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null);

/**
 * The viral cycle time: from an instance's launch to its first friend action, median and 90th percentile.
 *
 * @example
 * const { medianMs } = await viralCycle({ store, campaign });
 */
export async function viralCycle({ store, campaign }: AnalyticsSource): Promise<ViralCycle> {
  const entries = await store.topScores(analyticsBoards(campaign.id).cycles, WHOLE_BOARD);
  const sorted = entries.map((e) => e.score).sort((a, b) => a - b);
  return { instances: sorted.length, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9) };
}

/**
 * Every edge of the invite tree (who brought whom, first touch), by generation then ids. Reads the whole tree.
 *
 * @example
 * const edges = await inviteTree({ store, campaign }); // [{ from: 'alice', to: 'bob', generation: 1 }, …]
 */
export async function inviteTree({ store, campaign }: AnalyticsSource): Promise<InviteEdge[]> {
  const entries = await store.topScores(analyticsBoards(campaign.id).edges, WHOLE_BOARD);
  return entries
    .map(({ member, score }) => {
      const cut = member.indexOf('|');
      return { from: member.slice(0, cut), to: member.slice(cut + 1), generation: score };
    })
    .sort(
      (a, b) =>
        a.generation - b.generation || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1),
    );
}

/**
 * The participants who brought the most friends (first touch), with how many of those launched themselves, their
 * generation and a tier (KOL ≥ `kolMin` friends, core ≥ `coreMin`).
 *
 * @example
 * const top = await topSpreaders({ store, campaign }, { limit: 5 });
 */
export async function topSpreaders(
  { store, campaign }: AnalyticsSource,
  { limit = 10, kolMin = 20, coreMin = 5 }: SpreaderOptions = {},
): Promise<Spreader[]> {
  const boards = analyticsBoards(campaign.id);
  const top = await store.topScores(boards.spreaders, limit);
  if (top.length === 0) return [];
  const figures = await Promise.all(
    top.map(async (t) => {
      const [launched, generation] = await Promise.all([
        store.scoreOf(boards.converted, t.member),
        store.topScores(boards.generationOf(t.member), 1),
      ]);
      return { launched: launched?.score ?? 0, generation: (generation[0]?.score ?? 1) - 1 };
    }),
  );
  return top.slice(0, limit).map((t, i) => ({
    actorId: t.member,
    brought: t.score,
    launched: figures[i]?.launched ?? 0,
    generation: figures[i]?.generation ?? 0,
    tier: t.score >= kolMin ? 'kol' : t.score >= coreMin ? 'core' : 'regular',
  }));
}

/**
 * Everything about one campaign in one call: totals, both funnels, days, channels, generations with K, the viral
 * cycle and the top spreaders. Days, channels, totals and funnels follow `range`; the tree is campaign-wide.
 *
 * @example
 * const report = await campaignReport({ store, campaign }, { from: '2026-12-01', to: '2026-12-07' });
 * report.totals.money.roi; // (revenue − cost) ÷ cost
 */
export async function campaignReport(
  source: AnalyticsSource,
  range: DayRange = {},
  spreaders: SpreaderOptions = {},
): Promise<CampaignReport> {
  const days = parseDayRange(range);
  const cells = await readCells(source, range);
  const sums = sumByMetric(cells);
  const [generations, cycle, top] = await Promise.all([
    generationFigures(source),
    viralCycle(source),
    topSpreaders(source, spreaders),
  ]);
  return {
    campaignId: source.campaign.id,
    kind: source.campaign.kind,
    range: days,
    totals: figuresOf(sums),
    funnel: {
      generic: countSteps(GENERIC_FUNNEL, sums),
      mechanic: countSteps(MECHANIC_FUNNELS[source.campaign.kind], sums),
    },
    days: byDay(cells),
    channels: byChannel(cells),
    generations,
    cycle,
    spreaders: top,
  };
}

/**
 * Campaign against campaign: the totals of each over the same range of days.
 *
 * @example
 * const rows = await compareCampaigns(store, [teaSet, coffee], { from: '2026-12-01' });
 */
export async function compareCampaigns(
  store: Store,
  campaigns: readonly AnyCampaign[],
  range?: DayRange,
): Promise<{ campaignId: string; kind: AnyCampaign['kind']; totals: Figures }[]> {
  return Promise.all(
    campaigns.map(async (campaign) => ({
      campaignId: campaign.id,
      kind: campaign.kind,
      totals: figuresOf(sumByMetric(await readCells({ store, campaign }, range))),
    })),
  );
}

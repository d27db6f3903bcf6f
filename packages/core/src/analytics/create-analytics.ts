import type { AnyCampaign } from '../campaign/define-campaign.js';
import { createConsumer } from '../consumer/create-consumer.js';
import type { Consumer, ConsumerOptions, EffectHandler } from '../consumer/types.js';
import { LiebianError } from '../errors/liebian-error.js';
import { foldEntry } from './fold.js';
import { type AnalyticsSource, campaignReport } from './queries.js';
import type { CampaignReport, DayRange, SpreaderOptions } from './types.js';

export interface AnalyticsOptions extends Omit<ConsumerOptions, 'handler' | 'name'> {
  /** The campaigns to count; outbox entries of other campaigns are passed over. */
  readonly campaigns: readonly AnyCampaign[];
  /** The consumer's name (default `analytics`): its cursor and lease live in the store under it. */
  readonly name?: string;
}

/** A campaign analytics consumer and the way to read what it counted. See {@link createAnalytics}. */
export interface Analytics {
  /** The durable consumer that folds the outbox into the figures: `start()` it, or `drain()` from a job. */
  readonly consumer: Consumer;
  /** The fold itself, for a consumer of your own. Idempotent by each entry's dedupe key. */
  readonly handler: EffectHandler;
  /** Where a campaign's figures are, for the query functions (`funnel`, `dailyFigures`, `topSpreaders`, …). */
  source(campaignId: string): AnalyticsSource;
  /** `campaignReport` of one campaign. */
  report(campaignId: string, range?: DayRange, spreaders?: SpreaderOptions): Promise<CampaignReport>;
}

/**
 * Campaign analytics from the engine's own outbox: a durable consumer folds every event record (engine option
 * `recordEvents: true`) and effect into counters on the store's boards — per campaign, per calendar day and per
 * channel, the invite tree with generations, spreaders and the viral cycle — and the query functions read them.
 * Every increment is keyed by the entry's dedupe key (or the actor counted once), so redelivery never counts twice.
 * The counters live in the same store as the engine, on every store (memory, PGlite, PostgreSQL, Redis).
 *
 * @example
 * const engine = createEngine({ campaigns, store, recordEvents: true, onEffect: () => analytics.consumer.notify() });
 * const analytics = createAnalytics({ store, campaigns });
 * analytics.consumer.start();
 * const report = await analytics.report('tea-set-bargain', { from: '2026-12-01' });
 */
export function createAnalytics(options: AnalyticsOptions): Analytics {
  const { campaigns: list, name = 'analytics', ...consumerOptions } = options;
  const campaigns = new Map(list.map((c) => [c.id, c]));
  const handler: EffectHandler = async (effect) => {
    const campaign = campaigns.get(effect.campaignId);
    if (campaign) await foldEntry(options.store, campaign, effect);
  };
  const source = (campaignId: string): AnalyticsSource => {
    const campaign = campaigns.get(campaignId);
    if (!campaign)
      throw new LiebianError(
        'unknown-campaign',
        `no campaign "${campaignId}" in this analytics; it counts: ${[...campaigns.keys()].join(', ') || 'none'}`,
      );
    return { store: options.store, campaign };
  };
  const consumer = createConsumer({ ...consumerOptions, name, handler });
  return {
    consumer,
    handler,
    source,
    report: (campaignId, range, spreaders) => campaignReport(source(campaignId), range, spreaders),
  };
}

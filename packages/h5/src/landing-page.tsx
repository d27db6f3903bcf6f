import type { AnyCampaign, Disclosure, InstanceView, Locale } from '@liebian/core';
import { campaignPhase, isFriendAction } from '@liebian/core/mechanics';
import { countdown } from './copy/copy-words.js';
import type { Copy } from './copy/zh-cn.js';
import { dailyNotice } from './daily-notice.js';
import type { IslandConfig } from './islands.js';
import { LeadForm, PrivacyNotice, takesLeads } from './lead-form.js';
import { loopLabel, type PrimaryAction, primaryAction } from './primary-action.js';
import { InstanceWidget } from './widgets/instance-widget.js';

/**
 * What {@link LandingPage} renders: the campaign, the viewer's view of an instance (or none for a static shell),
 * the rules in words, the locale and its copy, and optionally the lead form, islands and poster.
 *
 * @example
 * const props: LandingPageProps = {
 *   campaign,
 *   view: await engine.view(instanceId, viewer),
 *   disclosure: engine.disclose(campaign.id, 'zh-CN'),
 *   locale: 'zh-CN',
 *   copy: COPY['zh-CN'],
 * };
 * const html = renderToString(<LandingPage {...props} />);
 */
export interface LandingPageProps {
  readonly campaign: AnyCampaign;
  /**
   * The viewer's view of the instance, from `engine.view()`; null for the static shell `liebian build` writes,
   * whose live parts the page's script fills in from the state endpoint.
   */
  readonly view: InstanceView | null;
  /** The campaign's rules in words, from `engine.disclose()`. */
  readonly disclosure: Disclosure;
  readonly locale: Locale;
  /** The page's own words in `locale` (`COPY[locale]`; a built page's script loads only its locale's). */
  readonly copy: Copy;
  /** Where the lead form posts. Without it the form is not shown (a form that goes nowhere would mislead). */
  readonly leadFormAction?: string;
  /** Mounts the islands against this API (see `islandScript`); without it the page is static HTML. */
  readonly islands?: IslandConfig;
  /** Offers the share poster (needs the islands with a poster module; `liebian build` pages always have one). */
  readonly poster?: boolean;
}

/** How many people took part, from the view's own counts (never an invented number). */
function participants(view: InstanceView): number {
  switch (view.kind) {
    case 'bargain':
      return view.helps.count;
    case 'assist':
      return view.progress.helps;
    case 'coupon':
      return view.people.count;
    case 'group-buy':
      return view.seats.paid;
    case 'leaderboard':
      // A board counts score events, not people (the store keeps no member count); a duel knows its members.
      return view.sides ? view.sides.reduce((n, s) => n + s.members.length, 0) : 0;
    case 'referral':
      return view.counts.accepted;
    case 'swap':
      return view.proposals.length;
  }
}

function ActionButton({ action, secondary }: { action: PrimaryAction; secondary?: boolean }) {
  return (
    <button
      type="button"
      class={secondary ? 'secondary' : 'cta'}
      data-action={action.action}
      data-payload={action.payload ? JSON.stringify(action.payload) : undefined}
      disabled={!action.allowed}
    >
      {action.label}
    </button>
  );
}

/** States in which an instance still collects what the campaign's headline asks for. */
const COLLECTING = new Set(['cutting', 'collecting', 'open', 'forming', 'waiting', 'live']);

/**
 * The three sections — hook, proof, call to action — then the rules and the privacy notice; the one primary
 * action in a bar at the bottom of the screen.
 *
 * @example
 * <LandingPage campaign={campaign} view={view} disclosure={engine.disclose(campaign.id, 'zh-CN')} locale="zh-CN" copy={COPY['zh-CN']} />
 */
export function LandingPage({
  campaign,
  view,
  disclosure,
  copy,
  leadFormAction,
  islands,
  poster,
}: LandingPageProps) {
  const words = copy.page;
  const { hook, proof, cta } = campaign.page;
  // Opening hours (daily.hours): outside them nobody starts or acts as a friend, so the page says when to come back.
  const daily = view && campaign.daily ? dailyNotice(campaign, view.serverNow, copy) : null;
  const closed = daily?.closed ?? null;
  const canStart = view ? campaignPhase(campaign, view.serverNow) === 'live' && closed === null : true;
  const next: PrimaryAction = view
    ? primaryAction(view, copy, canStart)
    : { action: 'start', label: hook.ctaLabel ?? words.start, allowed: true };
  const waits = next.action === 'start' || isFriendAction(campaign.kind, next.action);
  const action: PrimaryAction =
    closed !== null && waits && next.allowed ? { ...next, label: closed, allowed: false } : next;
  const deadline = view?.deadline ?? null;
  const count = view ? participants(view) : 0;
  const loop = view && canStart && view.role !== 'initiator' ? loopLabel(view, copy) : null;
  const headline = !view || COLLECTING.has(view.state) ? cta.headline : words.moreTitle;
  const invite = action.action !== 'invite' && view?.can.invite.allowed === true;
  const posterButton = view !== null && (poster === true || islands?.posterModule !== undefined);
  const startButton = loop !== null && action.loop === undefined;
  const leadForm = takesLeads(campaign, view, leadFormAction);
  // The section is left out when it would hold only its heading (an ended instance without a form).
  const ctaSection = invite || posterButton || startButton || leadForm || cta.followQr !== undefined;
  return (
    <main>
      <section class="hook" aria-labelledby="hook-title">
        {hook.image && (
          <img
            class="product"
            src={hook.image.src}
            alt={hook.image.alt}
            width={hook.image.width ?? 640}
            height={hook.image.height ?? 360}
            fetchpriority="high"
          />
        )}
        <h1 id="hook-title">{hook.title}</h1>
        {hook.subtitle && <p class="sub">{hook.subtitle}</p>}
        {daily?.summary && <p class="daily">{daily.summary}</p>}
        {closed !== null && (
          <p class="daily closed" role="status">
            {closed}
          </p>
        )}
        {deadline && view && (
          <p class="deadline">
            {words.until[deadline.kind][0]}
            <time
              data-deadline={deadline.at}
              data-server-now={view.serverNow}
              data-day={words.day}
              data-prefix={words.until[deadline.kind][1]}
            >
              {words.until[deadline.kind][1]}
              {countdown(deadline.at - view.serverNow, words.day)}
            </time>
          </p>
        )}
        {view && <InstanceWidget view={view} copy={copy} campaign={campaign} />}
      </section>

      <div class="action-bar" data-campaign={campaign.id}>
        {action.loop ? (
          <>
            {/* What happened here, as the disabled action it answers; then the viewer's own instance. */}
            <button type="button" class="cta said" data-action={action.action} disabled>
              {action.label}
            </button>
            <ActionButton action={{ action: 'start', label: action.loop, allowed: true }} />
          </>
        ) : (
          <ActionButton action={action} />
        )}
      </div>

      <section class="proof" aria-labelledby="proof-title">
        <h2 id="proof-title">{words.proofTitle}</h2>
        {count > 0 && <p class="count">{words.participants(count)}</p>}
        <ul>
          {proof.certifications.map((c) => (
            <li key={c.name}>
              ✔ {c.name} · {c.issuer}
            </li>
          ))}
        </ul>
        {proof.experts.map((e) => (
          <blockquote key={e.name}>
            “{e.quote}” — {e.name}，{e.title}
          </blockquote>
        ))}
        {proof.testimonials.map((t) => (
          <blockquote key={t.author}>
            {t.rating !== undefined && `${'★'.repeat(t.rating)} `}
            {t.text} — {t.author}
          </blockquote>
        ))}
      </section>

      {ctaSection && (
        <section class="cta-section" aria-labelledby="cta-title">
          <h2 id="cta-title">{headline}</h2>
          {invite && (
            <ActionButton action={{ action: 'invite', label: words.invite, allowed: true }} secondary />
          )}
          {posterButton && (
            <button
              type="button"
              class="secondary"
              data-action="poster"
              data-caption={words.posterCaption}
              data-close={words.close}
            >
              {words.poster}
            </button>
          )}
          {loop && startButton && (
            <ActionButton action={{ action: 'start', label: loop, allowed: true }} secondary />
          )}
          <LeadForm campaign={campaign} view={view} copy={copy} action={leadFormAction} />
          {cta.followQr && <img src={cta.followQr.src} alt={cta.followQr.alt} width={160} height={160} />}
        </section>
      )}

      <section class="rules" aria-labelledby="rules-title">
        <h2 id="rules-title">{disclosure.title}</h2>
        <ol>
          {disclosure.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </section>

      <PrivacyNotice notice={disclosure.privacy} />
    </main>
  );
}

import type { AnyCampaign, Disclosure, InstanceView, Locale } from '@liebian/core';
import { COPY } from './copy.js';
import type { IslandConfig } from './islands.js';
import { LeadForm, PrivacyNotice } from './lead-form.js';
import { type PrimaryAction, primaryAction } from './primary-action.js';
import { InstanceWidget } from './widgets/instance-widget.js';

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

function ActionButton({ action }: { action: PrimaryAction }) {
  return (
    <button
      type="button"
      class="cta"
      data-action={action.action}
      data-payload={action.payload ? JSON.stringify(action.payload) : undefined}
      disabled={!action.allowed}
    >
      {action.label}
    </button>
  );
}

/** The three sections — hook, proof, call to action — then the rules and the privacy notice. */
export function LandingPage({
  campaign,
  view,
  disclosure,
  locale,
  leadFormAction,
  islands,
  poster,
}: LandingPageProps) {
  const copy = COPY[locale];
  const { hook, proof, cta } = campaign.page;
  const action: PrimaryAction = view
    ? primaryAction(view, locale)
    : { action: 'start', label: hook.ctaLabel ?? copy.start, allowed: true };
  const deadline = view?.deadline ?? null;
  const count = view ? participants(view) : 0;
  return (
    <main>
      <section class="hook" aria-labelledby="hook-title">
        <h1 id="hook-title">{hook.title}</h1>
        {hook.subtitle && <p>{hook.subtitle}</p>}
        {hook.image && <img src={hook.image.src} alt={hook.image.alt} width={448} height={252} />}
        {view && <InstanceWidget view={view} locale={locale} campaign={campaign} />}
        {deadline && view && (
          <p class="deadline" data-deadline={deadline.at} data-server-now={view.serverNow}>
            {copy.left(deadline.at - view.serverNow)}
          </p>
        )}
        <ActionButton action={action} />
      </section>

      <section class="proof" aria-labelledby="proof-title">
        <h2 id="proof-title">{copy.proofTitle}</h2>
        {count > 0 && <p class="count">{copy.participants(count)}</p>}
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

      <section class="cta-section" aria-labelledby="cta-title">
        <h2 id="cta-title">{cta.headline}</h2>
        <ActionButton action={action} />
        {action.action !== 'invite' && view?.can.invite.allowed && (
          <ActionButton action={{ action: 'invite', label: copy.invite, allowed: true }} />
        )}
        {view && (poster || islands?.posterModule) && (
          <button
            type="button"
            class="secondary"
            data-action="poster"
            data-caption={copy.posterCaption}
            data-close={copy.close}
          >
            {copy.poster}
          </button>
        )}
        <LeadForm campaign={campaign} view={view} locale={locale} action={leadFormAction} />
        {cta.followQr && <img src={cta.followQr.src} alt={cta.followQr.alt} width={160} height={160} />}
      </section>

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

import type { AnyCampaign, Disclosure, InstanceView } from '@liebian/core';
import { campaignPhase } from '@liebian/core/mechanics';
import type { Copy } from './copy.js';

export interface LeadFormProps {
  readonly campaign: AnyCampaign;
  /** The live view; the form waits for it (the static shell has none), since only it knows the server's time. */
  readonly view: InstanceView | null;
  /** The page's words in its locale. */
  readonly copy: Copy;
  /** Where the form posts; without it there is no form (a form that goes nowhere would mislead). */
  readonly action: string | undefined;
}

/** Whether a lead can lawfully be taken here: a form, a notice, a place to post to, and a live campaign. */
export function takesLeads(
  campaign: AnyCampaign,
  view: InstanceView | null,
  action: string | undefined,
): boolean {
  return (
    campaign.page.cta.leadForm?.enabled === true &&
    campaign.disclosure.privacy !== undefined &&
    action !== undefined &&
    view !== null &&
    campaignPhase(campaign, view.serverNow) === 'live'
  );
}

/**
 * The lead form, only where a lead can lawfully be taken: the campaign has a lead form, a personal-information
 * notice (`disclosure.privacy`) and a place to post to, and is live at the server's time (not scheduled, paused
 * or ended). One required box agrees to the form's own purpose; each further use, and each third party in the
 * notice, has its own optional, unticked box (PIPL Art 14, 16, 23).
 * @example <LeadForm campaign={campaign} view={view} copy={COPY['zh-CN']} action="/leads" />
 */
export function LeadForm({ campaign, view, copy: { page: copy }, action }: LeadFormProps) {
  const form = campaign.page.cta.leadForm;
  const privacy = campaign.disclosure.privacy;
  if (!takesLeads(campaign, view, action) || !form || !privacy) return null;
  return (
    <form method="post" action={action} data-lead>
      <label>
        {copy.phone}
        <input type="tel" name="phone" autocomplete="tel" inputmode="numeric" pattern="1[0-9]{10}" required />
      </label>
      <label>
        {copy.code}
        <input type="text" name="code" inputmode="numeric" pattern="[0-9]{4,6}" required />
      </label>
      <label>
        <input type="checkbox" name="consent" required /> {copy.consent(form.purpose)}
      </label>
      {form.consents.map((consent) => (
        <label key={consent.id}>
          <input type="checkbox" name={`consent-${consent.id}`} /> {consent.label}
        </label>
      ))}
      {privacy.recipients.map((recipient, i) => (
        <label key={recipient.name}>
          <input type="checkbox" name={`consent-recipient-${i}`} />{' '}
          {copy.share(recipient.name, recipient.purpose)}
        </label>
      ))}
      <button type="submit" class="cta">
        {copy.submit}
      </button>
    </form>
  );
}

/** The personal-information notice from the campaign's fields (`Disclosure.privacy`); nothing when it takes no leads. */
export function PrivacyNotice({ notice }: { notice: Disclosure['privacy'] }) {
  if (!notice) return null;
  return (
    <section class="privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{notice.title}</h2>
      <ul>
        {notice.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

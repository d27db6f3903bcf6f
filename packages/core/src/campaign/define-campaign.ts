import { parseOrThrow } from '../errors/from-zod.js';
import { LiebianError } from '../errors/liebian-error.js';
import type { AssistCampaign } from '../mechanics/assist/schema.js';
import type { BargainCampaign } from '../mechanics/bargain/schema.js';
import type { CouponCampaign } from '../mechanics/coupon/schema.js';
import type { GroupBuyCampaign } from '../mechanics/group-buy/schema.js';
import type { LeaderboardCampaign } from '../mechanics/leaderboard/schema.js';
import type { Campaign } from '../mechanics/mechanic.js';
import type { ReferralCampaign } from '../mechanics/referral/schema.js';
import { availableKinds, mechanicFor, mechanics } from '../mechanics/registry.js';
import type { SwapCampaign } from '../mechanics/swap/schema.js';

/**
 * A validated campaign of any shipped kind; narrow it by `kind`.
 *
 * @example
 * const campaign: AnyCampaign = defineCampaign(json);
 * if (campaign.kind === 'bargain') console.log(campaign.rules.floorPrice); // a BargainCampaign here
 */
export type AnyCampaign =
  | BargainCampaign
  | AssistCampaign
  | CouponCampaign
  | GroupBuyCampaign
  | LeaderboardCampaign
  | ReferralCampaign
  | SwapCampaign;

/** Campaigns returned by {@link defineCampaign}: already valid, never validated twice. */
const validated = new WeakSet<object>();

/** Returns `input` if {@link defineCampaign} produced it, else validates it. */
export function ensureCampaign(input: unknown): AnyCampaign {
  return typeof input === 'object' && input !== null && validated.has(input)
    ? (input as AnyCampaign)
    : defineCampaign(input);
}

/**
 * Validates a campaign definition (parsed JSON or an object literal) and returns it normalised: defaults
 * filled in, instants as epoch milliseconds. Throws a `LiebianError` with code `invalid-campaign` listing every
 * failing field as `path = value: what is wrong and how to fix it`.
 *
 * @example
 * const campaign = defineCampaign(JSON.parse(readFileSync('spring-bargain.json', 'utf8')));
 */
export function defineCampaign(input: unknown): AnyCampaign;
/** Same, and the campaign must be of `expected` kind (typed accordingly). */
export function defineCampaign<K extends AnyCampaign['kind']>(
  input: unknown,
  expected: K,
): Extract<AnyCampaign, { kind: K }>;
export function defineCampaign(input: unknown, expected?: string): AnyCampaign {
  const kind = typeof input === 'object' && input !== null ? (input as { kind?: unknown }).kind : undefined;
  if (expected !== undefined && kind !== expected) {
    throw new LiebianError(
      'invalid-campaign',
      `Campaign is invalid:\n  - kind = ${JSON.stringify(kind) ?? 'missing'}: must be "${expected}" here`,
      {
        issues: [{ path: 'kind', value: kind, message: `must be "${expected}"` }],
      },
    );
  }
  if (typeof kind !== 'string' || mechanics[kind as keyof typeof mechanics] === undefined) {
    const kinds = availableKinds().join(', ');
    throw new LiebianError(
      'invalid-campaign',
      `Campaign is invalid:\n  - kind = ${JSON.stringify(kind) ?? 'missing'}: must be one of ${kinds}`,
      {
        issues: [{ path: 'kind', value: kind, message: `must be one of ${kinds}` }],
      },
    );
  }
  const mechanic = mechanicFor(kind);
  const id = (input as { id?: unknown }).id;
  const subject = `Campaign ${typeof id === 'string' ? `"${id}" ` : ''}`.trim();
  const campaign = Object.freeze(
    parseOrThrow(mechanic.campaignSchema, input, 'invalid-campaign', subject),
  ) as AnyCampaign;
  validated.add(campaign);
  return campaign;
}

/**
 * Like {@link defineCampaign}, without throwing: for editors and upload forms that show every issue.
 *
 * @example
 * const checked = validateCampaign(JSON.parse(text));
 * if (!checked.ok) for (const issue of checked.error.issues) console.log(`${issue.path}: ${issue.message}`);
 */
export function validateCampaign(
  input: unknown,
): { ok: true; campaign: AnyCampaign } | { ok: false; error: LiebianError } {
  try {
    return { ok: true, campaign: defineCampaign(input) };
  } catch (error) {
    if (error instanceof LiebianError) return { ok: false, error };
    throw error;
  }
}

export type { Campaign };

import { z } from 'zod';
import { campaignCommonShape } from '../../campaign/campaign-schema.js';
import { checkDaily } from '../../campaign/daily.js';
import { fenField, positiveIntField, safeUrlField, textField } from '../../campaign/fields.js';

const itemId = z.string({ error: 'must be a string' }).regex(/^[A-Za-z0-9_.:-]{1,128}$/, {
  error: 'must be 1–128 characters of A–Z, a–z, 0–9, "_", ".", ":" or "-"',
});

/** A second-hand item, as its owner describes it. `id` is the owner's own stable id for the item. */
export const itemSchema = z.strictObject({
  id: itemId,
  title: textField(40),
  description: textField(200).optional(),
  estimatedValueFen: fenField.optional(),
  image: safeUrlField.optional(),
});
export type Item = z.output<typeof itemSchema>;

export const swapRulesSchema = z.strictObject({
  /** How long a listing stays open for proposals. */
  timeLimitMinutes: positiveIntField,
  /** A proposal nobody answers lapses after this. */
  proposalTtlMinutes: positiveIntField.default(1440),
  /** Once a proposal is accepted, both sides must confirm the handover within this, or the swap lapses. */
  handoverMinutes: positiveIntField.default(2880),
  /** Proposals waiting for an answer at once. */
  maxOpenProposals: positiveIntField.max(100).default(20),
  /** Proposals a listing can receive in total. */
  maxProposals: positiveIntField.max(500).default(100),
  /** The owner may answer a proposal with a counter-proposal. */
  allowCounter: z.boolean().default(true),
  /** Listings one user may open in the campaign. */
  launchesPerUser: positiveIntField.default(5),
});
export type SwapRules = z.output<typeof swapRulesSchema>;

export const swapCampaignSchema = z
  .strictObject({
    ...campaignCommonShape,
    kind: z.literal('swap'),
    rules: swapRulesSchema,
  })
  .superRefine(checkDaily);
/**
 * A validated swap campaign, as `defineCampaign(json, 'swap')` returns it (defaults filled in, instants
 * as epoch milliseconds).
 *
 * @example
 * const campaign: SwapCampaign = defineCampaign(json, 'swap');
 * const engine = createEngine({ campaigns: [campaign] }); // Engine<'swap'>: only swap commands compile
 */
export type SwapCampaign = z.output<typeof swapCampaignSchema>;

/** What a user supplies to open a listing. */
export const swapStartSchema = z.strictObject({ item: itemSchema });

const proposalId = z.string().min(1).max(160);
export const swapCommandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('swap.propose'), offer: itemSchema }),
    z.strictObject({ type: z.literal('swap.counter'), proposalId, note: textField(200) }),
    z.strictObject({ type: z.literal('swap.accept'), proposalId }),
    z.strictObject({ type: z.literal('swap.withdraw'), proposalId }),
    z.strictObject({ type: z.literal('swap.confirm') }),
    z.strictObject({ type: z.literal('swap.cancel') }),
  ],
  {
    error:
      'type must be one of swap.propose, swap.counter, swap.accept, swap.withdraw, swap.confirm, swap.cancel',
  },
);

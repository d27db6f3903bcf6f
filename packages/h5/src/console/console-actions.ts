import { type AnyCampaign, isLiebianError, type SendResult } from '@liebian/core';
import { AUDIT, type AuditEntry, REVIEWS } from '@liebian/core/engine';
import type { Referral } from '@liebian/core/mechanics';
import { RETRYABLE_CODES } from '@liebian/core/store';
import type { DataSources } from './console-data.js';
import { CONTROL_ROLE } from './pages/campaign-page.js';
import type { ConsoleRole, PageContext } from './pages/page-context.js';
import {
  changedDefinition,
  controlsFor,
  endIsRefused,
  type PhaseControl,
  phaseFacts,
} from './phase-change.js';

/** Most items one bulk post decides. */
export const MAX_BULK = 100;

/** What a post answers: a confirmation to show, the audit keys of what it did, or a refusal. */
export type ActionAnswer =
  | {
      readonly kind: 'confirm';
      readonly title: string;
      readonly consequence: string;
      readonly fields: readonly (readonly [string, string])[];
      readonly back: string;
      readonly blocked?: boolean;
      readonly danger?: boolean;
      /** A rejection (or a flag) asks for its reason on the confirmation, under `label`. */
      readonly reason?: {
        readonly value: string;
        readonly missing: boolean;
        readonly label: string;
        readonly needed: string;
      };
    }
  | {
      readonly kind: 'done';
      readonly back: string;
      readonly key: string;
      readonly count: number;
      /** The action key had been used: nothing was done again. */
      readonly repeated: boolean;
    }
  | { readonly kind: 'refused'; readonly status: number; readonly message: string };

export interface ActionInput {
  readonly sources: DataSources;
  readonly ctx: PageContext;
  readonly form: URLSearchParams;
  /** The form's action key (checked by the audit: 8–64 letters, digits, "_" or "-"). */
  readonly key: string;
  readonly confirmed: boolean;
  readonly now: number;
}

/** An action of the console: who may do it, and what it does. */
export interface ConsoleAction {
  readonly role: (input: ActionInput) => ConsoleRole;
  run(input: ActionInput): Promise<ActionAnswer>;
}

const by = (ctx: PageContext) => ({ id: ctx.operatorId, role: ctx.role });
const operatorActor = (ctx: PageContext) => ({ id: ctx.operatorId, operator: true });
/**
 * A refusal, recorded as such. A store fault is not one (the action may have happened): it is thrown, the audit entry
 * stays `started`, and the operator is told that sending the same form again is safe.
 */
const refusedBy = (error: unknown) => {
  if (isLiebianError(error) && !RETRYABLE_CODES.has(error.code))
    return { before: null, after: null, detail: `${error.code}: ${error.message}`, refused: true };
  throw error;
};
/** Whether the audit has an action of this key and kind that ended (done or refused). */
async function ended(sources: DataSources, id: string, action: string): Promise<boolean> {
  const entry = (await sources.store.getRecord(AUDIT, id))?.data as AuditEntry | undefined;
  return entry !== undefined && entry.action === action && entry.outcome !== 'started';
}

const sent = (result: SendResult) =>
  result.status === 'accepted'
    ? { status: result.status, duplicate: result.duplicate, state: (result.view as { state?: string }).state }
    : { status: result.status, reason: result.reason };

/** Phase controls: `/campaigns/<id>/phase` with `to` = schedule, pause, resume or end. */
export function phaseAction(campaignId: string): ConsoleAction {
  const controlOf = (form: URLSearchParams) => form.get('to') as PhaseControl;
  return {
    role: ({ form }) => CONTROL_ROLE[controlOf(form)] ?? 'admin',
    async run({ sources, ctx, form, key, confirmed, now }) {
      const { engine, audit } = sources;
      const campaign = engine.campaign(campaignId);
      const phase = engine.phase(campaignId);
      const to = controlOf(form);
      const back = `/campaigns/${encodeURIComponent(campaignId)}`;
      // A confirmation sent again after it was carried out finds the phase moved on: it is a repeat, not a refusal.
      if (confirmed && (await ended(sources, `${key}-0`, `campaign.${to}`)))
        return { kind: 'done', back, key, count: 1, repeated: true };
      if (!controlsFor(phase).includes(to))
        return { kind: 'refused', status: 409, message: `${to}: ${ctx.copy.campaign.noControl} (${phase})` };
      if (!confirmed) {
        const c = ctx.copy.consequence;
        const consequence =
          to === 'schedule'
            ? c.schedule(
                campaign.name,
                ctx.time(campaign.schedule.startsAt),
                now >= campaign.schedule.startsAt,
              )
            : to === 'end' && endIsRefused(phase)
              ? c.endRefused(campaign.name, ctx.time(campaign.schedule.endsAt))
              : c[to](campaign.name);
        return {
          kind: 'confirm',
          title: `${ctx.copy.actions[to]} · ${campaign.name}`,
          consequence,
          fields: [['to', to]],
          back,
          blocked: to === 'end' && endIsRefused(phase),
          danger: to === 'end' || to === 'pause',
        };
      }
      const { repeated } = await audit.run(
        {
          id: `${key}-0`,
          by: by(ctx),
          action: `campaign.${to}`,
          target: `campaign:${campaignId}`,
          campaignId,
        },
        async () => {
          const before = phaseFacts(campaign, phase);
          try {
            engine.replaceCampaign(changedDefinition(campaign, to, now));
          } catch (error) {
            return { ...refusedBy(error), before, after: before };
          }
          return {
            before,
            after: phaseFacts(engine.campaign(campaignId), engine.phase(campaignId)),
            detail: '',
          };
        },
      );
      return { kind: 'done', back, key, count: 1, repeated };
    },
  };
}

/** Bulk decisions on held events: `/reviews` with `id` (repeated), `decision` and, to reject, `reason`. */
export const reviewAction: ConsoleAction = {
  role: () => 'operator',
  async run({ sources, ctx, form, key, confirmed }) {
    const { engine, store, audit } = sources;
    const ids = [...new Set(form.getAll('id'))];
    const decision = form.get('decision');
    const reason = (form.get('reason') ?? '').trim().slice(0, 200);
    if (ids.length === 0 || ids.length > MAX_BULK || (decision !== 'approve' && decision !== 'reject'))
      return { kind: 'refused', status: 400, message: ctx.copy.errors.badForm };
    const c = ctx.copy.consequence;
    const fields = [...ids.map((id) => ['id', id] as const), ['decision', decision] as const];
    if (!confirmed || (decision === 'reject' && reason === '')) {
      return {
        kind: 'confirm',
        title: `${ctx.copy.actions[decision]} · ${ctx.copy.reviews.title}`,
        consequence: decision === 'approve' ? c.approve(ids.length) : c.reject(ids.length),
        fields,
        back: '/reviews',
        danger: decision === 'reject',
        ...(decision === 'reject'
          ? {
              reason: {
                value: reason,
                missing: confirmed,
                label: ctx.copy.reviews.reason,
                needed: ctx.copy.reviews.reasonNeeded,
              },
            }
          : {}),
      };
    }
    let repeated = false;
    for (const [i, id] of ids.entries()) {
      const record = await store.getRecord(REVIEWS, id);
      const run = await audit.run(
        {
          id: `${key}-${i}`,
          by: by(ctx),
          action: `review.${decision}`,
          target: `review:${id}`,
          campaignId: record?.ref ?? null,
        },
        async () => {
          try {
            const outcome = await engine.decideReview(
              id,
              decision === 'approve'
                ? { decision, by: ctx.operatorId }
                : { decision, by: ctx.operatorId, reason },
            );
            const after = {
              status: outcome.review.status,
              ...(outcome.applied ? { applied: sent(outcome.applied) } : {}),
              ...(outcome.review.decision?.reason ? { reason: outcome.review.decision.reason } : {}),
            };
            const detail = outcome.changed
              ? ''
              : ctx.copy.notices.alreadyDecided(outcome.review.decision?.by ?? '');
            return { before: { status: outcome.changed ? 'pending' : outcome.review.status }, after, detail };
          } catch (error) {
            return refusedBy(error);
          }
        },
      );
      repeated ||= run.repeated;
    }
    return { kind: 'done', back: '/reviews', key, count: ids.length, repeated };
  },
};

/** The instance's committed machine state (`{ value, context }`), or null. */
type InstanceState = { readonly value?: string; readonly context?: Record<string, unknown> };

/**
 * An operator event on one instance (approve a leaderboard, flag a member, approve or reverse a referral reward), once
 * per action key: the engine's event id is the key's, and the audit keeps the instance's state before and after.
 */
function instanceAction(options: {
  action: (form: URLSearchParams) => string;
  confirm: (input: ActionInput, campaign: AnyCampaign) => string;
  command: (form: URLSearchParams, reason: string) => Record<string, unknown> | null;
  /** Asks for a reason on the confirmation (required), under this label. */
  reason?: (ctx: PageContext, form: URLSearchParams) => string;
  /** What the audit keeps of the instance besides its state and version (before and after). */
  facts?: (state: InstanceState, form: URLSearchParams) => Record<string, unknown>;
  danger?: boolean;
}): ConsoleAction {
  return {
    role: () => 'operator',
    async run(input) {
      const { sources, ctx, form, key, confirmed } = input;
      const instanceId = form.get('instance') ?? '';
      const reason = (form.get('reason') ?? '').trim().slice(0, 200);
      const command = options.command(form, reason);
      const stored = instanceId === '' ? null : await sources.store.load(instanceId);
      if (!stored || !command) return { kind: 'refused', status: 400, message: ctx.copy.errors.badForm };
      const action = options.action(form);
      if (confirmed && (await ended(sources, `${key}-0`, action)))
        return { kind: 'done', back: '/settlements', key, count: 1, repeated: true };
      const fields = [...form.entries()].filter(
        ([name]) => !['csrf', 'key', 'confirm', 'reason'].includes(name),
      );
      if (!confirmed || (options.reason && reason === ''))
        return {
          kind: 'confirm',
          title: `${ctx.copy.settlements.title} · ${instanceId}`,
          consequence: options.confirm(input, sources.engine.campaign(stored.campaignId)),
          fields,
          back: '/settlements',
          danger: options.danger ?? false,
          ...(options.reason
            ? {
                reason: {
                  value: reason,
                  missing: confirmed,
                  label: options.reason(ctx, form),
                  needed: ctx.copy.settlements.reasonNeeded,
                },
              }
            : {}),
        };
      const factsOf = (snapshot: unknown, version: number) => {
        const state = snapshot as InstanceState;
        return { state: state.value ?? null, version, ...(options.facts?.(state, form) ?? {}) };
      };
      const { repeated } = await sources.audit.run(
        {
          id: `${key}-0`,
          by: by(ctx),
          action,
          target: `instance:${instanceId}`,
          campaignId: stored.campaignId,
        },
        async () => {
          const before = factsOf(stored.snapshot, stored.version);
          try {
            const result = await sources.engine.send(
              instanceId,
              // The operator's form names any kind's command; the engine validates it against the instance's kind.
              { type: command.type as string, ...command, eventId: `console-${key}` } as Parameters<
                typeof sources.engine.send
              >[1],
              { actor: operatorActor(ctx) },
            );
            const now = await sources.store.load(instanceId);
            const refused = result.status === 'rejected';
            return {
              before,
              after: { ...(now ? factsOf(now.snapshot, now.version) : {}), answer: sent(result) },
              detail: [refused ? result.reason : '', reason].filter(Boolean).join(' · '),
              refused,
            };
          } catch (error) {
            return refusedBy(error);
          }
        },
      );
      return { kind: 'done', back: '/settlements', key, count: 1, repeated };
    },
  };
}

export const approveBoardAction = instanceAction({
  action: () => 'leaderboard.approve',
  confirm: ({ ctx }, campaign) =>
    ctx.copy.consequence.approveSettlement(
      campaign.kind === 'leaderboard' ? (campaign.rules.prizes.at(-1)?.toRank ?? 0) : 0,
    ),
  command: () => ({ type: 'leaderboard.approve' }),
  facts: (state) => ({ flagged: state.context?.flagged ?? null }),
});

/** Flags (with the reason as the board's note) or unflags a member of a leaderboard: `do` = flag or unflag. */
export const flagMemberAction = instanceAction({
  action: (form) => (form.get('do') === 'unflag' ? 'leaderboard.unflag' : 'leaderboard.flag'),
  confirm: ({ ctx, form }) =>
    form.get('do') === 'unflag'
      ? ctx.copy.consequence.unflag(form.get('member') ?? '')
      : ctx.copy.consequence.flag(form.get('member') ?? ''),
  reason: (ctx, form) =>
    form.get('do') === 'unflag' ? ctx.copy.settlements.unflagReason : ctx.copy.settlements.flagReason,
  command: (form, reason) => {
    const member = form.get('member');
    const what = form.get('do');
    if (!member || (what !== 'flag' && what !== 'unflag')) return null;
    return what === 'flag'
      ? { type: 'leaderboard.flag', member, note: reason }
      : { type: 'leaderboard.unflag', member };
  },
  facts: (state, form) => {
    const flagged = (state.context?.flagged ?? {}) as Record<string, string>;
    const member = form.get('member') ?? '';
    return { member, flagged: Object.hasOwn(flagged, member) ? flagged[member] : null };
  },
  danger: true,
});

/** The ledger entry of `referee`'s `side` reward, for the audit. */
const ledgerFacts = (state: InstanceState, form: URLSearchParams) => {
  const referrals = (state.context?.referrals ?? []) as readonly Referral[];
  const referee = form.get('referee') ?? '';
  const referral = referrals.find((r) => r.referee === referee);
  return {
    referee,
    ledger: referral?.ledger.map((e) => ({ side: e.side, status: e.status })) ?? null,
  };
};

export const reverseRewardAction = instanceAction({
  action: () => 'referral.refund',
  confirm: ({ ctx, form }) => ctx.copy.consequence.reverse(form.get('referee') ?? ''),
  command: (form) => {
    const referee = form.get('referee');
    return referee ? { type: 'referral.refund', referee } : null;
  },
  facts: ledgerFacts,
  danger: true,
});

/** Approves a pending referral reward before its freeze ends (`referral.approve`). */
export const approveRewardAction = instanceAction({
  action: () => 'referral.approve',
  confirm: ({ ctx, form, now }) => {
    const side = form.get('side') === 'referee' ? 'referee' : 'referrer';
    const at = Number(form.get('approvesAt'));
    return ctx.copy.consequence.approveReward(
      form.get('referee') ?? '',
      ctx.copy.settlements.sides[side],
      ctx.time(Number.isFinite(at) && at > 0 ? at : now),
    );
  },
  command: (form) => {
    const referee = form.get('referee');
    const side = form.get('side');
    return referee && (side === 'referrer' || side === 'referee')
      ? { type: 'referral.approve', referee, side }
      : null;
  },
  facts: ledgerFacts,
});

/** Dead letters: `/delivery` with `consumer`, `do` = retry or discard, and `letter:<consumer>` (repeated). */
export const deliveryAction: ConsoleAction = {
  role: ({ form }) => (form.get('do') === 'discard' ? 'admin' : 'operator'),
  async run({ sources, ctx, form, key, confirmed }) {
    const name = form.get('consumer') ?? '';
    const what = form.get('do');
    const keys = [...new Set(form.getAll(`letter:${name}`))];
    if (keys.length === 0 || keys.length > MAX_BULK || (what !== 'retry' && what !== 'discard'))
      return { kind: 'refused', status: 400, message: ctx.copy.errors.badForm };
    const consumer = sources.consumers.get(name);
    if (what === 'retry' && !consumer)
      return { kind: 'refused', status: 409, message: ctx.copy.delivery.retryElsewhere };
    if (!confirmed)
      return {
        kind: 'confirm',
        title: `${ctx.copy.actions[what]} · ${name}`,
        consequence:
          what === 'retry'
            ? ctx.copy.consequence.retry(keys.length)
            : ctx.copy.consequence.discard(keys.length),
        fields: [['consumer', name], ['do', what], ...keys.map((k) => [`letter:${name}`, k] as const)],
        back: '/delivery',
        danger: what === 'discard',
      };
    const letters = new Map(
      (await sources.store.listDeadLetters(name, null, 500)).map((l) => [l.item.dedupeKey, l] as const),
    );
    const was = (k: string) => {
      const letter = letters.get(k);
      return letter ? { error: letter.error, attempts: letter.attempts } : null;
    };
    if (what === 'retry' && consumer) {
      const { repeated } = await sources.audit.run(
        {
          id: `${key}-0`,
          by: by(ctx),
          action: 'dead-letter.retry',
          target: `consumer:${name}`,
          campaignId: null,
        },
        async () => {
          const before = Object.fromEntries(keys.map((k) => [k, was(k)]));
          try {
            const result = await consumer.retryDeadLetters({ keys });
            return {
              before,
              after: result,
              detail: ctx.copy.delivery.result(result.delivered.length, result.failed.length),
            };
          } catch (error) {
            return { ...refusedBy(error), before };
          }
        },
      );
      return { kind: 'done', back: '/delivery', key, count: 1, repeated };
    }
    let repeated = false;
    for (const [i, dedupeKey] of keys.entries()) {
      const run = await sources.audit.run(
        {
          id: `${key}-${i}`,
          by: by(ctx),
          action: 'dead-letter.discard',
          target: `dead-letter:${name}/${dedupeKey}`,
          campaignId: null,
        },
        async () => {
          const removed = await sources.store.removeDeadLetter(name, dedupeKey);
          return { before: was(dedupeKey), after: { removed }, detail: '' };
        },
      );
      repeated ||= run.repeated;
    }
    return { kind: 'done', back: '/delivery', key, count: keys.length, repeated };
  },
};

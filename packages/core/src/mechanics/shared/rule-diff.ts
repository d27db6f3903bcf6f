import { minutesOf } from '../../campaign/daily-window.js';
import type { FieldIssue } from '../../errors/liebian-error.js';
import type { Campaign } from '../mechanic.js';

/**
 * Collects the changes of a live campaign that are worse for consumers (规范促销行为暂行规定: published terms may
 * change only in the consumer's favour). Each check names the field, the new value and why it is worse.
 */
export interface RuleDiff {
  /** Worse when the number goes down (a time limit, a quota, a discount). */
  lower(path: string, before: number, after: number): void;
  /** Worse when the number goes up (a price, a threshold, a fee). */
  higher(path: string, before: number, after: number): void;
  /** A limit where undefined means unlimited: worse when it appears or goes down. */
  limit(path: string, before: number | undefined, after: number | undefined): void;
  /** Worse when it changes at all (a text term, a reward, a method the library cannot rank). */
  changed(path: string, before: unknown, after: unknown): void;
  /** Worse when an option the consumer had is taken away (true → false). */
  revoked(path: string, before: boolean, after: boolean): void;
  /** Worse when a restriction is switched on (false → true). */
  imposed(path: string, before: boolean, after: boolean): void;
  /** Worse when the value moves down an order from best to worst for the consumer. */
  ranked<T>(path: string, best: readonly T[], before: T, after: T): void;
  readonly issues: FieldIssue[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A fresh diff.
 * @example const d = ruleDiff(); d.lower('rules.timeLimitMinutes', 60, 30); d.issues[0].path // 'rules.timeLimitMinutes'
 */
export function ruleDiff(): RuleDiff {
  const issues: FieldIssue[] = [];
  const worse = (path: string, before: unknown, after: unknown, why: string) =>
    issues.push({
      path,
      value: after,
      message: `changes from ${JSON.stringify(before)} to ${JSON.stringify(after)}, which is worse for consumers (${why}); published rules may only change in their favour while the campaign is live — keep it, or end this campaign and publish a new one`,
    });
  return {
    issues,
    lower: (path, before, after) => {
      if (after < before) worse(path, before, after, 'it goes down');
    },
    higher: (path, before, after) => {
      if (after > before) worse(path, before, after, 'it goes up');
    },
    limit: (path, before, after) => {
      if (after !== undefined && (before === undefined || after < before))
        worse(path, before ?? 'unlimited', after, 'a tighter limit');
    },
    changed: (path, before, after) => {
      if (!same(before, after)) worse(path, before, after, 'a term a consumer relied on changes');
    },
    revoked: (path, before, after) => {
      if (before && !after) worse(path, before, after, 'an option is taken away');
    },
    imposed: (path, before, after) => {
      if (!before && after) worse(path, before, after, 'a restriction is added');
    },
    ranked: (path, best, before, after) => {
      if (best.indexOf(after) > best.indexOf(before))
        worse(path, before, after, `less favourable: ${best.join(' > ')}`);
    },
  };
}

/** The changes to the fields every campaign has that are worse for consumers. */
export function commonRuleChanges(d: RuleDiff, previous: Campaign, next: Campaign): void {
  d.lower('schedule.endsAt', previous.schedule.endsAt, next.schedule.endsAt);
  // No stock or budget is no limit: dropping one is in the consumer's favour.
  if (previous.stock) d.limit('stock.total', previous.stock.total, next.stock?.total);
  if (previous.budget) d.limit('budget.totalFen', previous.budget.totalFen, next.budget?.totalFen);
  dailyRuleChanges(d, previous, next);
  d.imposed('antiAbuse.newUsersOnly', previous.antiAbuse.newUsersOnly, next.antiAbuse.newUsersOnly);
  d.imposed('antiAbuse.blockSameDevice', previous.antiAbuse.blockSameDevice, next.antiAbuse.blockSameDevice);
  d.limit(
    'antiAbuse.maxActionsPerActorPerDay',
    previous.antiAbuse.maxActionsPerActorPerDay,
    next.antiAbuse.maxActionsPerActorPerDay,
  );
  d.changed('disclosure.eligibility', previous.disclosure.eligibility, next.disclosure.eligibility);
  d.changed('disclosure.extraTerms', previous.disclosure.extraTerms, next.disclosure.extraTerms);
  d.changed('disclosure.referencePrice', previous.disclosure.referencePrice, next.disclosure.referencePrice);
  const privacy = [previous.disclosure.privacy, next.disclosure.privacy] as const;
  if (privacy[0] && privacy[1]) {
    d.higher('disclosure.privacy.retentionDays', privacy[0].retentionDays, privacy[1].retentionDays);
    if (privacy[1].recipients.length > privacy[0].recipients.length)
      d.changed('disclosure.privacy.recipients', privacy[0].recipients, privacy[1].recipients);
  }
  for (const [i, before] of previous.rewards.entries()) {
    const at = `rewards[${i}]`;
    const after = next.rewards.find((r) => r.id === before.id);
    if (!after) {
      d.changed(`${at}.id`, before.id, null);
      continue;
    }
    if (before.valueFen !== undefined) d.lower(`${at}.valueFen`, before.valueFen, after.valueFen ?? 0);
    if (before.quantity !== undefined) d.lower(`${at}.quantity`, before.quantity, after.quantity ?? 0);
    d.changed(`${at}.kind`, before.kind, after.kind);
    if (before.points !== undefined) d.lower(`${at}.points`, before.points, after.points ?? 0);
    if (before.membershipDays !== undefined)
      d.lower(`${at}.membershipDays`, before.membershipDays, after.membershipDays ?? 0);
    d.changed(`${at}.name`, before.name, after.name);
    d.changed(`${at}.scope`, before.scope, after.scope);
    d.limit(`${at}.validDays`, before.validDays, after.validDays);
    if (before.fulfilment) {
      d.changed(`${at}.fulfilment.method`, before.fulfilment.method, after.fulfilment?.method);
      d.higher(`${at}.fulfilment.feeFen`, before.fulfilment.feeFen, after.fulfilment?.feeFen ?? 0);
      const within = [before.fulfilment.withinDays, after.fulfilment?.withinDays] as const;
      if (within[0] !== undefined)
        if (within[1] === undefined) d.changed(`${at}.fulfilment.withinDays`, within[0], within[1]);
        else d.higher(`${at}.fulfilment.withinDays`, within[0], within[1]);
    }
  }
}

/** Opening hours that start later or end sooner, hours where there were none, and a smaller per-day stock are worse. */
function dailyRuleChanges(d: RuleDiff, previous: Campaign, next: Campaign): void {
  const [a, b] = [previous.daily?.hours, next.daily?.hours];
  if (b !== undefined) {
    if (a === undefined) d.changed('daily.hours', 'always open', b);
    else {
      if (minutesOf(b.opens) > minutesOf(a.opens)) d.changed('daily.hours.opens', a.opens, b.opens);
      if (minutesOf(b.closes) < minutesOf(a.closes)) d.changed('daily.hours.closes', a.closes, b.closes);
    }
  }
  d.limit('daily.stock', previous.daily?.stock, next.daily?.stock);
}

/** Rule fields several mechanics share by name, each compared the same way wherever it appears. */
function sharedFieldChanges(d: RuleDiff, a: Record<string, unknown>, b: Record<string, unknown>): void {
  const num = (rules: Record<string, unknown>, key: string) =>
    typeof rules[key] === 'number' ? (rules[key] as number) : undefined;
  for (const key of ['timeLimitMinutes', 'payWindowMinutes', 'launchesPerUser', 'perUserLimit']) {
    const [before, after] = [num(a, key), num(b, key)];
    if (before !== undefined && after !== undefined) d.lower(`rules.${key}`, before, after);
  }
  if ('helperQuotaPerCampaign' in a || 'helperQuotaPerCampaign' in b)
    d.limit(
      'rules.helperQuotaPerCampaign',
      num(a, 'helperQuotaPerCampaign'),
      num(b, 'helperQuotaPerCampaign'),
    );
}

/**
 * The changes from `previous` to `next` worse for consumers: the common fields, the mechanic's own (`own`), then
 * the rule fields mechanics share (time limits, pay windows, launches, per-user and helper quotas).
 * @example ruleChanges(live, next, (d, a, b) => d.higher('rules.size', a.size, b.size))
 */
export function ruleChanges<TRules extends object>(
  previous: Campaign & { readonly rules: TRules },
  next: Campaign & { readonly rules: TRules },
  own: (d: RuleDiff, a: TRules, b: TRules) => void,
): FieldIssue[] {
  const d = ruleDiff();
  commonRuleChanges(d, previous, next);
  own(d, previous.rules, next.rules);
  sharedFieldChanges(d, previous.rules as Record<string, unknown>, next.rules as Record<string, unknown>);
  return d.issues;
}

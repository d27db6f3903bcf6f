import type { Locale } from '@liebian/core';
import type { ComponentChildren } from 'preact';
import type { ConsoleCopy } from '../../copy.js';

/**
 * Console roles, weakest first; each may do what the ones before it may.
 *
 * @example
 * const authorize = (operator: ConsoleOperator): ConsoleRole | null =>
 *   admins.has(operator.id) ? 'admin' : staff.has(operator.id) ? 'operator' : null;
 */
export type ConsoleRole = 'viewer' | 'operator' | 'admin';
export const ROLES: readonly ConsoleRole[] = ['viewer', 'operator', 'admin'];

/** What every page is rendered with. */
export interface PageContext {
  readonly copy: ConsoleCopy;
  readonly lang: Locale;
  readonly operatorId: string;
  readonly role: ConsoleRole;
  readonly csrf: string;
  /** A fresh action key (one per form: the same key is one action). */
  readonly newKey: () => string;
  /** A console path with the language kept: `href('/reviews', { status: 'pending' })`. */
  href(path: string, query?: Readonly<Record<string, string>>): string;
  /** An instant in the console's time zone, `2026-12-02 10:00`. */
  time(ms: number): string;
  /** Whether the operator's role reaches `role`. */
  may(role: ConsoleRole): boolean;
}

/**
 * A state-changing form: posted, with the operator's CSRF token, a fresh action key and the language. Buttons of
 * an action the role may not do are never rendered (and the server refuses the post anyway).
 */
export function ActionForm(props: {
  ctx: PageContext;
  action: string;
  children: ComponentChildren;
  /** Reuse a key (the confirmation of an action keeps the key of the form that asked for it). */
  actionKey?: string;
  id?: string;
}) {
  const { ctx } = props;
  return (
    <form method="post" action={ctx.href(props.action)} data-once="" id={props.id}>
      <input type="hidden" name="csrf" value={ctx.csrf} />
      <input type="hidden" name="key" value={props.actionKey ?? ctx.newKey()} />
      {props.children}
    </form>
  );
}

/** A campaign phase as a badge. */
export function PhaseBadge({ ctx, phase }: { ctx: PageContext; phase: keyof ConsoleCopy['phases'] }) {
  return <span class={`phase phase-${phase}`}>{ctx.copy.phases[phase]}</span>;
}

/** JSON for the audit's before/after columns. */
export const asJson = (value: unknown) =>
  value === null || value === undefined ? '—' : JSON.stringify(value, null, 1);

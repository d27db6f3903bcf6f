import { ALLOW, type Decision, deny } from '../mechanic.js';
import type { BargainContext, BargainEvent, BargainStateValue } from './context.js';

/** Decisions shared by the machine's guards, the engine's pre-checks and the view's "what can I do". */

export function helpDecision(
  value: BargainStateValue,
  context: BargainContext,
  actorId: string,
  at: number,
): Decision {
  if (value === 'purchasable' && context.purchasableBecause === 'floor') return deny('floor-reached');
  if (value !== 'cutting' || at >= context.expiresAt) return deny('instance-ended');
  if (actorId === context.initiator) return deny('self-help');
  return ALLOW;
}

export function purchaseDecision(
  value: BargainStateValue,
  context: BargainContext,
  actorId: string,
): Decision {
  if (actorId !== context.initiator) return deny('not-initiator');
  if (value === 'purchasable') return ALLOW;
  if (value !== 'cutting') return deny('instance-ended');
  const { purchasableAt, purchasableAfterHelpers = 0 } = context.rules;
  if (purchasableAt === 'any') return ALLOW;
  if (purchasableAt === 'helpers' && context.helps >= purchasableAfterHelpers) return ALLOW;
  return deny('not-purchasable');
}

export function cancelDecision(value: BargainStateValue, context: BargainContext, actorId: string): Decision {
  if (actorId !== context.initiator) return deny('not-initiator');
  if (value !== 'cutting' && value !== 'purchasable') return deny('instance-ended');
  return ALLOW;
}

/** Whether a bargain that runs out of time may still be bought at its current price. */
export function purchasableOnTimeout(context: BargainContext): boolean {
  const { purchasableAt, purchasableAfterHelpers = 0 } = context.rules;
  if (purchasableAt === 'any') return true;
  return purchasableAt === 'helpers' && context.helps >= purchasableAfterHelpers;
}

export function deadlineDue(value: BargainStateValue, context: BargainContext, event: BargainEvent): boolean {
  if (event.type !== 'bargain.deadline') return false;
  if (event.deadline === 'expire') return value === 'cutting' && event.at >= context.expiresAt;
  return value === 'purchasable' && context.payBy !== null && event.at >= context.payBy;
}

export function decide(value: BargainStateValue, context: BargainContext, event: BargainEvent): Decision {
  switch (event.type) {
    case 'bargain.help':
      return helpDecision(value, context, event.actor.id, event.at);
    case 'bargain.purchase':
      return purchaseDecision(value, context, event.actor.id);
    case 'bargain.cancel':
      return cancelDecision(value, context, event.actor.id);
    case 'bargain.deadline':
      return deadlineDue(value, context, event) ? ALLOW : deny('instance-ended');
  }
}

import { ALLOW, type Decision, deny } from '../mechanic.js';
import type { AssistContext, AssistEvent, AssistStateValue } from './context.js';

export function helpDecision(
  value: AssistStateValue,
  context: AssistContext,
  actorId: string,
  at: number,
): Decision {
  if (value === 'completed') return deny('goal-reached');
  if (value !== 'collecting' || at >= context.expiresAt) return deny('instance-ended');
  if (actorId === context.initiator) return deny('self-help');
  return ALLOW;
}

export function cancelDecision(value: AssistStateValue, context: AssistContext, actorId: string): Decision {
  if (actorId !== context.initiator) return deny('not-initiator');
  return value === 'collecting' ? ALLOW : deny('instance-ended');
}

export function decide(value: AssistStateValue, context: AssistContext, event: AssistEvent): Decision {
  switch (event.type) {
    case 'assist.help':
      return helpDecision(value, context, event.actor.id, event.at);
    case 'assist.cancel':
      return cancelDecision(value, context, event.actor.id);
    case 'assist.deadline':
      return value === 'collecting' && event.at >= context.expiresAt ? ALLOW : deny('instance-ended');
  }
}

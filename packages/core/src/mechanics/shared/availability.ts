import type { Decision, RejectionReason } from '../mechanic.js';

/** Whether the viewer may do something now, and if not, why (a reason the UI maps to copy). */
export type Availability =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: RejectionReason };

/** Who is looking at an instance. */
export type ViewerRole = 'initiator' | 'helper' | 'visitor';

export const ALLOWED: Availability = { allowed: true };

export const toAvailability = (decision: Decision): Availability =>
  decision.ok ? ALLOWED : { allowed: false, reason: decision.reason };

/** Inviting friends is the initiator's action while the instance is open. */
export function inviteAvailability(role: ViewerRole, open: boolean): Availability {
  if (role !== 'initiator') return { allowed: false, reason: 'not-initiator' };
  return open ? ALLOWED : { allowed: false, reason: 'instance-ended' };
}

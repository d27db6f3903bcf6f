import type { z } from 'zod';
import type { assistCommandSchema } from '../mechanics/assist/schema.js';
import type { bargainCommandSchema } from '../mechanics/bargain/schema.js';
import type { couponCommandSchema } from '../mechanics/coupon/schema.js';
import type { groupBuyCommandSchema } from '../mechanics/group-buy/schema.js';
import type { leaderboardCommandSchema } from '../mechanics/leaderboard/schema.js';
import type { referralCommandSchema } from '../mechanics/referral/schema.js';
import type { swapCommandSchema } from '../mechanics/swap/schema.js';

/**
 * The commands of each kind, from its command schema: what `engine.send` accepts for an instance of that kind.
 *
 * @example
 * type BargainCommandType = CommandsByKind['bargain']['type']; // 'bargain.help' | 'bargain.purchase' | …
 */
export interface CommandsByKind {
  readonly bargain: z.input<typeof bargainCommandSchema>;
  readonly assist: z.input<typeof assistCommandSchema>;
  readonly coupon: z.input<typeof couponCommandSchema>;
  readonly 'group-buy': z.input<typeof groupBuyCommandSchema>;
  readonly leaderboard: z.input<typeof leaderboardCommandSchema>;
  readonly referral: z.input<typeof referralCommandSchema>;
  readonly swap: z.input<typeof swapCommandSchema>;
}

/**
 * A command for an instance of `K` (default: any kind): its `type` is one of the kind's command types, so a
 * misspelt `{ type: 'bargain.hlep' }` does not compile, and its payload fields are the ones that type needs.
 * `eventId` is the idempotency key (sending the same event twice has the effect of sending it once).
 *
 * @example
 * const help: Command<'bargain'> = { type: 'bargain.help', eventId: 'req-123' };
 * const pay: Command = { type: 'group-buy.pay', orderId: 'order-9' };
 * await engine.send(instanceId, help, { actor: { id: 'bob' } });
 */
export type Command<K extends keyof CommandsByKind = keyof CommandsByKind> = CommandsByKind[K] & {
  readonly eventId?: string;
};

/** Every command type of every kind, e.g. `'bargain.help'`. @example const type: CommandType = 'swap.accept'; */
export type CommandType = Command['type'];

import { createEngine as createEngineImpl } from '../engine/create-engine.js';
import type { Engine as EngineContract, EngineOptions, SendResult } from '../engine/types.js';
import type { Actor } from '../mechanics/mechanic.js';
import type { Command } from './commands.js';

/**
 * A running engine: starts instances of its campaigns, applies commands exactly once, answers views, delivers
 * deadlines. `send` takes a {@link Command} of a known kind, so a misspelt command type is a compile error.
 *
 * @example
 * const engine: Engine = createEngine({ campaigns: [campaign] });
 * const launch = await engine.start(campaign.id, { actor: { id: 'alice' } });
 * if (launch.status === 'accepted')
 *   await engine.send(launch.instanceId, { type: 'bargain.help', eventId: 'req-1' }, { actor: { id: 'bob' } });
 */
export interface Engine extends Omit<EngineContract, 'send'> {
  /**
   * Applies a command as `actor` (from authentication, never from the request body); `channel` is where the actor
   * came from (the channel carried in a signed invite link), kept for analytics.
   */
  send(
    instanceId: string,
    command: Command,
    options: { actor: Actor; channel?: string },
  ): Promise<SendResult>;
}

/**
 * Creates an engine over a store (the memory store unless you pass one). Clock, ids and randomness are injected
 * through `options`, so tests are deterministic.
 *
 * @example
 * const engine = createEngine({ campaigns: [defineCampaign(json)] });
 * // PostgreSQL instead of memory:
 * // createEngine({ campaigns, store: await createPostgresStore({ connectionString }) })
 */
export const createEngine: (options: EngineOptions) => Engine = createEngineImpl;

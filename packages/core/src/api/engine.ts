import type { MechanicKind } from '../campaign/campaign-schema.js';
import { createEngine as createEngineImpl } from '../engine/create-engine.js';
import type { Engine as EngineContract, EngineOptions, SendResult } from '../engine/types.js';
import type { Actor } from '../mechanics/mechanic.js';
import type { Command } from './commands.js';

/**
 * A running engine: starts instances of its campaigns, applies commands exactly once, answers views, delivers
 * deadlines. `send` takes a {@link Command} of one of the engine's kinds `K` (inferred by {@link createEngine} from
 * the campaigns it was given; every kind when it cannot tell), so a misspelt command type, or a command of a kind
 * the engine does not run, is a compile error. `Engine<K>` is assignable to the plain `Engine` that the HTTP handler
 * and `@liebian/h5` accept.
 *
 * @example
 * const engine: Engine<'bargain'> = createEngine({ campaigns: [defineCampaign(json, 'bargain')] });
 * const launch = await engine.start(campaign.id, { actor: { id: 'alice' } });
 * if (launch.status === 'accepted')
 *   await engine.send(launch.instanceId, { type: 'bargain.help', eventId: 'req-1' }, { actor: { id: 'bob' } });
 * const plain: Engine = engine; // what createHandler({ engine }) takes
 */
export interface Engine<K extends MechanicKind = MechanicKind> extends Omit<EngineContract, 'send'> {
  /**
   * Applies a command as `actor` (from authentication, never from the request body); `channel` is where the actor
   * came from (the channel carried in a signed invite link), kept for analytics.
   */
  send(
    instanceId: string,
    command: Command<K>,
    options: { actor: Actor; channel?: string },
  ): Promise<SendResult>;
}

/**
 * The kinds of a list of campaigns, as the type system sees them: `'bargain'` for `[defineCampaign(json, 'bargain')]`,
 * every kind for campaigns of unknown kind (`defineCampaign(json)` without an expected kind, raw JSON) or an empty
 * list.
 *
 * @example
 * type Kinds = KindsOf<[BargainCampaign, SwapCampaign]>; // 'bargain' | 'swap'
 * type Any = KindsOf<unknown[]>; // every MechanicKind
 */
export type KindsOf<C extends readonly unknown[]> = [C[number]] extends [never]
  ? MechanicKind
  : C[number] extends infer Each
    ? Each extends { readonly kind: infer K extends MechanicKind }
      ? K
      : MechanicKind
    : never;

/**
 * What {@link createEngine} takes: the {@link EngineOptions}, with the campaigns' own type kept so the engine's
 * kinds can be inferred from them.
 *
 * @example
 * const options: CreateEngineOptions<[BargainCampaign]> = { campaigns: [defineCampaign(json, 'bargain')] };
 */
export type CreateEngineOptions<C extends readonly unknown[]> = Omit<EngineOptions, 'campaigns'> & {
  /** Validated campaigns (from `defineCampaign`) or raw definitions, validated here. */
  readonly campaigns: C;
};

/**
 * Creates an engine over a store (the memory store unless you pass one). Clock, ids and randomness are injected
 * through `options`, so tests are deterministic. The engine's kinds are inferred from `campaigns`: pass
 * `defineCampaign(json, 'bargain')` and only bargain commands compile.
 *
 * @example
 * const engine = createEngine({ campaigns: [defineCampaign(json, 'bargain')] });
 * await engine.send(instanceId, { type: 'bargain.help' }, { actor }); // compiles
 * // engine.send(instanceId, { type: 'bargain.hlep' }, { actor });   // does not
 * // PostgreSQL instead of memory:
 * // createEngine({ campaigns, store: await createPostgresStore({ connectionString }) })
 */
export function createEngine<const C extends readonly unknown[]>(
  options: CreateEngineOptions<C>,
): Engine<KindsOf<C>> {
  const engine: Engine = createEngineImpl(options);
  return engine;
}

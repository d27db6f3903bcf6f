import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MechanicKind } from '../campaign/campaign-schema.js';
import { defineCampaign } from '../campaign/define-campaign.js';
import type { Engine as HandlerEngine } from '../engine/types.js';
import { createHandler } from '../http/create-handler.js';
import { bargainCampaignInput, DURING_CAMPAIGN } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import type { BargainCampaign } from '../mechanics/bargain/schema.js';
import { groupBuyCampaignInput } from '../mechanics/group-buy/group-buy-fixture.test-utils.js';
import type { SwapCampaign } from '../mechanics/swap/schema.js';
import { createManualClock } from '../primitives/clock.js';
import type { Command } from './commands.js';
import { createEngine, type Engine, type KindsOf } from './engine.js';

// The `@ts-expect-error` lines are checked by `npm run typecheck`: each fails it if the line compiles.
describe('an engine typed from its campaigns', () => {
  it('infers the kinds it runs: commands of other kinds and misspelt types do not compile', async () => {
    const bargain = defineCampaign(bargainCampaignInput(), 'bargain');
    const engine = createEngine({ campaigns: [bargain], clock: createManualClock(DURING_CAMPAIGN) });
    expectTypeOf(engine).toEqualTypeOf<Engine<'bargain'>>();
    const started = await engine.start(bargain.id, { actor: { id: 'alice' } });
    const bob = { actor: { id: 'bob' } };
    const helped = await engine.send(started.instanceId, { type: 'bargain.help', eventId: 'e1' }, bob);
    expect(helped.status).toBe('accepted');
    // @ts-expect-error a misspelt command type
    const misspelt = engine.send(started.instanceId, { type: 'bargain.hlep' }, bob);
    await expect(misspelt).rejects.toMatchObject({ code: 'invalid-event' });
    // @ts-expect-error this engine runs no group buy
    const otherKind = engine.send(started.instanceId, { type: 'group-buy.join' }, bob);
    await expect(otherKind).rejects.toMatchObject({ code: 'invalid-event' });
    await engine.dispose();
  });

  it('takes the commands of every kind it was given, and of all kinds when it cannot tell', () => {
    const bargain = defineCampaign(bargainCampaignInput(), 'bargain');
    const groupBuy = defineCampaign(groupBuyCampaignInput(), 'group-buy');
    const both = createEngine({ campaigns: [bargain, groupBuy] });
    expectTypeOf(both).toEqualTypeOf<Engine<'bargain' | 'group-buy'>>();
    expectTypeOf(both.send).parameter(1).toEqualTypeOf<Command<'bargain'> | Command<'group-buy'>>();
    const untyped = createEngine({ campaigns: [defineCampaign(bargainCampaignInput())] });
    expectTypeOf(untyped).toEqualTypeOf<Engine>();
    const raw = createEngine({ campaigns: [bargainCampaignInput() as unknown] });
    expectTypeOf(raw).toEqualTypeOf<Engine>();
    expectTypeOf<KindsOf<[]>>().toEqualTypeOf<MechanicKind>();
    expectTypeOf<KindsOf<[BargainCampaign, SwapCampaign]>>().toEqualTypeOf<'bargain' | 'swap'>();
    expectTypeOf<KindsOf<readonly BargainCampaign[]>>().toEqualTypeOf<'bargain'>();
    // @ts-expect-error a group buy's pay needs its orderId, whichever engine sends it
    const noOrder: Parameters<typeof both.send>[1] = { type: 'group-buy.pay' };
    expect(noOrder.type).toBe('group-buy.pay');
    return Promise.all([both.dispose(), untyped.dispose(), raw.dispose()]);
  });

  it('stays assignable to the plain Engine that the HTTP handler and @liebian/h5 accept', async () => {
    const engine = createEngine({ campaigns: [defineCampaign(bargainCampaignInput(), 'bargain')] });
    expectTypeOf<Engine<'bargain'>>().toExtend<Engine>();
    expectTypeOf<Engine<'bargain' | 'swap'>>().toExtend<Engine>();
    expectTypeOf<Engine<'bargain'>>().toExtend<HandlerEngine>();
    const plain: Engine = engine;
    const handler = createHandler(engine, { authenticate: () => ({ id: 'alice' }) });
    const answer = await handler(new Request('http://localhost/campaigns'));
    expect(answer.status).toBeLessThan(500);
    expect(plain).toBe(engine);
    await engine.dispose();
  });
});

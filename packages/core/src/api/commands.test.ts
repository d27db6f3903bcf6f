import { describe, expect, expectTypeOf, it } from 'vitest';
import { bargainCampaignInput } from '../mechanics/bargain/bargain-fixture.test-utils.js';
import { createManualClock } from '../primitives/clock.js';
import type { Command, CommandType } from './commands.js';
import { createEngine } from './engine.js';

describe('commands typed from the mechanics', () => {
  it('refuses a misspelt command type or a missing payload field at compile time', () => {
    // @ts-expect-error 'bargain.hlep' is not a command of any kind
    const misspelt: Command = { type: 'bargain.hlep' };
    // @ts-expect-error a bargain instance takes no group-buy command
    const otherKind: Command<'bargain'> = { type: 'group-buy.join' };
    // @ts-expect-error group-buy.pay needs its orderId
    const noOrder: Command = { type: 'group-buy.pay' };
    const pay: Command<'group-buy'> = { type: 'group-buy.pay', orderId: 'order-9', eventId: 'e1' };
    expectTypeOf<'bargain.help'>().toExtend<CommandType>();
    expect([misspelt.type, otherKind.type, noOrder.type, pay.orderId]).toEqual([
      'bargain.hlep',
      'group-buy.join',
      'group-buy.pay',
      'order-9',
    ]);
  });

  it('types engine.send: a misspelt type does not compile, and at run time is refused as invalid', async () => {
    const { defineCampaign } = await import('../campaign/define-campaign.js');
    const campaign = defineCampaign(bargainCampaignInput());
    const engine = createEngine({
      campaigns: [campaign],
      clock: createManualClock(campaign.schedule.startsAt + 60_000),
    });
    const started = await engine.start(campaign.id, { actor: { id: 'alice' } });
    const send = () =>
      // @ts-expect-error the typed engine refuses it before it runs
      engine.send(started.instanceId, { type: 'bargain.hlep' }, { actor: { id: 'bob' } });
    await expect(send()).rejects.toMatchObject({ code: 'invalid-event' });
    await engine.dispose();
  });
});

import { describe, expect, it } from 'vitest';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { createEngine } from '../../engine/create-engine.js';
import { createManualClock } from '../../primitives/clock.js';
import { seededRandom } from '../../primitives/random.js';
import { book, DURING_SWAP, swapCampaignInput } from './swap-fixture.test-utils.js';
import type { SwapView } from './view.js';

describe('swap under concurrency (memory store)', () => {
  it('one item offered to 20 listings, all owners accept at once: exactly one swap gets it', async () => {
    const campaign = defineCampaign(swapCampaignInput(), 'swap');
    const engine = createEngine({
      campaigns: [campaign],
      clock: createManualClock(DURING_SWAP),
      random: seededRandom(6),
    });
    const listings = Array.from({ length: 20 }, (_, i) => `L${i}`);
    for (const id of listings)
      await engine.start(campaign.id, {
        actor: { id: `owner-${id}` },
        instanceId: id,
        input: { item: book(`${id}-book`) },
      });
    const proposals = await Promise.all(
      listings.map((id) =>
        engine.send(
          id,
          { type: 'swap.propose', offer: book('rare-first-edition'), eventId: `p-${id}` },
          { actor: { id: 'collector' } },
        ),
      ),
    );
    expect(proposals.every((p) => p.status === 'accepted')).toBe(true);
    const accepts = await Promise.all(
      listings.map((id) =>
        engine.send(id, { type: 'swap.accept', proposalId: `p-${id}` }, { actor: { id: `owner-${id}` } }),
      ),
    );
    expect(accepts.filter((r) => r.status === 'accepted')).toHaveLength(1);
    expect(
      accepts.filter((r) => r.status === 'rejected').map((r) => r.status === 'rejected' && r.reason),
    ).toEqual(Array(19).fill('item-promised'));
    const states = await Promise.all(
      listings.map(async (id) => ((await engine.view(id, null)) as SwapView).state),
    );
    expect(states.filter((s) => s === 'reserved')).toHaveLength(1);
  });
});

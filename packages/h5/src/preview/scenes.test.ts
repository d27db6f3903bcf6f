import { readdirSync, readFileSync } from 'node:fs';
import { defineCampaign } from '@liebian/core';
import { describe, expect, it } from 'vitest';
import { playScene, SCENES } from './scenes.js';

const dir = new URL('../../../../examples/campaigns/', import.meta.url);
const campaigns = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => defineCampaign(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));

describe('preview scenes', () => {
  it.each(campaigns.map((c) => [c.kind, c] as const))(
    '%s: every scene plays on the real engine and shows something a fresh start does not',
    async (_kind, campaign) => {
      const states: Record<string, string> = {};
      const shown: Record<string, string> = {};
      for (const scene of SCENES) {
        const played = await playScene(campaign, scene.id);
        const view = await played.engine.view(played.instanceId, played.viewers.initiator);
        states[scene.id] = view.state;
        shown[scene.id] = JSON.stringify({ ...view, serverNow: 0, deadline: null });
        await played.engine.dispose();
      }
      for (const scene of ['active', 'done', 'ended']) expect(shown[scene]).not.toBe(shown.fresh);
      expect(states.ended).not.toBe(states.fresh);
    },
  );
});

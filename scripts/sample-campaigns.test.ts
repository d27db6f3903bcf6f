import { readdirSync, readFileSync } from 'node:fs';
import { createEngine, defineCampaign } from '@liebian/core';
import { dailyWindow } from '@liebian/core/mechanics';
import { createManualClock } from '@liebian/core/testing';
import { FRIEND_ACTION } from '@liebian/h5';
import { describe, expect, it } from 'vitest';

const dir = 'examples/campaigns';
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('sample campaigns', () => {
  it.each(files)('%s is valid and references the JSON Schema', (file) => {
    const json = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
    expect(json.$schema).toBe('../../packages/core/campaign.schema.json');
    // One file per kind (<kind>.json), plus variants of a rule family (<kind>-<variant>.json).
    expect(file).toMatch(new RegExp(`^${defineCampaign(json).kind}(-[a-z0-9-]+)?\\.json$`));
  });

  it.each(files)(
    '%s runs: an instance starts, a friend acts, the disclosure reads in both languages',
    async (file) => {
      const campaign = defineCampaign(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
      const engine = createEngine({
        campaigns: [campaign],
        // A day in; with opening hours (daily.hours), their next opening, when friends can act.
        clock: createManualClock(
          dailyWindow(campaign, campaign.schedule.startsAt + 86_400_000).nextOpensAt ??
            campaign.schedule.startsAt + 86_400_000,
        ),
      });
      const input = campaign.kind === 'swap' ? { item: { id: 'my-book', title: '《三体》' } } : undefined;
      const started = await engine.start(campaign.id, { actor: { id: 'initiator' }, input });
      expect(started.status).toBe('accepted');
      const result = await engine.send(started.instanceId, FRIEND_ACTION[campaign.kind](0, campaign), {
        actor: { id: 'friend', newUser: true },
      });
      expect(result.status).toBe('accepted');
      expect(engine.disclose(campaign.id, 'zh-CN').lines.length).toBeGreaterThan(5);
      expect(engine.disclose(campaign.id, 'en').lines.join(' ')).not.toMatch(/undefined|NaN|\[object/);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { campaignJsonSchema } from '../../campaign/campaign-json-schema.js';
import { defineCampaign } from '../../campaign/define-campaign.js';
import { isLiebianError, type LiebianError } from '../../errors/liebian-error.js';
import { bargainCampaignInput } from './bargain-fixture.test-utils.js';

function rejection(input: unknown): LiebianError {
  try {
    defineCampaign(input);
  } catch (error) {
    if (isLiebianError(error, 'invalid-campaign')) return error;
    throw error;
  }
  throw new Error('expected the campaign to be rejected');
}

describe('bargain campaign validation', () => {
  it('accepts the fixture and fills defaults', () => {
    const campaign = defineCampaign(bargainCampaignInput(), 'bargain');
    expect(campaign.rules.purchasableAt).toBe('floor');
    expect(campaign.rules.payWindowMinutes).toBe(30);
    expect(campaign.schedule.startsAt).toBe(Date.parse('2026-12-01T00:00:00+08:00'));
    expect(campaign.antiAbuse.blockSameDevice).toBe(true);
  });

  it.each([
    [
      'floor at or above the original price',
      { floorPrice: 19900 },
      'rules.floorPrice',
      19900,
      /below originalPrice \(19900\)/,
    ],
    [
      'uniform min above max',
      { helpersToFloor: undefined, cut: { strategy: 'uniform', min: 500, max: 100 } },
      'rules.cut.min',
      500,
      /must not exceed cut.max \(100\)/,
    ],
    [
      'a strategy that cannot reach the floor in the stated helpers',
      { helpersToFloor: 3, cut: { strategy: 'uniform', min: 10, max: 100 } },
      'rules.helpersToFloor',
      3,
      /cover only 300 of 18910/,
    ],
    [
      'more helpers than 分 to cut',
      { originalPrice: 1000, floorPrice: 998, helpersToFloor: 5 },
      'rules.helpersToFloor',
      5,
      /need 5 分 but only 2 分/,
    ],
    [
      'a fixed cut that would hit the floor early',
      { helpersToFloor: 5, cut: { strategy: 'fixed', amount: 10000 } },
      'rules.cut.amount',
      10000,
      /reached before the last helper/,
    ],
    [
      'a ratio strategy without helpersToFloor',
      { helpersToFloor: undefined },
      'rules.helpersToFloor',
      undefined,
      /required by cut.strategy "ratio-of-remaining"/,
    ],
    ['money as a float', { originalPrice: 199.5 }, 'rules.originalPrice', 199.5, /whole number of 分/],
    [
      'purchasableAt helpers without a count',
      { purchasableAt: 'helpers' },
      'rules.purchasableAfterHelpers',
      undefined,
      /required when purchasableAt is "helpers"/,
    ],
    [
      'an unknown reward',
      { rewardId: 'mug' },
      'rules.rewardId',
      'mug',
      /one of the campaign's rewards \(tea-set\)/,
    ],
  ])('rejects %s, naming the field, the value and the fix', (_name, rules, path, value, message) => {
    const error = rejection(bargainCampaignInput(rules));
    const issue = error.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(error.issues)).toBeDefined();
    expect(issue?.value).toEqual(value);
    expect(issue?.message).toMatch(message);
    expect(error.message).toContain(path);
  });

  it('rejects an unsafe image URL and an unknown field', () => {
    const error = rejection(
      bargainCampaignInput(
        {},
        {
          page: {
            hook: { title: 'x', image: { src: 'javascript:alert(1)', alt: 'a' } },
            cta: { headline: 'y' },
            colour: 'red',
          },
        },
      ),
    );
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['page.hook.image.src', 'page']));
  });

  it('rejects an unknown kind with the list of kinds', () => {
    const error = rejection({ ...bargainCampaignInput(), kind: 'lottery' });
    expect(error.issues[0]).toMatchObject({ path: 'kind', value: 'lottery' });
    expect(error.message).toContain('bargain');
  });

  it('rejects a schedule that ends before it starts', () => {
    const error = rejection(
      bargainCampaignInput(
        {},
        { schedule: { startsAt: '2026-12-31T00:00:00+08:00', endsAt: '2026-12-01T00:00:00+08:00' } },
      ),
    );
    expect(error.issues[0]?.path).toBe('schedule.endsAt');
  });

  it('exports a JSON Schema editors can use, with a branch per kind', () => {
    type Branch = {
      if: { properties: { kind: { const: string } } };
      then: { properties: { rules: { properties: Record<string, unknown> } } };
    };
    const schema = campaignJsonSchema() as { $schema: string; allOf: Branch[] };
    expect(schema.$schema).toContain('2020-12');
    const bargain = schema.allOf.find((b) => b.if.properties.kind.const === 'bargain')?.then;
    expect(bargain?.properties.rules.properties).toHaveProperty('floorPrice');
  });
});

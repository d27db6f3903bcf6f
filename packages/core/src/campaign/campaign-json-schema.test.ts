import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_SCHEMA_ID, campaignJsonSchema } from './campaign-json-schema.js';
import { validateCampaign } from './define-campaign.js';

const samples = ['assist', 'bargain', 'coupon', 'group-buy', 'leaderboard', 'referral', 'swap'];
const sample = (kind: string) =>
  JSON.parse(readFileSync(new URL(`../../../../examples/campaigns/${kind}.json`, import.meta.url), 'utf8'));

// A generic validator, as an editor or a CI step would use it: all errors, default (strict) options, standard formats.
const ajv = new Ajv2020({ allErrors: true });
formats.default(ajv); // ajv-formats is CommonJS: its plugin is `default` under Node's ESM interop
const validate = ajv.compile(campaignJsonSchema());

function errorsOf(file: unknown): ErrorObject[] {
  validate(file);
  return validate.errors ?? [];
}
/** The errors that name a mistake; `if` lines only say which kind's (or variant's) branch was checked. */
const mistakes = (errors: ErrorObject[]) =>
  errors.filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath} ${e.keyword}`);

describe('the campaign JSON Schema', () => {
  it('has a description on every field of every kind', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        for (const item of node) walk(item, path);
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      const { properties, if: condition, ...rest } = node as Record<string, unknown>;
      if (properties && typeof properties === 'object')
        for (const [name, child] of Object.entries(properties)) {
          if (!(child as { description?: string }).description) missing.push(`${path}.${name}`);
          walk(child, `${path}.${name}`);
        }
      for (const [key, value] of Object.entries(rest)) walk(value, `${path}/${key}`);
      void condition; // an `if` only names the branch; its properties are the branch's, described there
    };
    walk(campaignJsonSchema(), '');
    expect(missing).toEqual([]);
  });

  it('is published under a stable id, and the package ships the generated file', () => {
    const schema = campaignJsonSchema();
    expect(schema.$id).toBe(CAMPAIGN_SCHEMA_ID);
    const shipped = new URL('../../campaign.schema.json', import.meta.url);
    expect(JSON.parse(readFileSync(shipped, 'utf8'))).toEqual(schema);
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(manifest.exports['./campaign.schema.json']).toBe('./campaign.schema.json');
    expect(manifest.files).toContain('campaign.schema.json');
  });

  it.each(samples)('accepts the sample %s campaign, as defineCampaign does', (kind) => {
    const file = sample(kind);
    expect(validateCampaign(file).ok).toBe(true);
    expect(errorsOf(file)).toEqual([]);
  });

  it('reports a file with 4 mistakes as 4 errors, each at its field', () => {
    const file = sample('bargain');
    file.rules.floorPrice = '990'; // a string, not a number of 分
    delete file.schedule.startsAt; // a required field missing
    file.page.brandColor = 'red'; // not #rrggbb
    file.rewards[0].colour = 'green'; // a field that does not exist
    const errors = errorsOf(file);
    expect(mistakes(errors).sort()).toEqual([
      '/page/brandColor pattern',
      '/rewards/0 additionalProperties',
      '/rules/floorPrice type',
      '/schedule required',
    ]);
    // Besides them, one line that says the bargain rules were the ones checked: not 7 kinds' worth of noise.
    expect(errors).toHaveLength(5);
    expect(validateCampaign(file).ok).toBe(false);
  });

  it('reports a mistake inside a variant (a cut strategy, a coupon validity) once', () => {
    const bargain = sample('bargain');
    bargain.rules.cut = { strategy: 'uniform', min: 10 }; // uniform needs max
    expect(mistakes(errorsOf(bargain))).toEqual(['/rules/cut required']);
    bargain.rules.cut = { strategy: 'halving' };
    expect(mistakes(errorsOf(bargain))).toEqual(['/rules/cut/strategy enum']);
    const coupon = sample('coupon');
    coupon.rules.validity = { days: 0 };
    expect(mistakes(errorsOf(coupon))).toEqual(['/rules/validity/days exclusiveMinimum']);
  });

  it("reports an unknown kind once, without checking any kind's rules", () => {
    const file = { ...sample('bargain'), kind: 'lottery' };
    expect(errorsOf(file).map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/kind enum']);
  });
});

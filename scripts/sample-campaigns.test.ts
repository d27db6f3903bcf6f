import { readdirSync, readFileSync } from 'node:fs';
import { defineCampaign } from '@liebian/core';
import { describe, expect, it } from 'vitest';

const dir = 'examples/campaigns';

describe('sample campaigns', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))(
    '%s is valid and references the JSON Schema',
    (file) => {
      const json = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
      expect(json.$schema).toBe('../../docs/schema/campaign.schema.json');
      expect(defineCampaign(json).kind).toBe(file.replace('.json', ''));
    },
  );
});

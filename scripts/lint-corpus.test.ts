import { describe, expect, it } from 'vitest';
import { scoreCorpus } from '../packages/core/src/campaign/lint-corpus/evaluate.js';
import { loadCorpus } from './lint-corpus.js';

const { sets, samples } = loadCorpus();
const all = Object.values(sets).flat();

describe('compliance lint corpus', () => {
  it('has at least 120 labelled campaigns in all three scripts, violations and look-alikes', () => {
    expect(all.length).toBeGreaterThanOrEqual(120);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'])
      expect(all.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(15);
    expect(all.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(50);
  });

  it('leaves the sample campaigns themselves clean (every finding on a case comes from what the case sets)', () => {
    expect(
      scoreCorpus(
        Object.keys(samples).map((sample) => ({
          id: sample,
          lang: 'zh-Hans',
          expect: null,
          sample,
          set: {},
        })),
        samples,
      ).wrongFlags,
    ).toEqual([]);
  });

  it('catches at least 95% of the violations with at most 3% false positives', () => {
    const score = scoreCorpus(all, samples);
    expect({
      ...score,
      recall: score.recall >= 0.95,
      falsePositives: score.falsePositiveRate <= 0.03,
    }).toMatchObject({
      recall: true,
      falsePositives: true,
    });
  });
});

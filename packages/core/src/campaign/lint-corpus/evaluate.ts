import { type LintFinding, lintCampaign } from '../compliance-lint.js';
import { defineCampaign } from '../define-campaign.js';

/** One labelled corpus campaign: a sample with some fields set, and the rule it breaks (null: compliant). */
export interface CorpusCase {
  readonly id: string;
  readonly lang: 'zh-Hans' | 'zh-Hant' | 'en';
  readonly expect: LintFinding['rule'] | null;
  /** Which sample campaign (examples/campaigns/<sample>.json) it starts from. */
  readonly sample: string;
  /** Dotted paths to set; null removes the field. */
  readonly set: Readonly<Record<string, unknown>>;
  readonly note?: string;
}

/** How the lint did on a corpus. */
export interface CorpusScore {
  readonly violations: number;
  readonly compliant: number;
  /** Violations where the lint reported the expected rule. */
  readonly caught: number;
  /** Compliant campaigns the lint reported anything on. */
  readonly falsePositives: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
  readonly precision: number;
  readonly misses: readonly { id: string; expected: string; found: string[] }[];
  readonly wrongFlags: readonly { id: string; found: string[] }[];
}

function withFields(sample: unknown, set: CorpusCase['set']): unknown {
  const copy = structuredClone(sample) as Record<string, unknown>;
  for (const [path, value] of Object.entries(set)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let at = copy;
    for (const key of keys) {
      at[key] ??= {};
      at = at[key] as Record<string, unknown>;
    }
    if (value === null) delete at[last];
    else at[last] = value;
  }
  return copy;
}

/**
 * Lints every case and scores it: a violation counts as caught when the lint reports its rule; a compliant case
 * is a false positive when the lint reports anything at all.
 * @example scoreCorpus(cases, { bargain: json }).recall // 0.97
 */
export function scoreCorpus(
  cases: readonly CorpusCase[],
  samples: Readonly<Record<string, unknown>>,
): CorpusScore {
  const misses: { id: string; expected: string; found: string[] }[] = [];
  const wrongFlags: { id: string; found: string[] }[] = [];
  let caught = 0;
  let flagged = 0;
  for (const item of cases) {
    const found = lintCampaign(defineCampaign(withFields(samples[item.sample], item.set))).map(
      (f) => `${f.rule} ${f.path}`,
    );
    if (item.expect === null) {
      if (found.length > 0) wrongFlags.push({ id: item.id, found });
      continue;
    }
    if (found.length > 0) flagged += 1;
    if (found.some((f) => f.startsWith(`${item.expect} `))) caught += 1;
    else misses.push({ id: item.id, expected: item.expect, found });
  }
  const violations = cases.filter((c) => c.expect !== null).length;
  const compliant = cases.length - violations;
  return {
    violations,
    compliant,
    caught,
    falsePositives: wrongFlags.length,
    recall: caught / violations,
    falsePositiveRate: wrongFlags.length / compliant,
    precision: flagged / (flagged + wrongFlags.length),
    misses,
    wrongFlags,
  };
}

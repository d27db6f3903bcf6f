/**
 * Scores the compliance lint on its labelled corpus and prints recall, precision and the false-positive rate:
 * `node --conditions=source --import tsx scripts/lint-corpus.ts` (add `--list` to print every miss and wrong flag).
 * The corpus is packages/core/src/campaign/lint-corpus/: dev.json (the cases the lint was developed against) and
 * holdout.json (written before the lint, kept for measuring only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type CorpusCase,
  type CorpusScore,
  scoreCorpus,
} from '../packages/core/src/campaign/lint-corpus/evaluate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpusDir = `${root}packages/core/src/campaign/lint-corpus`;

/** The corpus sets and the sample campaigns the cases start from. */
export function loadCorpus(): { sets: Record<string, CorpusCase[]>; samples: Record<string, unknown> } {
  const samples: Record<string, unknown> = {};
  for (const file of readdirSync(`${root}examples/campaigns`).filter((f) => f.endsWith('.json')))
    samples[file.replace('.json', '')] = JSON.parse(
      readFileSync(`${root}examples/campaigns/${file}`, 'utf8'),
    );
  const sets: Record<string, CorpusCase[]> = {};
  for (const name of ['dev', 'holdout', 'probe'])
    sets[name] = JSON.parse(readFileSync(`${corpusDir}/${name}.json`, 'utf8')) as CorpusCase[];
  return { sets, samples };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function print(name: string, cases: readonly CorpusCase[], score: CorpusScore, list: boolean) {
  const langs = ['zh-Hans', 'zh-Hant', 'en'].map((l) => `${l} ${cases.filter((c) => c.lang === l).length}`);
  console.log(
    `${name.padEnd(8)} ${String(cases.length).padStart(3)} cases (${score.violations} violations, ${score.compliant} compliant; ${langs.join(', ')}): recall ${pct(score.recall)} (${score.caught}/${score.violations}), precision ${pct(score.precision)}, false positives ${pct(score.falsePositiveRate)} (${score.falsePositives}/${score.compliant})`,
  );
  if (!list) return;
  for (const miss of score.misses)
    console.log(`  missed ${miss.id}: expected ${miss.expected}, found [${miss.found.join(', ')}]`);
  for (const wrong of score.wrongFlags)
    console.log(`  wrongly flagged ${wrong.id}: [${wrong.found.join(', ')}]`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { sets, samples } = loadCorpus();
  const list = process.argv.includes('--list');
  const all = Object.values(sets).flat();
  for (const [name, cases] of Object.entries(sets)) print(name, cases, scoreCorpus(cases, samples), list);
  print('all', all, scoreCorpus(all, samples), false);
}

/**
 * Prints the lines of one or more `npm run bench` result files as a Markdown table, for docs/performance.md:
 * `node --import tsx bench/markdown.ts bench/results/a.json bench/results/b.json`.
 */
import { readFileSync } from 'node:fs';
import type { Line } from './sections.js';

const num = (n: number) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) < 10 ? 2 : 0 }) : '—';
const spread = (s: Line['engine']) => `${num(s.median)} (${num(s.min)}–${num(s.max)})`;

console.log('| section | store | workload | engine | baseline | engine ÷ baseline (spread) | target |');
console.log('|---|---|---|---|---|---|---|');
for (const file of process.argv.slice(2)) {
  const { lines } = JSON.parse(readFileSync(file, 'utf8')) as { lines: Line[] };
  for (const l of lines) {
    const latency = l.latency
      ? ` · p50/p99 ${num(l.latency.engine.p50)}/${num(l.latency.engine.p99)} ms`
      : '';
    const baseLatency = l.latency
      ? ` · p50/p99 ${num(l.latency.baseline.p50)}/${num(l.latency.baseline.p99)} ms`
      : '';
    const target = l.target
      ? `${l.target.op === '>=' ? '≥' : '≤'} ${l.target.value}×: ${l.met ? 'met' : '**not met**'}`
      : '—';
    console.log(
      `| ${l.section} | ${l.store} | ${l.workload} | ${spread(l.engine)} ${l.unit}${latency} | ${spread(l.baseline)}${baseLatency} | **${num(l.ratio.median)}×** (${num(l.ratio.min)}–${num(l.ratio.max)}) | ${target} |`,
    );
  }
}

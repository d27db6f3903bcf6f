/** Issue 12's targets, checked on every line `npm run bench` prints. Stores without a target print "—". */
export interface Target {
  readonly op: '>=' | '<=';
  readonly value: number;
}

const at = (op: Target['op'], value: number): Target => ({ op, value });

/** Engine ÷ baseline (or, for `latency`, the engine's p99 ÷ p50), by section and store. */
const TARGETS: Record<string, Record<string, Target>> = {
  many: { postgres: at('>=', 2), redis: at('>=', 1) },
  hot: { postgres: at('>=', 10), redis: at('>=', 1.5) },
  coupon: { postgres: at('>=', 2), redis: at('>=', 1) },
  starts: { postgres: at('>=', 1), redis: at('>=', 1) },
  deadlines: { postgres: at('>=', 0.5), redis: at('>=', 0.5) },
  bytes: { postgres: at('<=', 1.5), redis: at('<=', 1.5) },
  cpu: { memory: at('<=', 2) },
  latency: { memory: at('<=', 10), pglite: at('<=', 10), postgres: at('<=', 10), redis: at('<=', 10) },
};

export const targetOf = (section: string, store: string): Target | null => TARGETS[section]?.[store] ?? null;

export const meets = (t: Target, ratio: number) => (t.op === '>=' ? ratio >= t.value : ratio <= t.value);

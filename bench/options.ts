/**
 * `npm run bench` options. Sizes are flags so a quiet machine can run the full sizes and CI a smoke check:
 *
 *   --section many,hot     only these sections (default: all of SECTION_NAMES; `page` and `mechanics` only when named)
 *   --store redis,postgres only these stores (or BENCH_STORES=…; default: memory, pglite, and postgres / redis
 *                          when DATABASE_URL / REDIS_URL (or TEST_…) are set)
 *   --quick                small sizes: every section on every store in well under a minute per store
 *   --instances 10000,100000  --producers 64,1000  --max-helps 10   the many-instances workload
 *   --hot-helps 20000  --claims 50000 --stock 20000  --starts 20000  --deadlines 100000
 *   --bytes-instances 10000  --cpu-events 100000  --runs 3
 *   --out bench/results/x.json   where the machine-readable results go (default: bench/results/<time>.json)
 */
export interface BenchOptions {
  readonly quick: boolean;
  readonly sections: readonly string[];
  readonly stores: readonly string[] | null;
  readonly instances: readonly number[];
  readonly producers: readonly number[];
  readonly maxHelps: number;
  readonly hotHelps: number;
  readonly claims: number;
  readonly stock: number;
  readonly starts: number;
  readonly deadlines: number;
  readonly bytesInstances: number;
  readonly cpuEvents: number;
  readonly runs: number;
  readonly out: string | null;
}

export const SECTION_NAMES = ['cpu', 'many', 'hot', 'coupon', 'starts', 'deadlines', 'bytes'] as const;
/** Run only when named: the landing page (needs Chromium for paints) and one line per mechanic (memory store). */
export const EXTRA_SECTIONS = ['page', 'mechanics'] as const;

const FULL = {
  instances: [10_000, 100_000],
  producers: [64, 1_000],
  maxHelps: 10,
  hotHelps: 20_000,
  claims: 50_000,
  stock: 20_000,
  starts: 20_000,
  deadlines: 100_000,
  bytesInstances: 10_000,
  cpuEvents: 100_000,
  runs: 3,
};

const QUICK: typeof FULL = {
  instances: [300],
  producers: [16, 64],
  maxHelps: 10,
  hotHelps: 600,
  claims: 1_000,
  stock: 400,
  starts: 300,
  deadlines: 600,
  bytesInstances: 200,
  cpuEvents: 2_000,
  runs: 3,
};

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function positiveInts(flag: string, value: string | undefined): number[] {
  const list = (value ?? '').split(',').map((s) => Number(s.replaceAll('_', '')));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n <= 0))
    fail(`${flag} takes positive whole numbers separated by commas, got "${value}"`);
  return list;
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const quick = argv.includes('--quick');
  const sizes: Record<string, unknown> = { ...(quick ? QUICK : FULL) };
  let sections: readonly string[] = SECTION_NAMES;
  let stores: readonly string[] | null = env.BENCH_STORES ? env.BENCH_STORES.split(',') : null;
  let out: string | null = null;
  const numeric: Record<string, keyof typeof FULL> = {
    '--instances': 'instances',
    '--producers': 'producers',
    '--max-helps': 'maxHelps',
    '--hot-helps': 'hotHelps',
    '--claims': 'claims',
    '--stock': 'stock',
    '--starts': 'starts',
    '--deadlines': 'deadlines',
    '--bytes-instances': 'bytesInstances',
    '--cpu-events': 'cpuEvents',
    '--runs': 'runs',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === '--quick') continue;
    const value = argv[i + 1];
    if (flag === '--section') {
      sections = (value ?? '').split(',').filter(Boolean);
      const known: readonly string[] = [...SECTION_NAMES, ...EXTRA_SECTIONS];
      const unknown = sections.filter((s) => !known.includes(s));
      if (unknown.length || sections.length === 0)
        fail(`--section takes some of ${known.join(', ')}; got "${value}"`);
    } else if (flag === '--store') stores = (value ?? '').split(',').filter(Boolean);
    else if (flag === '--out') out = value ?? fail('--out takes a file path');
    else if (flag in numeric) {
      const key = numeric[flag] as keyof typeof FULL;
      const list = positiveInts(flag, value);
      sizes[key] = Array.isArray(FULL[key]) ? list : list[0];
    } else fail(`unknown option "${flag}" (see bench/options.ts)`);
    i++;
  }
  if ((sizes.maxHelps as number) > 10) fail('--max-helps is at most 10 (the campaign floors at 10 helpers)');
  return { ...(sizes as typeof FULL), quick, sections, stores, out };
}

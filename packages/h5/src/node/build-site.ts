import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Locale, validateCampaign } from '@liebian/core';
import { mechanicFor } from '@liebian/core/mechanics';
import type { InlineConfig, Plugin } from 'vite';
import { renderDocument } from '../render-document.js';
import { STATIC_DATA_ID, type StaticPageData } from '../static/static-page-data.js';
import { optionalPeer, sourceDir, viteBase } from './tooling.js';

/** How each kind's widget is called from `InstanceWidget` (the props beyond `view` and `copy`). */
const WIDGETS: Readonly<Record<string, readonly [file: string, name: string, extra: string]>> = {
  bargain: ['bargain-widget', 'BargainWidget', ''],
  assist: ['assist-widget', 'AssistWidget', ', rewardName'],
  coupon: ['coupon-widget', 'CouponWidget', ', timezone: campaign.timezone'],
  'group-buy': ['group-buy-widget', 'GroupBuyWidget', ''],
  leaderboard: ['leaderboard-widget', 'LeaderboardWidget', ', rewardName'],
  referral: ['referral-widget', 'ReferralWidget', ', rewardName'],
  swap: ['swap-widget', 'SwapWidget', ''],
};

/**
 * A built page is for one campaign, so its script carries only that campaign's locale and kind: the page's copy
 * module is the locale's dictionary, and `InstanceWidget` renders only the kind's widget (the same function as
 * `widgets/instance-widget.tsx` for that kind). The script is then shared by every campaign of that kind and locale.
 */
function pageSpecific(kind: string, locale: Locale): Plugin {
  const widget = WIDGETS[kind];
  if (!widget) throw new Error(`liebian build: no widget for kind ${kind}`);
  const [file, name, extra] = widget;
  const copyModule = `\0liebian-page-copy`;
  const widgetModule = `\0liebian-instance-widget`;
  const copyFile = join(sourceDir, 'copy', locale === 'en' ? 'en.ts' : 'zh-cn.ts');
  const copyName = locale === 'en' ? 'en' : 'zhCN';
  return {
    name: 'liebian-page-specific',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!importer) return undefined;
      if (id === './page-copy.js' && importer.endsWith(join('static', 'static-page.tsx'))) return copyModule;
      if (id === './widgets/instance-widget.js' && importer.endsWith('landing-page.tsx')) return widgetModule;
      return undefined;
    },
    load(id) {
      if (id === copyModule) return `export { ${copyName} as copy } from ${JSON.stringify(copyFile)};`;
      if (id === widgetModule)
        return [
          "import { h } from 'preact';",
          `import { ${name} } from ${JSON.stringify(join(sourceDir, 'widgets', `${file}.tsx`))};`,
          'export function InstanceWidget({ view, copy, campaign }) {',
          '  const rewardName = (id) => campaign.rewards.find((r) => r.id === id)?.name ?? id;',
          `  return view.kind === ${JSON.stringify(kind)} ? h(${name}, { view, copy${extra} }) : null;`,
          '}',
        ].join('\n');
      return undefined;
    },
  };
}

/** One production bundle with Vite (loaded only here: rendering pages does not need it). */
async function bundle(config: InlineConfig) {
  const { build } = await optionalPeer('vite', () => import('vite'), 'building pages');
  const result = await build({ ...viteBase('production'), ...config });
  return (Array.isArray(result) ? result : [result]) as { output: { fileName: string; type: string }[] }[];
}

/**
 * Bundles the share poster as one content-hashed ES module into `outDir` and returns its file name, for
 * server-rendered pages: serve the directory and pass the file's URL as `islands.posterModule`. The page loads it
 * only when someone taps the poster button.
 *
 * @example
 * const posterFile = await buildPosterModule('public/assets');
 * const islands = { apiBase: '/api', instanceId, posterModule: `/assets/${posterFile}` };
 */
export async function buildPosterModule(outDir: string): Promise<string> {
  const entry = join(sourceDir, 'poster', 'draw-poster.ts');
  const outputs = await bundle({
    root: dirname(entry),
    build: {
      outDir: resolve(outDir),
      emptyOutDir: false,
      target: 'es2022',
      write: true,
      lib: { entry, formats: ['es'], fileName: () => 'poster.js' },
      rollupOptions: { output: { entryFileNames: 'poster-[hash].js' } },
    },
  });
  const chunk = outputs.flatMap((r) => r.output).find((o) => o.type === 'chunk');
  if (!chunk) throw new Error('liebian: the poster module was not produced');
  return chunk.fileName;
}

/**
 * What {@link buildSite} builds: the campaign file, where to write the page, and what the page calls.
 *
 * @example
 * const options: BuildSiteOptions = { file: 'campaigns/bargain.json', outDir: 'dist/bargain', apiBase: '/api' };
 * await buildSite(options);
 */
export interface BuildSiteOptions {
  /** The campaign file. */
  readonly file: string;
  readonly outDir: string;
  /** Where `createHandler` is mounted, as the page will call it (same origin, or a CORS-enabled URL). */
  readonly apiBase?: string;
  readonly locale?: Locale;
  /** Where the lead form posts; without it the form is not shown. */
  readonly leadFormAction?: string;
}

/**
 * What {@link buildSite} wrote: every file, and the page's content-hashed script among them.
 *
 * @example
 * const site: BuiltSite = await buildSite({ file: 'campaigns/bargain.json', outDir: 'dist/bargain' });
 * console.log(site.files.length, site.script); // e.g. 3 'assets/page-3f9a.js'
 */
export interface BuiltSite {
  /** Paths written, relative to `outDir`. */
  readonly files: readonly string[];
  /** The page's script, relative to `outDir` (content-hashed). */
  readonly script: string;
}

/**
 * `liebian build`: a deployable static page for a campaign. `index.html` is the server-free shell (hook, proof,
 * call to action, rules, privacy — everything that does not depend on an instance), styled inline, with the
 * campaign's data as inline JSON; one content-hashed script (the same for every campaign) fills in the live parts from the state endpoint and keeps them live. Works from any
 * static host and any sub-path: open it as `?i=<instanceId>` or `?invite=<token>`, or start from the button.
 *
 * @example
 * await buildSite({ file: 'campaigns/spring.json', outDir: 'dist/spring', apiBase: 'https://api.example.com/lb' });
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const checked = validateCampaign(JSON.parse(readFileSync(options.file, 'utf8')));
  if (!checked.ok) throw checked.error;
  const { campaign } = checked;
  const locale = options.locale ?? 'zh-CN';
  const apiBase = options.apiBase ?? '/api';
  const disclosure = mechanicFor(campaign.kind).disclose(campaign, locale);
  const outDir = resolve(options.outDir);
  const data: Omit<StaticPageData, 'posterModule'> = {
    campaign,
    disclosure,
    locale,
    apiBase,
    ...(options.leadFormAction ? { leadFormAction: options.leadFormAction } : {}),
  };
  const entry = join(sourceDir, 'static', 'static-page.tsx');
  await bundle({
    root: dirname(entry),
    plugins: [pageSpecific(campaign.kind, locale)],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      manifest: true,
      modulePreload: false,
      rollupOptions: { input: entry },
    },
  });
  // The poster, loaded on tap through the same path as on server-rendered pages.
  const poster = await buildPosterModule(join(outDir, 'assets'));
  const manifestPath = join(outDir, '.vite', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean }
  >;
  rmSync(join(outDir, '.vite'), { recursive: true, force: true });
  const script = Object.values(manifest).find((chunk) => chunk.isEntry)?.file;
  if (!script) throw new Error('liebian build: the page script was not produced');
  const shell = renderDocument({
    campaign,
    view: null,
    disclosure,
    locale,
    ...(options.leadFormAction ? { leadFormAction: options.leadFormAction } : {}),
  });
  // The data as inert JSON (`<` escaped, so no text can close the tag); the script relative, so the page works
  // from any sub-path of any static host. The script is the same for every campaign, so browsers cache it once.
  const json = JSON.stringify({
    ...data,
    posterModule: `./assets/${poster}`,
  } satisfies StaticPageData).replace(/</g, '\\u003c');
  const html = shell.replace(
    '</body>',
    `<script type="application/json" id="${STATIC_DATA_ID}">${json}</script><script type="module" src="./${script}"></script></body>`,
  );
  writeFileSync(join(outDir, 'index.html'), html);
  return { files: ['index.html', ...Object.values(manifest).map((c) => c.file), `assets/${poster}`], script };
}

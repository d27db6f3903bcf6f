import type { AuditEntry } from '@liebian/core/engine';
import type { ComponentChildren } from 'preact';
import type { PageContext } from './page-context.js';

export type Section = 'campaigns' | 'reviews' | 'settlements' | 'delivery' | 'audit';
const SECTIONS: readonly [Section, string][] = [
  ['campaigns', '/'],
  ['reviews', '/reviews'],
  ['settlements', '/settlements'],
  ['delivery', '/delivery'],
  ['audit', '/audit'],
];

/** The outcome of the actions a post just made (shown once, after the redirect). */
export function Notice(props: { ctx: PageContext; entries: readonly AuditEntry[]; repeated: boolean }) {
  const { ctx, entries } = props;
  if (entries.length === 0) return null;
  const refused = entries.filter((e) => e.outcome === 'refused');
  return (
    <div class={`notice${refused.length > 0 ? ' bad' : ''}`} role="status">
      {props.repeated ? <div>{ctx.copy.notices.repeated}</div> : null}
      {refused.length === 0 ? ctx.copy.notices.done : null}
      {refused.map((e) => (
        <div key={e.id}>{ctx.copy.notices.refused(e.detail)}</div>
      ))}
      {entries
        .filter((e) => e.outcome === 'done' && e.detail)
        .map((e) => (
          <div key={e.id} class="muted">
            {e.detail}
          </div>
        ))}
    </div>
  );
}

/** The console's frame: navigation, who is signed in and as what, the language switch. */
export function Layout(props: {
  ctx: PageContext;
  section: Section | null;
  title: string;
  children: ComponentChildren;
  notice?: readonly AuditEntry[];
  /** The post's action key had been used before: nothing was done again. */
  repeated?: boolean;
}) {
  const { ctx } = props;
  const other = ctx.lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <>
      <header>
        <strong>{ctx.copy.title}</strong>
        <nav aria-label={ctx.copy.title}>
          {SECTIONS.map(([section, path]) => (
            <a
              key={section}
              href={ctx.href(path)}
              aria-current={props.section === section ? 'page' : undefined}
            >
              {ctx.copy.nav[section]}
            </a>
          ))}
        </nav>
        <span class="who">{ctx.copy.signedIn(ctx.operatorId, ctx.copy.roles[ctx.role])}</span>
        <a href={`?lang=${other}`} lang={other}>
          {ctx.copy.otherLanguage}
        </a>
      </header>
      <main>
        <h1>{props.title}</h1>
        <Notice ctx={ctx} entries={props.notice ?? []} repeated={props.repeated ?? false} />
        {props.children}
      </main>
    </>
  );
}

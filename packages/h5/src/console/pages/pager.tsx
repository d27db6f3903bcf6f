import type { PageContext } from './page-context.js';

/**
 * "First page" and "next page" links of a paged list (the query kept, the cursor replaced).
 *
 * @example
 * <Pager ctx={ctx} path="/audit" query={{}} paged={cursor !== null} next={page.next} truncated={page.truncated} />
 */
export function Pager(props: {
  ctx: PageContext;
  path: string;
  query: Readonly<Record<string, string>>;
  /** The cursor parameter's name (default `after`). */
  param?: string;
  /** This page started after a cursor (so a first page exists). */
  paged: boolean;
  next: string | null;
  truncated: boolean;
}) {
  const { ctx } = props;
  const p = ctx.copy.paging;
  const param = props.param ?? 'after';
  if (!props.paged && props.next === null && !props.truncated) return null;
  return (
    <nav class="row pager" aria-label={p.label}>
      {props.paged ? <a href={ctx.href(props.path, props.query)}>{p.first}</a> : null}
      {props.next === null ? null : (
        <a href={ctx.href(props.path, { ...props.query, [param]: props.next })} data-next="" rel="next">
          {p.next}
        </a>
      )}
      {props.truncated ? <span class="muted">{p.truncated}</span> : null}
    </nav>
  );
}

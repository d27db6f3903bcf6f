import type { ConsumerState, DeadLetter } from '@liebian/core/store';
import { ActionForm, type PageContext } from './page-context.js';
import { Pager } from './pager.js';

export interface ConsumerItem {
  readonly state: ConsumerState;
  readonly lag: { readonly entries: number; readonly capped: boolean; readonly oldestAt: number | null };
  /** A page of its dead letters: after the dedupe key `after` (null: from the first). */
  readonly deadLetters: readonly DeadLetter[];
  readonly after: string | null;
  /** The next page's cursor (the last dedupe key shown), or null. */
  readonly next: string | null;
  /** The consumer runs in this process (its handler is here), so its dead letters can be retried from here. */
  readonly retryable: boolean;
}

function Letters({ ctx, item }: { ctx: PageContext; item: ConsumerItem }) {
  const d = ctx.copy.delivery;
  const name = item.state.name;
  const pager = (
    <Pager
      ctx={ctx}
      path="/delivery"
      query={{ consumer: name }}
      paged={item.after !== null}
      next={item.next}
      truncated={false}
    />
  );
  if (item.deadLetters.length === 0)
    return (
      <>
        <p class="muted">{d.empty}</p>
        {pager}
      </>
    );
  const field = `letter:${name}`;
  const acts = ctx.may('operator');
  return (
    <>
      <table>
        <thead>
          <tr>
            {acts ? (
              <th>
                <input type="checkbox" data-select-all={field} aria-label={ctx.copy.reviews.selectAll} />
              </th>
            ) : null}
            <th>{d.key}</th>
            <th>{d.type}</th>
            <th>{d.error}</th>
            <th class="num">{d.attempts}</th>
            <th>{d.failedAt}</th>
          </tr>
        </thead>
        <tbody>
          {item.deadLetters.map((letter) => (
            <tr key={letter.item.dedupeKey} data-letter={letter.item.dedupeKey}>
              {acts ? (
                <td>
                  <input
                    type="checkbox"
                    name={field}
                    value={letter.item.dedupeKey}
                    form={`letters-${name}`}
                    aria-label={`${ctx.copy.reviews.select} ${letter.item.dedupeKey}`}
                  />
                </td>
              ) : null}
              <td>
                <code>{letter.item.dedupeKey}</code>
              </td>
              <td>
                <code>{letter.item.type}</code>
              </td>
              <td>
                <pre>{letter.error}</pre>
              </td>
              <td class="num">{letter.attempts}</td>
              <td>{ctx.time(letter.failedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pager}
      {acts ? (
        <ActionForm ctx={ctx} action="/delivery" id={`letters-${name}`}>
          <input type="hidden" name="consumer" value={name} />
          <div class="row">
            {item.retryable ? (
              <button type="submit" name="do" value="retry" class="primary">
                {ctx.copy.actions.retry}
              </button>
            ) : (
              <span class="muted">{d.retryElsewhere}</span>
            )}
            {ctx.may('admin') ? (
              <button type="submit" name="do" value="discard" class="danger">
                {ctx.copy.actions.discard}
              </button>
            ) : null}
          </div>
        </ActionForm>
      ) : null}
    </>
  );
}

/** Every consumer's lag and dead letters, with retry and discard. */
export function DeliveryPage({ ctx, consumers }: { ctx: PageContext; consumers: readonly ConsumerItem[] }) {
  const d = ctx.copy.delivery;
  if (consumers.length === 0) return <p class="muted">{d.noConsumers}</p>;
  return (
    <>
      <table>
        <thead>
          <tr>
            <th>{d.name}</th>
            <th>{d.owner}</th>
            <th>{d.leaseUntil}</th>
            <th class="num">{d.lag}</th>
            <th>{d.oldest}</th>
            <th class="num">{d.deadLetters}</th>
          </tr>
        </thead>
        <tbody>
          {consumers.map((c) => (
            <tr key={c.state.name} data-consumer={c.state.name}>
              <td>
                <code>{c.state.name}</code>
              </td>
              <td>{c.state.owner ?? d.none}</td>
              <td>{c.state.leaseUntil > 0 ? ctx.time(c.state.leaseUntil) : d.none}</td>
              <td class="num">{c.lag.capped ? `${c.lag.entries}+` : c.lag.entries}</td>
              <td>{c.lag.oldestAt === null ? d.none : ctx.time(c.lag.oldestAt)}</td>
              <td class="num">{c.next === null ? c.deadLetters.length : `${c.deadLetters.length}+`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {consumers.map((c) => (
        <section key={c.state.name}>
          <h2>
            {d.deadLetters}: <code>{c.state.name}</code>
          </h2>
          <Letters ctx={ctx} item={c} />
        </section>
      ))}
    </>
  );
}

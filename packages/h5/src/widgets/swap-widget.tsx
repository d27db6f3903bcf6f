import type { SwapView } from '@liebian/core';
import type { Copy } from '../copy/zh-cn.js';

/** The listed item as a card, and the proposals the viewer may see with their status in words. */
export function SwapWidget({ view, copy }: { view: SwapView; copy: Copy }) {
  const t = copy.swap;
  const { item } = view;
  const value = item.estimatedValueFen === undefined ? '' : t.value(item.estimatedValueFen);
  return (
    <div class="widget" data-highlight={`${item.title} ${value}`.trim()}>
      <p class="big">{item.title}</p>
      {item.description && <p class="progress-label">{item.description}</p>}
      {value && <p class="status">{value}</p>}
      {view.state === 'open' && <p class="progress-label">{t.waiting(view.openProposals)}</p>}
      {view.proposals.length > 0 && (
        <ul class="offers">
          {view.proposals.slice(0, 6).map((p) => (
            <li key={p.id}>
              <span>{p.offer.title}</span>
              <span class="tag">{t.status[p.status]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

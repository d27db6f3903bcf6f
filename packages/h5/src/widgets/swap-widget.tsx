import { formatMoney, type Locale, type SwapView } from '@liebian/core';

/** The listed item, and the proposals the viewer may see. */
export function SwapWidget({ view, locale }: { view: SwapView; locale: Locale }) {
  const zh = locale === 'zh-CN';
  const { item } = view;
  return (
    <div class="widget">
      <p class="big">{item.title}</p>
      {item.description && <p>{item.description}</p>}
      {item.estimatedValueFen !== undefined && (
        <p>
          {zh
            ? `估值 ${formatMoney(item.estimatedValueFen)}`
            : `About ${formatMoney(item.estimatedValueFen)}`}
        </p>
      )}
      <p>
        {zh
          ? `${view.openProposals} 个交换提议待回复`
          : `${view.openProposals} proposal${view.openProposals === 1 ? '' : 's'} waiting`}
      </p>
      <ul>
        {view.proposals.map((p) => (
          <li key={p.id}>
            {p.offer.title} · {p.status}
          </li>
        ))}
      </ul>
    </div>
  );
}

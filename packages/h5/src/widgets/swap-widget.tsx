import { formatMoney, type Locale, type SwapView } from '@liebian/core';

const STATUS: Record<Locale, Record<SwapView['proposals'][number]['status'], string>> = {
  'zh-CN': {
    pending: '待回复',
    countered: '已还价',
    accepted: '已接受，待交接',
    withdrawn: '已撤回',
    declined: '未被选中',
    expired: '已过期',
    lapsed: '交接超时',
    completed: '已交换',
  },
  en: {
    pending: 'waiting',
    countered: 'countered',
    accepted: 'accepted, to hand over',
    withdrawn: 'withdrawn',
    declined: 'not chosen',
    expired: 'expired',
    lapsed: 'handover lapsed',
    completed: 'swapped',
  },
};

/** The listed item as a card, and the proposals the viewer may see with their status in words. */
export function SwapWidget({ view, locale }: { view: SwapView; locale: Locale }) {
  const zh = locale === 'zh-CN';
  const { item } = view;
  const value =
    item.estimatedValueFen === undefined
      ? ''
      : zh
        ? `估值 ${formatMoney(item.estimatedValueFen)}`
        : `About ${formatMoney(item.estimatedValueFen)}`;
  return (
    <div class="widget" data-highlight={`${item.title} ${value}`.trim()}>
      <p class="big">{item.title}</p>
      {item.description && <p class="progress-label">{item.description}</p>}
      {value && <p class="status">{value}</p>}
      {view.state === 'open' && (
        <p class="progress-label">
          {zh
            ? `${view.openProposals} 个交换提议待回复`
            : `${view.openProposals} proposal${view.openProposals === 1 ? '' : 's'} waiting`}
        </p>
      )}
      {view.proposals.length > 0 && (
        <ul class="offers">
          {view.proposals.slice(0, 6).map((p) => (
            <li key={p.id}>
              <span>{p.offer.title}</span>
              <span class="tag">{STATUS[locale][p.status]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

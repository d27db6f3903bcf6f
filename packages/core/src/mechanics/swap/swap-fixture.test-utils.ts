/** A swap campaign definition (raw JSON form) for tests. */
export function swapCampaignInput(rules: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    id: 'book-swap',
    kind: 'swap',
    name: '旧书换新书',
    channel: 'web',
    schedule: { startsAt: '2026-12-01T00:00:00+08:00', endsAt: '2026-12-31T00:00:00+08:00' },
    rewards: [{ id: 'swap', name: '以书换书', kind: 'gift' }],
    page: { hook: { title: '一本旧书，换一本好书' }, cta: { headline: '发布你的闲置' } },
    disclosure: { organizer: { name: '城市书房', contact: 'hello@example.org' } },
    rules: { timeLimitMinutes: 600, proposalTtlMinutes: 120, handoverMinutes: 60, ...rules },
    ...extra,
  };
}

export const DURING_SWAP = Date.parse('2026-12-02T10:00:00+08:00');

export const book = (id: string) => ({ id, title: `书 ${id}` });

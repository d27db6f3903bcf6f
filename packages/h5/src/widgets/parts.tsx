import type { Locale } from '@liebian/core';
import { COPY } from '../copy.js';

export function Progress({ value, label }: { value: number; label: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      class="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-label={label}
    >
      <span style={`width:${percent}%`} />
      <em>{label}</em>
    </div>
  );
}

/** Real recent activity only; announced politely to screen readers. */
export function Ticker({ items, locale }: { items: readonly string[]; locale: Locale }) {
  if (items.length === 0) return null;
  return (
    <div class="ticker" aria-live="polite">
      <strong>{COPY[locale].recent}</strong>
      <ul>
        {items.slice(0, 5).map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

import { formatMoney } from '@liebian/core';
import type { Copy } from '../copy/zh-cn.js';

/** A bar with its label beside it in text (never white text over a fill, which cannot meet contrast). */
export function Progress({ value, label }: { value: number; label: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <>
      <div
        class="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={label}
      >
        <span style={`width:${percent}%`} />
      </div>
      <p class="progress-label">{label}</p>
    </>
  );
}

/** The price block: the live price with what it is, and the labelled reference price struck through. */
export function Price({
  label,
  price,
  reference,
  copy,
}: {
  label: string;
  price: number;
  reference: number;
  copy: Copy;
}) {
  return (
    <p class="price">
      <span class="label">{label}</span>
      <b class="big">{formatMoney(price)}</b>
      {reference > price && (
        <span class="label">
          {copy.page.was} <s>{formatMoney(reference)}</s>
        </span>
      )}
    </p>
  );
}

/** Seats as round avatars: a filled one shows the first character of the (masked) name, an empty one a "?". */
export function Seats({
  seats,
  copy,
}: {
  seats: readonly ({ name: string; caption: string; state: 'filled' | 'pending' } | null)[];
  copy: Copy;
}) {
  return (
    <ul class="seats">
      {seats.map((seat, i) => (
        <li key={i} class={seat?.state ?? ''}>
          <i aria-hidden="true">{seat ? Array.from(seat.name)[0] : '?'}</i>
          {seat ? seat.caption : copy.page.open}
        </li>
      ))}
    </ul>
  );
}

/** Real recent activity only; announced politely to screen readers. */
export function Ticker({ items, copy }: { items: readonly string[]; copy: Copy }) {
  if (items.length === 0) return null;
  return (
    <div class="ticker" aria-live="polite">
      <strong>{copy.page.recent}</strong>
      <ul>
        {items.slice(0, 3).map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

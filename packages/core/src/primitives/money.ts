/** An amount of money in integer 分 (1/100 yuan). Never a float. */
export type Fen = number;

/** True when `value` is a safe, non-negative integer amount of 分. */
export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Formats 分 as yuan with two decimals: `formatMoney(1250)` → `¥12.50`, `formatMoney(-5)` → `-¥0.05`.
 * Exact for every safe integer (no floating-point division).
 *
 * @example
 * formatMoney(19900); // '¥199.00'
 * formatMoney(990, ''); // '9.90'
 */
export function formatMoney(fen: Fen, symbol = '¥'): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatMoney: ${fen} is not an integer amount of 分`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${symbol}${grouped}.${String(cents).padStart(2, '0')}`;
}

/**
 * Parses a yuan amount written as text (`"12.5"`, `"12.50"`, `"12"`) into 分 without floating point.
 * Throws a RangeError for anything else (more than two decimals, signs, exponents).
 */
export function parseYuan(text: string): Fen {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`parseYuan: "${text}" is not an amount like 12.50`);
  const [, whole = '0', frac = ''] = match;
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

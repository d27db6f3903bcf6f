/**
 * Masks a user name or id for public display: keeps the first and last character (`张三丰` → `张*丰`,
 * `alice` → `a***e`). Counts Unicode code points, so CJK and emoji are never split.
 */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(3, chars.length - 2))}${chars[chars.length - 1]}`;
}

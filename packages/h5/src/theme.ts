/**
 * Colour tokens derived from the campaign's one brand colour, so that every text/background pair the page uses
 * meets WCAG AA (4.5:1 for text, 3:1 for a control against its surroundings) whatever colour a marketer picks:
 * the brand is darkened until white text on it reaches 4.5:1, and that shade is what text, the hero and the
 * primary button use. The raw brand colour is kept for fills that carry no text (progress bars, borders).
 */

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/**
 * The WCAG contrast ratio of two `#rrggbb` colours (1 to 21).
 *
 * @example
 * contrast('#ffffff', '#000000'); // 21
 */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (rgb: readonly number[]) =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The shades of `colour` toward black, from itself (k = 0) to black (k = 100). */
function shades(colour: string): string[] {
  const rgb = [0, 1, 2].map((i) => Number.parseInt(colour.slice(1 + i * 2, 3 + i * 2), 16));
  return Array.from({ length: 101 }, (_, k) => hex(rgb.map((c) => c * (1 - k / 100))));
}

/** Text on light surfaces. */
const DARK = '#1a1a1a';

/**
 * A page's colours, derived from the campaign's brand colour so every text reaches WCAG AA contrast.
 *
 * @example
 * const theme: Theme = themeFor('#e4393c');
 * console.log(contrast(theme.onSurface, theme.surface) >= 4.5); // true
 */
export interface Theme {
  /** The campaign's colour, for fills without text (progress bars, borders). */
  readonly brand: string;
  /**
   * The hero's and the primary button's background: the brand, darkened only as far as needed so it stands
   * 3:1 against white and its text reaches 4.5:1.
   */
  readonly surface: string;
  /** Text on `surface`: white, or near-black on a light brand. */
  readonly onSurface: string;
  /** The brand as text on white and on `tint` (4.5:1). */
  readonly ink: string;
  /** A very light tint of the brand for highlighted rows, chips and filled seats. */
  readonly tint: string;
}

/**
 * The page's colour tokens for a brand colour: every text/background pair they form meets WCAG AA.
 *
 * @example
 * themeFor('#d9822b'); // { surface: '#d08029'-ish, onSurface: '#1a1a1a', ink: a darker orange, … }
 */
export function themeFor(brand: string): Theme {
  const rgb = [0, 1, 2].map((i) => Number.parseInt(brand.slice(1 + i * 2, 3 + i * 2), 16));
  const tint = hex(rgb.map((c) => 255 - (255 - c) * 0.1));
  const ink = shades(brand).find((s) => contrast(s, tint) >= 4.6) as string;
  for (const surface of shades(brand)) {
    if (contrast(surface, '#ffffff') < 3) continue;
    if (contrast(surface, '#ffffff') >= 4.6) return { brand, surface, onSurface: '#ffffff', ink, tint };
    if (contrast(surface, DARK) >= 4.6) return { brand, surface, onSurface: DARK, ink, tint };
  }
  return { brand, surface: '#000000', onSurface: '#ffffff', ink, tint };
}

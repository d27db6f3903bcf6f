import { describe, expect, it } from 'vitest';
import { SAMPLES } from './sample-pages.test-utils.js';
import { contrast, themeFor } from './theme.js';

describe('colour tokens', () => {
  it('computes WCAG contrast', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  const brands = [
    ...SAMPLES.map((c) => c.page.brandColor),
    '#e4393c',
    '#ffd400',
    '#ffffff',
    '#000000',
    '#ff6a00',
  ];
  it.each(brands)('%s: every pair the page uses meets WCAG AA', (brand) => {
    const t = themeFor(brand);
    expect(contrast(t.surface, t.onSurface)).toBeGreaterThanOrEqual(4.5); // hero text, the button's label
    expect(contrast(t.surface, '#ffffff')).toBeGreaterThanOrEqual(3); // the button against the white bar
    expect(contrast(t.ink, '#ffffff')).toBeGreaterThanOrEqual(4.5); // prices and highlights on white
    expect(contrast(t.ink, t.tint)).toBeGreaterThanOrEqual(4.5); // the viewer's row, the countdown pill
  });

  it('keeps a brand that already meets contrast exactly as given', () => {
    expect(themeFor('#0f4c81')).toMatchObject({ surface: '#0f4c81', onSurface: '#ffffff', ink: '#0f4c81' });
  });
});

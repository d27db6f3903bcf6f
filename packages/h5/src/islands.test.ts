import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { islandScript } from './islands.js';

describe('islands', () => {
  it('ship within the 15 KB gzip JS budget and cannot break out of their script tag', () => {
    const script = islandScript({
      apiBase: '/api',
      instanceId: '</script><script>alert(1)',
      payloads: { x: { note: '</script>' } },
    });
    expect(gzipSync(script).length).toBeLessThanOrEqual(15 * 1024);
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    expect(script.endsWith('</script>')).toBe(true);
  });
});

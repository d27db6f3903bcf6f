import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

// Code blocks in docs/ marked `<!-- runnable … -->` run as they are written; each `// → …` comment is what the
// console.log on its line must print.
const blocks = readdirSync('docs')
  .filter((file) => file.endsWith('.md'))
  .flatMap((file) =>
    [
      ...readFileSync(join('docs', file), 'utf8').matchAll(/<!-- runnable[^>]*-->\n```ts\n([\s\S]*?)\n```/g),
    ].map((match, n) => ({ name: `${file} #${n + 1}`, code: match[1] as string })),
  );

describe('runnable examples in docs/', () => {
  it('finds some', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks)('$name runs and prints what its comments say', async ({ name, code }) => {
    const expected = [...code.matchAll(/console\.log\(.*\/\/ → (.*)$/gm)].map((m) => m[1]?.trim());
    const file = join(import.meta.dirname, `.docs-example-${process.pid}-${name.replace(/\W+/g, '-')}.ts`);
    writeFileSync(file, code);
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args) => {
      printed.push(args.map(String).join(' '));
    });
    try {
      await import(pathToFileURL(file).href);
    } finally {
      log.mockRestore();
      rmSync(file, { force: true });
    }
    expect(printed).toEqual(expected);
  });
});

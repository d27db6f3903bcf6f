import { describe, expect, it } from 'vitest';
import { PREVIEW_PEOPLE } from './preview/scenes.js';
import { samplePages } from './sample-pages.test-utils.js';

/** The visible text of a document's body (and the text read aloud from attributes), entities decoded. */
function visibleText(html: string): string {
  return (html.split('<body>')[1] ?? html)
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<(\w+)[^>]*aria-hidden="true"[^>]*>[^<]*<\/\1>/g, ' ')
    .replace(/<[^>]*?\s(?:alt|aria-label|placeholder|data-highlight)="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

/** Fields of a campaign file that are codes, not words a person wrote for the page. */
const CODES = new Set([
  '$schema',
  'id',
  'kind',
  'timezone',
  'channel',
  'status',
  'strategy',
  'rewardId',
  'src',
]);

/** Every string the campaign's author wrote (copy, names), longest first. */
function campaignStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (!CODES.has(k)) campaignStrings(v, out);
  return out.sort((a, b) => b.length - a.length);
}

/** The page's own words: its text with everything the campaign's author wrote taken out. */
const ownWords = (text: string, input: unknown) =>
  campaignStrings(input).reduce((rest, s) => rest.split(s).join(' '), text);

/** Words a zh-CN page may print in Latin letters: 「PK」「TA」 are how Chinese pages say them. */
const LATIN_IN_CHINESE = new Set(['PK', 'TA']);

describe('the words of every sample page, in every state, for every role', () => {
  it('zh-CN: no raw code, no English word, nothing undefined, nothing "still needed" after the goal', async () => {
    const problems: string[] = [];
    for await (const { where, html, input } of samplePages({ locale: 'zh-CN' })) {
      const own = ownWords(visibleText(html), input);
      const latin = (own.match(/[A-Za-z][A-Za-z_/-]+/g) ?? []).filter((w) => !LATIN_IN_CHINESE.has(w));
      if (latin.length > 0) problems.push(`${where}: ${[...new Set(latin)].join(', ')}`);
      if (/还差 (?:¥0\.00|0 )|还需 0 /.test(own)) problems.push(`${where}: "still needed" after the goal`);
      if (/\d{3,}:\d{2}:\d{2}/.test(own)) problems.push(`${where}: a countdown in hours past a day`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("en: the page's own words are English (no Chinese outside what the campaign's author wrote)", async () => {
    const problems: string[] = [];
    for await (const { where, html, input } of samplePages({ locale: 'en' })) {
      // People's names (masked or not) and the books listed and offered in the swap scenes are data, not words.
      const people = [PREVIEW_PEOPLE.initiator, ...PREVIEW_PEOPLE.friends, PREVIEW_PEOPLE.visitor];
      const words = people
        .reduce((rest, name) => rest.split(name).join(' '), ownWords(visibleText(html), input))
        .replace(/\S\*|《[^》]*》\S*|九成新，无笔记/g, ' ');
      const chinese = words.match(/[\u3400-\u9fff\uff00-\uffef]+/g);
      if (chinese) problems.push(`${where}: ${[...new Set(chinese)].join(', ')}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('every locale: nothing undefined, NaN or [object …]', async () => {
    for (const locale of ['zh-CN', 'en'] as const)
      for await (const { where, html } of samplePages({ locale }))
        expect(visibleText(html), `${locale} ${where}`).not.toMatch(/undefined|NaN|\[object|null/);
  }, 120_000);
});

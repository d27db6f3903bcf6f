import { LiebianError, type Locale, type RejectionReason } from '@liebian/core';
import { consoleEn } from './copy/console-en.js';
import { type ConsoleCopy, consoleZhCN } from './copy/console-zh-cn.js';
import { en } from './copy/en.js';
import { type Copy, zhCN } from './copy/zh-cn.js';

export type { ConsoleCopy } from './copy/console-zh-cn.js';
export { countdown, islandMessages, reasonText } from './copy/copy-words.js';
export type { Copy } from './copy/zh-cn.js';

/**
 * The page's own words per locale, one dictionary each (`copy/zh-cn.ts` is the shape, `copy/en.ts` follows it).
 * Server-side renders use this registry; a built page's script loads only its locale's dictionary.
 *
 * @example
 * const words = COPY['en'];
 * console.log(words.page.invite); // 'Invite friends'
 */
export const COPY: Readonly<Record<Locale, Copy>> = { 'zh-CN': zhCN, en };

/**
 * Refusal reasons in words, per locale.
 *
 * @example
 * const result = await engine.send(id, command, { actor });
 * if (result.status === 'rejected') toast(REASON['zh-CN'][result.reason] ?? result.reason);
 */
export const REASON: Readonly<Record<Locale, Partial<Record<RejectionReason, string>>>> = {
  'zh-CN': zhCN.reasons,
  en: en.reasons,
};

/**
 * The copy of `locale`; an unknown locale is refused (never a silent fallback to another language).
 *
 * @example
 * copyFor('en').page.invite; // 'Invite friends'
 */
export function copyFor(locale: string): Copy {
  const copy = (COPY as Record<string, Copy | undefined>)[locale];
  if (!copy)
    throw new LiebianError(
      'invalid-argument',
      `locale = ${JSON.stringify(locale)}: no copy for this locale; use one of ${Object.keys(COPY).join(', ')}`,
    );
  return copy;
}

/** The operator console's words per locale (`copy/console-zh-cn.ts` is the shape, `copy/console-en.ts` follows it). */
export const CONSOLE_COPY: Readonly<Record<Locale, ConsoleCopy>> = { 'zh-CN': consoleZhCN, en: consoleEn };

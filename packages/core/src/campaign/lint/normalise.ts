import { toSimplified } from './traditional.js';

/**
 * Copy as the lint reads it, so spelling tricks do not hide a phrase: compatibility forms folded (full-width
 * letters, digits, spaces and ¥), lower case, traditional characters simplified, thousands separators dropped,
 * and spaces or decorations next to Chinese characters removed (「最终 解释权」, 「集满 30 个赞」, 「最·终」). English
 * keeps single spaces between words.
 * @example normalise('最終　解釋權 歸主辦方') // '最终解释权归主办方'
 */
export function normalise(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase())
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/(\d)[,，](?=\d{3})/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/(?<=\p{Script=Han})[\s·•*_~\-—.]+|[\s·•*_~\-—]+(?=\p{Script=Han})/gu, '')
    .trim();
}

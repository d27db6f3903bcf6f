import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { en } from '../packages/h5/src/copy/en.js';
import { zhCN } from '../packages/h5/src/copy/zh-cn.js';
import { zhTW } from '../packages/h5/src/copy/zh-tw.js';
import { ZH_TW_OVERRIDES } from '../packages/h5/src/copy/zh-tw-overrides.js';
import { generateZhTw, ZH_TW_FILE } from './generate-zh-tw.js';

/** Characters only (no phrase swaps): a Traditional text comes out unchanged. */
const characters = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Every leaf of a copy object, functions called with sample arguments, by path. */
function leaves(value: unknown, path = ''): Record<string, string> {
  if (typeof value === 'string') return { [path]: value };
  if (typeof value === 'function')
    return { [path]: String((value as (...a: unknown[]) => unknown)(1290, 3, 2, 1)) };
  if (typeof value !== 'object' || value === null) return {};
  return Object.assign({}, ...Object.entries(value).map(([k, v]) => leaves(v, path ? `${path}.${k}` : k)));
}

describe('zh-TW copy, derived from zh-CN', () => {
  it('is what `npm run copy:zh-tw` writes from the current zh-cn.ts (run it after changing zh-CN)', () => {
    expect(readFileSync(ZH_TW_FILE, 'utf8')).toBe(generateZhTw());
  });

  it('has every text of zh-CN, in Traditional characters, with the same placeholders', () => {
    const cn = leaves(zhCN);
    const tw = leaves(zhTW);
    expect(Object.keys(tw).sort()).toEqual(Object.keys(cn).sort());
    expect(zhTW.locale).toBe('zh-TW');
    for (const [path, text] of Object.entries(tw)) {
      if (path === 'locale') continue;
      expect(text.replace(/\D/g, ''), path).toBe((cn[path] as string).replace(/\D/g, ''));
      expect(characters(text), `${path}: a Simplified character is left`).toBe(text);
    }
    expect(Object.keys(leaves(en)).sort()).toEqual(Object.keys(cn).sort());
  });

  it('applies every reviewed override, and each one is still needed by a text of zh-CN', () => {
    const cnText = Object.values(leaves(zhCN)).join('\n');
    const twText = Object.values(leaves(zhTW)).join('\n');
    for (const [simplified, traditional] of ZH_TW_OVERRIDES) {
      expect(cnText, simplified).toContain(simplified);
      expect(twText, traditional).toContain(traditional);
    }
  });

  it('uses Taiwan words where the mainland ones differ', () => {
    expect(zhTW.failures.offline).toBe('網路連線失敗，請檢查網路後再試');
    expect(zhTW.page.code).toBe('簡訊驗證碼');
    expect(zhTW.page.consent('通知結果')).toContain('《個人信息保護說明》');
  });
});

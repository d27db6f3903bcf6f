/**
 * The reviewed exceptions to the automatic conversion of `zh-cn.ts` into Traditional Chinese for Taiwan
 * (`npm run copy:zh-tw` writes `zh-tw.ts`). OpenCC's `cn → twp` converts characters and swaps mainland phrases for
 * Taiwan's (网络 → 網路, 视频 → 影片, 信息 → 資訊). Each entry below is applied first, before OpenCC, on the
 * Simplified text; add one when a reviewer finds the automatic result wrong for a Taiwan reader, with the reason.
 */
export const ZH_TW_OVERRIDES: readonly (readonly [simplified: string, traditional: string, why: string])[] = [
  [
    '《个人信息保护说明》',
    '《個人信息保護說明》',
    'the title of the notice the page shows (from the campaign’s privacy fields, written under the PIPL): the consent line must name it exactly as the notice is headed, not as 個人資訊',
  ],
  ['手机号', '手機號碼', '手機號 is mainland shorthand; Taiwan forms say 手機號碼'],
  ['短信验证码', '簡訊驗證碼', '短信 is mainland usage; Taiwan says 簡訊'],
  [
    '优惠券',
    '優惠券',
    'OpenCC keeps 優惠券; pinned so a dictionary update cannot turn it into 折價券 on some pages only',
  ],
  ['长按识别二维码', '長按辨識 QR 碼', '二维码 is mainland usage; Taiwan says QR 碼 (and 辨識 for 识别)'],
  [
    '团长',
    '團主',
    '团长 (the group’s initiator) reads as a military rank in Taiwan; 團主 is the group-buy word there',
  ],
  ['审核中', '審核中', 'OpenCC gives 稽核 (an audit); a score under review is 審核中 in Taiwan too'],
  ['发布人', '刊登者', 'OpenCC gives 釋出人 (a software release); the person who listed an item is 刊登者'],
  ['当前不可用', '目前無法使用', '當前不可用 reads as a translation; Taiwan interfaces say 目前無法使用'],
  ['当前价', '現價', '當前價 is mainland usage; a price tag in Taiwan says 現價'],
  ['提交', '送出', 'a form’s button in Taiwan says 送出'],
];

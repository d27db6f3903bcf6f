/**
 * The phrases the compliance lint looks for, on normalised text (see `normalise`: simplified characters, lower case,
 * no spaces next to Chinese characters). Each rule has Chinese and English patterns; a match that a negation comes
 * just before (「本活动不设最终解释权」, "there is no raffle") does not count, nor does a promise with a negation inside
 * it (「转发与否不影响任何优惠」).
 */
export interface PhraseRule {
  readonly rule: 'COPY-01' | 'WX-02' | 'WX-03' | 'WX-06' | 'PROMO-07' | 'PROMO-02' | 'PRICE-04';
  /** Only on this channel (WeChat's own rules); every channel when absent. */
  readonly channel?: 'wechat-h5';
  readonly patterns: readonly RegExp[];
  readonly problem: string;
}

/** A reward a share or a follow could be promised for. */
const REWARD = '(领取?|送|获得|得到|立减|减|免单|免费|解锁|抽奖|增加|提高|翻倍|返现|优惠|红包|好礼|券)';

export const PHRASE_RULES: readonly PhraseRule[] = [
  {
    rule: 'COPY-01',
    patterns: [
      /(最终|单方)解释权|解释权(归|属于|在于?)/,
      /\bfinal (right of )?interpretation\b|\bright of final interpretation\b|\brights? (of|to) interpretation\b|\binterpretation rights?\b/,
    ],
    problem:
      'reserves 最终解释权 (the organiser\'s "final interpretation"): void in format terms (合同行政监督管理办法); remove it',
  },
  {
    rule: 'WX-02',
    channel: 'wechat-h5',
    patterns: [
      new RegExp(`(分享|转发)[^。!?；;不无没]{0,12}?${REWARD}`),
      /邀请[^。!?；;]{0,8}(好友|朋友|同事|家人|队友|人)[^。!?；;]{0,6}(助力|帮砍|砍|加速|助阵|点赞|解锁|即可|就|免费|领|得|赢)/,
      /(好友|朋友)(助力|帮砍|帮忙砍|助阵|加速)|帮我(砍|助力|加速|点一下|投票)|砍一刀|就差你|快来帮我/,
      /(分享|转发|邀请|推荐|拉新)有(礼|奖)/,
      /拉[^。!?；;]{0,4}(好友|朋友|人)[^。!?；;]{0,4}(助力|砍|免费)|不转不是|必转|转疯|转发[^。!?；;]{0,4}\d+个?群/,
      /\b(share|forward|send)\b[^.!?;]{0,40}\b(to|and)\b[^.!?;]{0,10}\b(get|unlock|claim|win|receive|earn|save)\b/,
      /\b(share|sharing)\b[^.!?;]{0,30}\b(increases?|boosts?|raises?)\b[^.!?;]{0,20}\bchances?\b/,
      /\binvite\b[^.!?;]{0,30}\bfriends?\b[^.!?;]{0,20}\b(to|and)\b[^.!?;]{0,10}\b(boost|help|cut|get|unlock|win|claim)\b/,
      /\bforward\b[^.!?;]{0,20}\b\d+ groups?\b|\bhelp me (cut|boost|win)\b/,
    ],
    problem:
      "promises a benefit for sharing or for friends' help (诱导分享, WeChat 外部链接内容管理规范 2.1.2); say what the offer is without tying it to sharing",
  },
  {
    rule: 'WX-03',
    channel: 'wechat-h5',
    patterns: [
      /集(满|齐)?\d*个?赞|点赞数?(满|达到|超过|到)\d+|集(满|齐)\d*张?(卡|福)|集\d+张?(卡|福)/,
      /\b(collect|get|gather)\s+\d+\s+likes\b/,
    ],
    problem: 'asks for likes or collected cards (集赞、集卡), which WeChat names as 诱导分享; remove it',
  },
  {
    rule: 'WX-06',
    patterns: [
      /关注[^。!?；;不无没]{0,10}?(领取?|送|抽|赢|免费|红包|好礼|获得?(?=[^。!?；;]{0,3}(券|奖|礼|红包|积分|优惠|\d)))/,
      /\bfollow\b[^.!?;]{0,30}\b(to|and)\s+(get|win|claim|receive|enter)\b/,
    ],
    problem: 'ties a reward to following an account (诱导关注); offer the follow QR without a reward',
  },
  {
    rule: 'PROMO-07',
    patterns: [
      /抽奖|抽取(?!式)|抽中|随机抽|幸运(用户|观众|儿)|大?转盘|砸金蛋|开奖|中奖|刮刮乐|摇一摇|盲盒/,
      /\b(lucky draw|raffle|sweepstakes?|lottery|prize draw|randomly (selected|chosen|drawn)|drawn at random|chance to win|spin the wheel)\b/,
      /\b(winners?|prizes?) (will be |are |is )?drawn\b|\bdraw(ing)? (of|for) (the )?(winners?|prizes?)\b/,
    ],
    problem:
      'describes a prize draw (抽奖式有奖销售) the campaign does not run: no mechanic draws winners, so the odds, prizes and draw are undisclosed; remove it or run a mechanic that discloses them',
  },
  {
    rule: 'PROMO-02',
    patterns: [
      /已(经)?有?\d+(\.\d+)?(万|w|k|千|亿)?\+?(人|位|名|个|户)[^。!?,；;]{0,6}?(参与|参加|领取|抢购|购买|报名|助力|加入|下单|使用)/,
      /\d+(\.\d+)?(万|w|k|千)?\+?(人|位)[^。!?,；;]{0,3}(已|都)(参与|领|抢|购|买|在用|在喝|在买|在吃)/,
      /(已售|已抢|售出|已领|已卖)\d+/,
      /(仅剩|只剩|剩余|还剩)\d+(份|件|个|名|张|席)/,
      /\d+%(的)?(名额|库存|商品|优惠券|份额)?已被?(领|抢|售)/,
      /\b\d[\d.]*\s*(k|m|million|thousand)?\+?\s+(people|users|customers|neighbours|neighbors|members|shoppers)\b[^.!?;]{0,20}\b(joined|claimed|bought|signed up|taken part)\b/,
      /\bonly \d+ (left|remaining)\b|\b\d+% (claimed|sold|gone)\b/,
    ],
    problem:
      'states a count of participants, sales or remaining stock written into the copy (虚构交易, 规范促销行为暂行规定 Art 5); the page shows the real counts from the engine — remove the number',
  },
];

/** A reference (struck-through) price named in copy: checked against `disclosure.referencePrice`. */
export const REFERENCE_PRICE_WORDS: readonly RegExp[] = [
  /(原价|划线价|市场价|专柜价|吊牌价|门市价|建议零售价|参考价)[:：]?¥?\d/,
  /\b(was|originally|rrp|msrp|list price|regular price|retail price)\b:?\s*[¥$]?\s*\d/,
];

const NEGATION_ZH = /(不设置?|不设有|无需?|没有|不享有|不保留|不存在|不含|并非|不是|不适用|不|非)$/;
const NEGATION_EN = /\b(no|not|never|without|isn't|is not|there is no|there are no)\b[^.!?;]{0,24}$/;

/** Whether a negation comes just before the match (within a few characters, in the same clause). */
export function negated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 30), index);
  const clause = before.split(/[。!?;；,，:]/).pop() ?? '';
  return NEGATION_ZH.test(clause.slice(-6)) || NEGATION_EN.test(clause);
}

/** The first match of any pattern that no negation comes just before, or null. */
export function findPhrase(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    );
    for (const match of text.matchAll(global)) {
      if (!negated(text, match.index)) return match[0];
    }
  }
  return null;
}

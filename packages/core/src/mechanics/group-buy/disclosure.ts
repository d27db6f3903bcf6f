import { formatMoney as m } from '../../primitives/money.js';
import { formatMinutes } from '../../primitives/time.js';
import type { Disclosure, Locale } from '../mechanic.js';
import {
  antiAbuseLines,
  closingLines,
  plural,
  referencePriceLine,
  render,
  rewardName,
  scheduleLine,
  type Text,
} from '../shared/disclosure-lines.js';
import { type GroupBuyCampaign, leaderPrice } from './schema.js';

const WHEN_FULL: Record<'reject' | 'overflow-to-open-group' | 'open-new-group', Text> = {
  reject: {
    'zh-CN': '团满后新的参团请求将被拒绝。',
    en: 'Once every seat is taken, further joins are refused.',
  },
  'overflow-to-open-group': {
    'zh-CN': '团满后参团的好友将被安排进本活动中其他未满的团；没有未满的团时，为其新开一团并由其担任团长。',
    en: 'A friend who joins a full group is placed in another open group of this campaign; if none has a seat, a new group opens with them as leader.',
  },
  'open-new-group': {
    'zh-CN': '团满后参团的好友将自动开一个新团，并由其担任团长（按团长价付款）。',
    en: 'A friend who joins a full group opens a new group as its leader (paying the leader price).',
  },
};

/** Who the leader price is for, when there is one: the member who opens the group, never a successor. */
function leaderLines(c: GroupBuyCampaign): Text[] {
  const { rules } = c;
  const leader = leaderPrice(rules);
  if (leader >= rules.groupPriceFen) return [];
  const what =
    leader === 0
      ? { 'zh-CN': '团长免单', en: 'The free order' }
      : { 'zh-CN': '团长价', en: 'The leader price' };
  return [
    {
      'zh-CN': `${what['zh-CN']}仅限开团的团长本人，团长同样须在付款时限内下单（${m(leader)}），成团后生效；团长退出后接任的成员仍按成团价 ${m(rules.groupPriceFen)} 付款。`,
      en: `${what.en} is for the member who opens the group only, who also places their order (${m(leader)}) within the pay window and gets it when the group succeeds; a member who becomes leader after the leader leaves still pays the group price ${m(rules.groupPriceFen)}.`,
    },
  ];
}

/** 新人团: who must be a new user, and who decides it (the platform's account, not what a user says). */
function newUserLines(c: GroupBuyCampaign): Text[] {
  switch (c.rules.newUsersOnly) {
    case undefined:
      return [];
    case 'members':
      return [
        {
          'zh-CN': '本团为新人团：仅新用户可以参团（以平台账号认定为准），开团不限新老用户。',
          en: 'This is a new-user group: only new users can join (as their account on the platform says); anyone can open a group.',
        },
      ];
    case 'everyone':
      return [
        {
          'zh-CN': '本团为新人团：仅新用户可以开团和参团（以平台账号认定为准）。',
          en: 'This is a new-user group: only new users can open or join a group (as their account on the platform says).',
        },
      ];
  }
}

/** The rules of a group-buy campaign in plain words, generated from its own fields only. */
export function discloseGroupBuy(c: GroupBuyCampaign, locale: Locale): Disclosure {
  const { rules } = c;
  const leader = leaderPrice(rules);
  const reward = rewardName(c, rules.rewardId);
  const time = {
    'zh-CN': formatMinutes(rules.timeLimitMinutes, 'zh-CN'),
    en: formatMinutes(rules.timeLimitMinutes, 'en'),
  };
  const pay = {
    'zh-CN': formatMinutes(rules.payWindowMinutes, 'zh-CN'),
    en: formatMinutes(rules.payWindowMinutes, 'en'),
  };
  const lines: Text[] = [
    scheduleLine(c),
    {
      'zh-CN': `「${reward}」原价 ${m(rules.originalPriceFen)}，${rules.size} 人成团价 ${m(rules.groupPriceFen)}${leader === 0 ? '，团长免单（团长 ¥0.00）' : leader < rules.groupPriceFen ? `，团长价 ${m(leader)}` : ''}。`,
      en: `"${reward}" is ${m(rules.originalPriceFen)}; in a group of ${rules.size} it is ${m(rules.groupPriceFen)}${leader === 0 ? ', free for the leader (¥0.00)' : leader < rules.groupPriceFen ? `, ${m(leader)} for the leader` : ''}.`,
    },
    ...leaderLines(c),
    ...newUserLines(c),
    referencePriceLine(c, rules.originalPriceFen),
    {
      'zh-CN': `开团后 ${time['zh-CN']}内需 ${rules.size} 人全部付款才成团（不晚于活动结束）；参团后须在 ${pay['zh-CN']}内付款，否则名额释放。`,
      en: `A group succeeds when all ${rules.size} members have paid within ${time.en} of opening (and before the campaign ends); a member who joins has ${pay.en} to pay or the seat is released.`,
    },
    rules.onTimeout === 'fail'
      ? {
          'zh-CN': '到期未成团则拼团失败，已付款的每位成员按各自订单原路退款。',
          en: 'If the group is not full in time it fails, and every member who paid is refunded on their own order.',
        }
      : {
          'zh-CN': `到期时已有 ${rules.virtualFillThreshold} 人及以上付款即视为成团，空余名额由系统虚拟成员补足（页面会标明虚拟名额数）；不足则失败并退款。`,
          en: `If at least ${plural(rules.virtualFillThreshold ?? 0, 'member')} have paid when time runs out, the group succeeds and the empty seats are filled by virtual members (shown as such on the page); otherwise it fails and payments are refunded.`,
        },
    WHEN_FULL[rules.whenFull],
    {
      'zh-CN': '成团前可退出拼团，已付款将退回；团长退出时由最早参团的成员接任团长。',
      en: 'Before the group succeeds you may leave and any payment is refunded; if the leader leaves, the earliest member becomes leader.',
    },
    {
      'zh-CN': `每人在本活动中最多参与 ${rules.perUserLimit} 个团，最多开团 ${rules.launchesPerUser} 次；同一个团只能参加一次。`,
      en: `Each person may be in at most ${plural(rules.perUserLimit, 'group')} and open at most ${rules.launchesPerUser} in this campaign, and join a given group once.`,
    },
    ...antiAbuseLines(c, { 'zh-CN': '参团', en: 'join' }),
    ...closingLines(c),
  ];
  return render(c, locale, { 'zh-CN': '拼团规则', en: 'Group-buy rules' }, lines);
}

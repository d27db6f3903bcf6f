import { type Locale, formatMoney as m } from '@liebian/core';

/** The kinds of deadline a view reports, each with the words that label its countdown. */
export type Until = Record<
  'expire' | 'pay-by' | 'close' | 'accept' | 'freeze' | 'settle' | 'handover',
  readonly [qualifier: string, prefix: string]
>;

/**
 * Every word the page itself says, in Simplified Chinese. This file is the shape of a locale's copy: `Copy` is its
 * type, and each other locale (`en.ts`) is written against it, so a missing or extra text fails to compile.
 * Marketer text (titles, rewards, rules' extra terms) comes from the campaign, never from here.
 */
export const zhCN = {
  locale: 'zh-CN' as Locale,
  page: {
    proofTitle: '为什么值得信赖',
    moreTitle: '更多参与方式',
    /** The one required box: the form's own purpose, from the campaign (further uses have their own boxes). */
    consent: (purpose: string) => `我已阅读《个人信息保护说明》，同意主办方为「${purpose}」处理我的手机号`,
    share: (name: string, purpose: string) => `同意向${name}提供我的手机号，用于${purpose}`,
    phone: '手机号',
    code: '短信验证码',
    submit: '提交',
    invite: '邀请好友',
    start: '立即参与',
    poster: '生成分享海报',
    posterCaption: '长按识别二维码，一起参与',
    close: '关闭',
    participants: (n: number) => `已有 ${n} 人参与`,
    recent: '最新动态',
    was: '原价',
    open: '待加入',
    day: '天',
    /** What a countdown counts down to: the qualifier, then the clock's own prefix. */
    until: {
      expire: ['活动', '剩余 '],
      'pay-by': ['支付', '剩余 '],
      close: ['邀请', '剩余 '],
      accept: ['应战', '剩余 '],
      freeze: ['比赛', '剩余 '],
      settle: ['公示', '剩余 '],
      handover: ['交接', '剩余 '],
    } as Until,
  },
  /** Why an action is unavailable. Reasons only back-end actions meet fall back to `not-applicable`. */
  reasons: {
    'already-helped': '你已经参与过了',
    'held-for-review': '正在审核，通过后生效',
    'review-rejected': '未通过审核',
    'self-help': '不能为自己助力，快邀请好友吧',
    'not-initiator': '仅发起人可以操作',
    'not-applicable': '当前不可用',
    'group-full': '该团已满',
    'not-member': '你还不是成员',
    'already-joined': '你已加入本场 PK',
    'side-full': '这一方人数已满',
    flagged: '审核中，暂不计分',
    'not-live': '尚未开始',
    'already-referred': '你已接受过邀请',
    'not-purchasable': '还不能购买',
    'floor-reached': '已砍到底价',
    'goal-reached': '任务已完成',
    'instance-ended': '活动已结束',
    'quota-exhausted': '你的参与次数已用完',
    'launch-limit': '你已发起过了',
    'sold-out': '已抢光',
    'sold-out-today': '今日已抢完',
    'closed-now': '当前不在开放时间',
    'budget-exhausted': '奖励已发完',
    'new-users-only': '仅限新用户参与',
    'campaign-ended': '活动已结束',
    'campaign-paused': '活动暂停中',
    'proposals-full': '交换提议已满',
  } as Record<string, string>,
  /** What the islands say when a request fails. */
  failures: {
    signIn: '请先登录后再参与',
    refused: '暂时无法操作，请刷新页面后再试',
    tooMany: '操作太频繁了，请稍后再试',
    server: '服务繁忙，请稍后再试',
    offline: '网络连接失败，请检查网络后再试',
  },
  /** The primary action: labels by action, outcomes by `kind:state`, refusals in a mechanic's own words. */
  actions: {
    'bargain.purchase': (fen: number) => `立即购买 ${m(fen)}`,
    'bargain.invite': '邀请好友帮砍',
    'bargain.help': '帮TA砍一刀',
    'assist.invite': '邀请好友助力',
    'assist.help': '帮TA助力',
    'coupon.invite': '邀请好友',
    'coupon.join': '参与瓜分',
    'coupon.claim': '领取优惠券',
    'group-buy.pay': (fen: number) => `去付款 ${m(fen)}`,
    'group-buy.invite': '邀请好友参团',
    'group-buy.join': (fen: number) => `参团 ${m(fen)}`,
    'leaderboard.join': (side: 'a' | 'b'): string => (side === 'a' ? '加入发起方' : '接受挑战'),
    'leaderboard.invite': (duel: boolean): string => (duel ? '邀请好友助阵' : '分享榜单'),
    'referral.invite': '邀请好友',
    'referral.accept': '接受邀请',
    'swap.confirm': '确认已交接',
    'swap.invite': '分享我的闲置',
    'swap.propose': '我要交换',
  },
  outcomes: {
    'bargain:purchased': '已下单，感谢好友助力',
    'assist:completed': '助力目标已达成',
    'group-buy:succeeded': '拼团成功',
    'swap:completed': '交换完成',
    'leaderboard:settled': '奖励已发放',
    'coupon:pool-filled': '瓜分成功，券已发放',
    'bargain:expired': '砍价已到期',
    'bargain:unpaid': '未在付款期内下单，已结束',
    'bargain:cancelled': '发起人已取消',
    'assist:expired': '助力已到期，已达成的档位奖励照常发放',
    'assist:cancelled': '发起人已取消',
    'coupon:failed': '瓜分未成团，已结束',
    'coupon:closed': '领券已结束',
    'coupon:settled': '领券已结束',
    'group-buy:failed': '拼团未成功，已付款项将原路退回',
    'swap:expired': '交换已过期',
    'swap:cancelled': '发布人已取消',
    'leaderboard:cancelled': '本场 PK 已取消',
    'referral:closed': '邀请活动已结束',
    'swap:already-helped': '你的交换提议已发出，等待对方回复',
  } as Record<string, string>,
  /** The loop: a friend's or visitor's own instance. */
  loop: {
    bargain: '我也要发起砍价',
    assist: '我也要发起助力',
    'group-buy': '我也去开团',
    'coupon:pool': '我也发起瓜分',
    'coupon:share': '我也领',
    referral: '我也去邀请好友',
    'leaderboard:duel': '我也发起 PK',
  } as Record<string, string>,
  bargain: {
    now: '当前价',
    floor: '底价',
    bought: '成交价',
    cut: (fen: number, percent: number) => `已砍 ${m(fen)}（${percent}%）`,
    left: (fen: number, floor: number, friends: number | null) =>
      `还差 ${m(fen)} 到底价 ${m(floor)}${friends ? `，还需 ${friends} 位好友` : ''}`,
    reached: (floor: number, helps: number) => `已砍到底价 ${m(floor)}，共 ${helps} 位好友助力`,
    cutBy: (by: string, fen: number) => `${by} 砍掉 ${m(fen)}`,
    helperReward: (name: string, left: number) => `帮砍得「${name}」，还剩 ${left} 个名额`,
  },
  groupBuy: {
    price: (size: number) => `${size} 人拼团价`,
    leaderPrice: (fen: number): string => (fen === 0 ? '团长免单' : `团长价 ${m(fen)}`),
    newUsersOnly: (who: 'members' | 'everyone'): string =>
      who === 'members' ? '新人团 · 仅限新用户参团' : '新人团 · 仅限新用户开团和参团',
    leader: '团长',
    paid: ' 已付',
    paidOf: (paid: number, size: number) => `${paid}/${size} 人已付款`,
    toFill: (left: number, paid: number) => `还差 ${left} 人成团${paid > 0 ? `，已付款 ${paid} 人` : ''}`,
    waiting: (unpaid: number) => `已满员，等待 ${unpaid} 人付款`,
    virtual: (n: number) => `（含 ${n} 个系统虚拟名额）`,
  },
  /** Opening hours and per-day stock (`daily`); times are the campaign zone's wall clock. */
  daily: {
    hours: (opens: string, closes: string) => `每日 ${opens}–${closes} 开放`,
    stock: (n: number) => `每日限量 ${n} 份`,
    today: (time: string) => `今天 ${time}`,
    tomorrow: (time: string) => `明天 ${time}`,
    on: (month: number, day: number, time: string) => `${month}月${day}日 ${time}`,
    opensAt: (when: string) => `还未开始，${when} 开放`,
    comeBack: (when: string) => `今日已结束，${when} 再来`,
    closedForGood: '今日开放时间已过，本活动不再开放',
    soldOutToday: (when: string) => `今日已抢完，${when} 再来`,
    soldOutLast: '今日已抢完',
  },
  coupon: {
    pool: (capacity: number, fen: number) => `${capacity} 人瓜分 ${m(fen)}`,
    share: (fen: number) => `${m(fen)} 优惠券`,
    threshold: (fen: number): string => (fen > 0 ? `满 ${m(fen)} 可用` : '无门槛'),
    left: (count: number, left: number) => `已有 ${count} 人，还差 ${left} 人`,
    took: (count: number) => `共 ${count} 人参与`,
    validUntil: (at: string) => `有效期至 ${at}`,
    status: { issued: '可使用', redeemed: '已使用', expired: '已过期', revoked: '已作废' },
  },
  assist: {
    progress: (points: number, goal: number) => `助力进度 ${points}/${goal} 点`,
    helped: (n: number) => `${n} 位好友已助力`,
    left: (points: number) => `还差 ${points} 点`,
    reached: '已达成目标',
    tier: (points: number) => `${points} 点`,
    tierReached: '✓ 已达成',
  },
  referral: {
    friendGets: '好友得',
    referrerGets: '邀请人得',
    summary: (accepted: number, moved: number, converted: number, capLeft: number) =>
      `已邀请 ${accepted} 位好友${moved > 0 ? `（${moved} 位已改由他人邀请）` : ''}，${converted} 位已转化，还可获奖 ${capLeft} 次`,
    moved: '已改由他人邀请',
    tier: (n: number) => `邀请满 ${n} 位`,
    standing: (n: number) => `已成功邀请 ${n} 位（不含退款）`,
    notConverted: '待转化',
    status: {
      pending: '冻结中',
      approved: '待发放',
      issued: '已发放',
      reversed: '已取消',
      'clawed-back': '已追回',
    },
  },
  swap: {
    value: (fen: number) => `估值 ${m(fen)}`,
    waiting: (n: number) => `${n} 个交换提议待回复`,
    status: {
      pending: '待回复',
      countered: '已还价',
      accepted: '已接受，待交接',
      withdrawn: '已撤回',
      declined: '未被选中',
      expired: '已过期',
      lapsed: '交接超时',
      completed: '已交换',
    },
  },
  leaderboard: {
    rank: '名次',
    who: '用户',
    score: '成绩',
    side: (id: string): string => (id === 'a' ? '发起方' : '应战方'),
    ranked: (metric: string) => `按「${metric}」排名`,
    scores: (n: number) => `共 ${n} 次记分`,
    settled: '最终排名 · 奖励已发放',
    onNotice: '最终排名（公示中）',
    nobody: '还没有人上榜，第一名等你来拿',
    me: (score: number, unit: string, rank: number) => `我的成绩 ${score} ${unit}，第 ${rank} 名`,
    flagged: '（审核中，暂不计入排名）',
    winners: '获胜方',
    otherSide: '另一方',
    place: (ranks: string) => `第 ${ranks} 名`,
  },
};

/**
 * The shape every locale's copy has.
 *
 * @example
 * const copy: Copy = copyFor('zh-CN');
 * renderToString(<LandingPage {...props} copy={copy} />);
 */
export type Copy = typeof zhCN;

/**
 * The description of every field of a campaign file, shown by editors from the JSON Schema
 * (`campaignJsonSchema`). Keyed by path (`[]` = any item of a list); a `<kind>:` prefix scopes a path to one
 * kind's rules. Kept beside the schemas: a field without a description fails `campaign-json-schema.test.ts`.
 */
const descriptions: Record<string, string> = {
  daily:
    "Rules that repeat every calendar day in the campaign's time zone: opening hours (每日 10:00–22:00) and per-day stock (每日限量).",
  'daily.hours':
    "Launches and friends' actions are accepted only between opens and closes, local time, each day.",
  'daily.hours.opens': 'The opening time "HH:MM" in the campaign time zone, e.g. "10:00".',
  'daily.hours.closes':
    'The closing time "HH:MM", after opens on the same day ("24:00" = the end of the day).',
  'daily.stock':
    'Units of stock that may be taken per calendar day (from local midnight), on top of stock.total.',
  'rewards[].points': 'Points credited (积分), for a points reward.',
  'rewards[].membershipDays': 'Days of membership granted (会员天数), for a membership reward.',
  'bargain:rules.helperReward':
    'A reward for the friends who help (帮砍得券): the first helpers of each bargain get it, within the budget.',
  'bargain:rules.helperReward.rewardId': "Which of the campaign's rewards the helpers get.",
  'bargain:rules.helperReward.firstHelpers':
    'How many helpers per bargain get it (the first ones), at most 20.',
  'group-buy:rules.newUsersOnly':
    '新人团: members = only new users may join (the leader may be anyone); everyone = leader and members must be new. Newness comes from the authenticated actor.',
  'referral:rules.referrerTiers':
    'Tiered referrer rewards (满 3 人得 A，满 5 人得 B): each tier granted once, clawed back on refund.',
  'referral:rules.referrerTiers[].conversions': 'The number of converted friends that reaches this tier.',
  'referral:rules.referrerTiers[].rewardId': "Which of the campaign's rewards this tier grants.",
  'referral:rules.minOrderFen':
    'A first order must reach this amount in 分 to count as a conversion (首单满 ¥X).',
  $schema:
    'The schema this file follows, for editor autocompletion: "./node_modules/@liebian/core/campaign.schema.json".',
  id: 'The campaign id, stable for its lifetime: 2–64 characters of a–z, 0–9 and "-", e.g. "spring-bargain".',
  name: 'The campaign name as participants see it, up to 60 characters.',
  channel: 'Where the page runs: wechat-h5 (inside WeChat), mini-program, app (an in-app web view) or web.',
  status:
    'Set by the operator: draft (not published), live, or paused (no new instances or friend actions). Default live.',
  timezone: 'The IANA time zone of calendar days and displayed times, e.g. "Asia/Shanghai" (the default).',
  schedule: 'When the campaign runs: instances start only between startsAt and endsAt.',
  'schedule.startsAt':
    'The first instant, an ISO date-time with an offset, e.g. "2026-12-01T10:00:00+08:00".',
  'schedule.endsAt': 'The last instant, after startsAt, an ISO date-time with an offset.',
  stock: 'How many rewards exist in all: never over-issued, however many friends act at once.',
  'stock.total': 'The number of units, 1 or more.',
  budget: 'The money the campaign may spend in all (subsidies, cash, coupons issued), never exceeded.',
  'budget.totalFen': 'The budget in 分 (integer): 100000 = ¥1,000.00.',
  rewards: 'What participants can get, at least one; rules refer to a reward by its id.',
  'rewards[].id': 'The reward id the rules refer to, e.g. "tea-set".',
  'rewards[].name': 'The reward as the page names it, up to 40 characters.',
  'rewards[].kind': 'What it is: product, coupon, points, cash or gift.',
  'rewards[].valueFen': 'Market value in 分 (disclosed; a lottery-type prize must stay within ¥50,000).',
  'rewards[].quantity': 'How many exist in this campaign (disclosed as 奖品数量).',
  'rewards[].fulfilment':
    'How the reward reaches the winner (兑奖方式) and what it costs them; disclosed in the rules.',
  'rewards[].fulfilment.method':
    "shipping: sent by courier; pickup: collected in store; account: credited to the user's account; code: a redemption code.",
  'rewards[].fulfilment.feeFen':
    'What the winner pays to receive it (e.g. shipping), in 分; 0 = free (the default).',
  'rewards[].fulfilment.withinDays': 'Delivered or issued within this many days of being won (at most 365).',
  'rewards[].fulfilment.note': "Where or how, in a few words (e.g. the store's address, the app page).",
  'rewards[].validDays': 'Coupons and points: how many days they stay usable once received.',
  'rewards[].scope':
    'Coupons and points: where and on what they can be used (使用范围), e.g. "全部门店饮品，不含外卖".',
  'rewards[].image': 'A picture of the reward, shown in the hero and on the share poster.',
  'rewards[].image.src':
    'An https:// URL or a path starting with "/" (http:, javascript: and data: are refused).',
  'rewards[].image.alt': 'What the picture shows, for screen readers, up to 120 characters.',
  antiAbuse: 'Who may act as a friend, checked on every friend action.',
  'antiAbuse.blockSameDevice':
    "Refuse a friend action from the initiator's own device (a second account on one phone). Default true.",
  'antiAbuse.maxActionsPerActorPerDay':
    'At most this many actions per actor per calendar day (campaign time zone), across instances.',
  'antiAbuse.newUsersOnly':
    'Only actors the integrator marks as new users may act as friends. Default false.',
  page: 'What the landing page says: hook (first screen), proof, call to action. Every string is escaped.',
  'page.brandColor':
    'The brand colour as "#rrggbb" (default "#e4393c"); text colours are derived from it and must meet contrast.',
  'page.hook': 'The first screen: theme, the prize and the early call to action.',
  'page.hook.title': 'The headline, up to 40 characters, e.g. "好友帮砍，9.9 元带走".',
  'page.hook.subtitle': 'One line under the headline, up to 80 characters.',
  'page.hook.image': 'The prize image, the largest thing on the first screen; give width and height.',
  'page.hook.image.src':
    'An https:// URL or a path starting with "/" (http:, javascript: and data: are refused).',
  'page.hook.image.alt': 'What the image shows, for screen readers, up to 120 characters.',
  'page.hook.image.width':
    'The intrinsic width in pixels, so the page reserves the box before the image loads.',
  'page.hook.image.height':
    'The intrinsic height in pixels, so the page reserves the box before the image loads.',
  'page.hook.ctaLabel':
    "The first screen's button label, up to 16 characters (default: the mechanic's own words).",
  'page.proof': 'Why a visitor should believe it. Live counts come from the engine, never from this file.',
  'page.proof.certifications': 'Certifications or qualifications held, at most 6.',
  'page.proof.certifications[].name': 'The certification, e.g. "ISO 22000", up to 40 characters.',
  'page.proof.certifications[].issuer': 'Who issued it, up to 40 characters.',
  'page.proof.certifications[].image': 'A picture of the certificate or its mark.',
  'page.proof.certifications[].image.src':
    'An https:// URL or a path starting with "/" (http:, javascript: and data: are refused).',
  'page.proof.certifications[].image.alt': 'What the image shows, for screen readers, up to 120 characters.',
  'page.proof.certifications[].image.width':
    'The intrinsic width in pixels (reserves the box: no layout shift).',
  'page.proof.certifications[].image.height':
    'The intrinsic height in pixels (reserves the box: no layout shift).',
  'page.proof.experts': 'Statements of named experts, at most 4.',
  'page.proof.experts[].name': "The expert's name, up to 20 characters.",
  'page.proof.experts[].title': "The expert's title or affiliation, up to 40 characters.",
  'page.proof.experts[].quote': 'What they said, up to 140 characters.',
  'page.proof.testimonials': 'Customer reviews, at most 6.',
  'page.proof.testimonials[].author': "The reviewer's (masked) name, up to 20 characters.",
  'page.proof.testimonials[].text': 'The review, up to 140 characters.',
  'page.proof.testimonials[].rating': 'Stars from 1 to 5.',
  'page.cta': 'The closing ask: lead capture, follow the official account, share.',
  'page.cta.headline': 'The closing headline, up to 40 characters.',
  'page.cta.leadForm': 'A phone-number form; needs disclosure.privacy (the personal-information notice).',
  'page.cta.leadForm.enabled': 'Show the form (default true).',
  'page.cta.leadForm.purpose':
    'What the phone number is for — the one use the lead itself needs, e.g. "通知活动结果并联系领奖". Shown in the notice; further uses need their own consent.',
  'page.cta.leadForm.consents':
    'Further uses, each an optional, unticked box of its own (PIPL Art 14, 16: no bundled consent, and declining never blocks taking part), at most 4.',
  'page.cta.leadForm.consents[].id': 'The consent id recorded with the lead, e.g. "marketing-sms".',
  'page.cta.leadForm.consents[].label':
    'The box\'s label, up to 60 characters, e.g. "同意接收新品与优惠短信".',
  'page.cta.followQr': 'The QR code of the official account to follow.',
  'page.cta.followQr.src':
    'An https:// URL or a path starting with "/" (http:, javascript: and data: are refused).',
  'page.cta.followQr.alt': 'What the image shows, for screen readers, up to 120 characters.',
  'page.cta.followQr.width': 'The intrinsic width in pixels (reserves the box: no layout shift).',
  'page.cta.followQr.height': 'The intrinsic height in pixels (reserves the box: no layout shift).',
  'page.cta.shareTitle':
    "The share card's title (WeChat), up to 40 characters; linted like every other copy field.",
  'page.cta.shareDesc': "The share card's description (WeChat), up to 80 characters.",
  disclosure: 'The disclosed terms (活动规则) beside the rules generated from the mechanic.',
  'disclosure.organizer': 'Who runs the campaign and how to reach them.',
  'disclosure.organizer.name': "The organiser's name, up to 60 characters.",
  'disclosure.organizer.contact':
    'A phone number with at least 7 digits (e.g. "400-800-1234"), an email address or an https:// URL.',
  'disclosure.eligibility': 'Who may take part (参与条件), e.g. "中国大陆地区年满 18 周岁的用户".',
  'disclosure.referencePrice':
    'The basis of the struck-through price (原价) a bargain or group buy shows; it decides the label beside it.',
  'disclosure.referencePrice.basis':
    "lowest-7-days: the lowest price of the 7 days before the campaign; last-transaction: the last price before it; msrp: the manufacturer's suggested retail price.",
  'disclosure.privacy': 'The personal-information notice (PIPL Art 17); required when the page takes leads.',
  'disclosure.privacy.processor':
    "Who processes the data (the personal-information handler), e.g. the merchant's legal name.",
  'disclosure.privacy.contact':
    'How to reach the processor: a phone number, an email address or an https:// URL.',
  'disclosure.privacy.retentionDays': 'How many days a lead is kept before it is deleted or anonymised.',
  'disclosure.privacy.recipients':
    'Third parties the data is given to, each with why; [] = none (at most 5).',
  'disclosure.privacy.recipients[].name': 'The third party, up to 60 characters.',
  'disclosure.privacy.recipients[].purpose': 'Why it receives the data, up to 80 characters.',
  'disclosure.extraTerms': 'Extra terms shown after the generated rules, one line each (at most 10).',
  kind: 'The mechanic: bargain 砍, group-buy 拼, assist 帮, referral 送, coupon 券, leaderboard 比 or swap 换.',
  rules: 'The rules of the kind, e.g. prices and helpers for a bargain.',

  'bargain:rules': 'How a bargain (砍一刀) runs: price, floor, how much each friend cuts, time limits.',
  'bargain:rules.rewardId': "Which of the campaign's rewards is being bargained for.",
  'bargain:rules.originalPrice': 'The starting price in 分, e.g. 19900 = ¥199.00.',
  'bargain:rules.floorPrice': 'The lowest price friends can cut to, in 分, below originalPrice (0 = free).',
  'bargain:rules.helpersToFloor':
    "The floor is reached exactly at this friend's help, never before. Omit for open-ended bargains.",
  'bargain:rules.cut': 'How much one friend cuts; all amounts in 分.',
  'bargain:rules.cut.strategy':
    'ratio-of-remaining: a random share of what is left; uniform: uniform in [min, max]; fixed: always amount; double-mean: 二倍均值, uniform in [min, 2 × the mean of what is left].',
  'bargain:rules.cut.minRatio':
    'ratio-of-remaining: the smallest share of what is left, above 0 and at most 1 (default 0.2).',
  'bargain:rules.cut.maxRatio':
    'ratio-of-remaining: the largest share of what is left, at most 1 (default 0.8).',
  'bargain:rules.cut.reservePerHelper':
    'ratio-of-remaining: 分 kept back for each later helper, so every helper still cuts (default 1).',
  'bargain:rules.cut.min': 'uniform and double-mean: the smallest cut in 分.',
  'bargain:rules.cut.max': 'uniform: the largest cut in 分.',
  'bargain:rules.cut.amount': 'fixed: the cut of every friend in 分; the last one takes what is left.',
  'bargain:rules.newUserBoost':
    "New users' cuts are multiplied by this factor (1–10): the amounts, the shares (capped at 100%) or the multiple of the mean. The disclosure states the boosted range.",
  'bargain:rules.selfCut':
    'The initiator makes the first cut at launch (not counted in helpersToFloor). Default false.',
  'bargain:rules.purchasableAt':
    'When the initiator may buy: floor (only at the floor, the default), any (at any price), helpers (after purchasableAfterHelpers helps).',
  'bargain:rules.purchasableAfterHelpers':
    'With purchasableAt = helpers: how many helps unlock buying at the current price.',
  'bargain:rules.timeLimitMinutes':
    'How long a launched bargain may collect helps, in minutes (capped by the campaign end).',
  'bargain:rules.payWindowMinutes':
    'How long the initiator has to pay once the bargain becomes purchasable (default 30).',
  'bargain:rules.helperQuotaPerCampaign': 'How many different bargains one friend may help in this campaign.',
  'bargain:rules.launchesPerUser': 'How many bargains one user may launch in this campaign (default 1).',

  'assist:rules': 'How an assist (帮) task runs: the reward ladder, what a help is worth, the time limit.',
  'assist:rules.tiers':
    'Reward ladder by help points, in increasing order; the last tier is the goal that completes the task.',
  'assist:rules.tiers[].helps': 'Weighted help points needed for this tier.',
  'assist:rules.tiers[].rewardId': "The reward of this tier: one of the campaign's rewards.",
  'assist:rules.weights':
    'Points one help is worth: new users may count more (e.g. 2), to reward bringing new users.',
  'assist:rules.weights.newUser': "A new user's help, 1–10 points (default 1).",
  'assist:rules.weights.existing': "An existing user's help, 1–10 points (default 1).",
  'assist:rules.helperRewardId': 'A reward every friend who helps gets (e.g. a coupon), once per task.',
  'assist:rules.timeLimitMinutes':
    'How long a task may collect helps, in minutes (capped by the campaign end).',
  'assist:rules.helperQuotaPerCampaign': 'How many different tasks one friend may help in this campaign.',
  'assist:rules.launchesPerUser': 'How many tasks one user may start in this campaign (default 1).',

  'coupon:rules':
    'How coupons are shared: mode share (both sides get coupons) or pool (瓜分券: a group splits an amount).',
  'coupon:rules.mode':
    'share: each friend who opens the share claims a coupon and the sharer earns one per friend; pool: `size` people split `amountFen` once the pool is full.',
  'coupon:rules.coupon': "share: the friends' coupon.",
  'coupon:rules.coupon.discountFen': 'The discount in 分, below thresholdFen when there is one.',
  'coupon:rules.coupon.thresholdFen':
    'Minimum order total to use the coupon (满减), in 分; 0 = no threshold (default).',
  'coupon:rules.coupon.validity':
    'When the coupon can be used: { from, until } or { days } after it is issued.',
  'coupon:rules.coupon.validity.from': 'Usable from this instant (ISO date-time with an offset).',
  'coupon:rules.coupon.validity.until': 'Usable until this instant, after from.',
  'coupon:rules.coupon.validity.days': 'Usable for this many days after it is issued (at most 366).',
  'coupon:rules.sharerCoupon': "share: the sharer's coupon (default: the same as the friends').",
  'coupon:rules.sharerCoupon.discountFen': 'The discount in 分, below thresholdFen when there is one.',
  'coupon:rules.sharerCoupon.thresholdFen':
    'Minimum order total to use the coupon (满减), in 分; 0 = no threshold.',
  'coupon:rules.sharerCoupon.validity':
    'When the coupon can be used: { from, until } or { days } after it is issued.',
  'coupon:rules.sharerCoupon.validity.from': 'Usable from this instant (ISO date-time with an offset).',
  'coupon:rules.sharerCoupon.validity.until': 'Usable until this instant, after from.',
  'coupon:rules.sharerCoupon.validity.days': 'Usable for this many days after it is issued (at most 366).',
  'coupon:rules.friendsPerShare': 'share: how many friends can claim from one share (at most 1,000).',
  'coupon:rules.sharerCouponsPerShare':
    'share: sharer coupons one share can earn (0 = friends only; default 1).',
  'coupon:rules.perUserLimit':
    'Coupons one user may receive in this campaign, as a friend or a pool member (default 1).',
  'coupon:rules.timeLimitMinutes': 'How long a share or a pool stays open, in minutes.',
  'coupon:rules.launchesPerUser': 'How many shares or pools one user may start in this campaign (default 1).',
  'coupon:rules.amountFen': 'pool: the total split among the members, in 分.',
  'coupon:rules.size': 'pool: how many people split it, 2–100.',
  'coupon:rules.split': 'pool: equal parts, or random parts (each at least minPartFen).',
  'coupon:rules.minPartFen': 'pool: the smallest part in 分 (default 1).',
  'coupon:rules.thresholdFen': 'pool: minimum order total to use a part (满减), in 分; 0 = no threshold.',
  'coupon:rules.validity': 'pool: when the coupons can be used: { from, until } or { days } after issue.',
  'coupon:rules.validity.from': 'Usable from this instant (ISO date-time with an offset).',
  'coupon:rules.validity.until': 'Usable until this instant, after from.',
  'coupon:rules.validity.days': 'Usable for this many days after it is issued (at most 366).',
  'coupon:rules.onTimeout':
    'pool: when time runs out before the pool is full: fail (the default), or split-among-joined (at least 2).',

  'group-buy:rules': 'How a group buy (拼团) runs: prices, group size, time limits.',
  'group-buy:rules.rewardId': "The product bought together: one of the campaign's rewards.",
  'group-buy:rules.originalPriceFen': 'The usual price in 分, shown struck through for comparison.',
  'group-buy:rules.groupPriceFen':
    'The price for everyone in a group that succeeds, in 分, below originalPriceFen.',
  'group-buy:rules.leaderPriceFen': "The leader's price (团长价) in 分; default the group price.",
  'group-buy:rules.size': 'People per group, 2–100.',
  'group-buy:rules.timeLimitMinutes': 'How long a group has to fill, in minutes; capped by the campaign end.',
  'group-buy:rules.payWindowMinutes': 'How long a member who joined holds a seat before paying (default 15).',
  'group-buy:rules.onTimeout':
    'When time runs out: fail (refund everyone who paid; the default) or virtual-fill (fill the missing seats virtually, disclosed).',
  'group-buy:rules.virtualFillThreshold':
    'With virtual-fill: the paid members needed for the group to succeed anyway.',
  'group-buy:rules.whenFull':
    'A join when every seat is taken: reject it (the default), overflow-to-open-group (another open group, else a new one) or open-new-group (a new group with the friend as leader).',
  'group-buy:rules.perUserLimit': 'Groups one user may be in during the campaign (default 1).',
  'group-buy:rules.launchesPerUser': 'Groups one user may open in this campaign (default 1).',

  'leaderboard:rules': 'How a leaderboard (比) or a duel (PK) runs: what is counted, the window, the prizes.',
  'leaderboard:rules.format':
    'board (the default) ranks everyone who scores in a season; duel (PK) sets two sides against each other.',
  'leaderboard:rules.metric':
    'What is counted, in the words the page shows, e.g. { name: "邀请好友", unit: "人" }.',
  'leaderboard:rules.metric.name': 'The name of the score, up to 20 characters, e.g. "邀请好友".',
  'leaderboard:rules.metric.unit': 'Its unit, up to 6 characters, e.g. "人".',
  'leaderboard:rules.metric.maxPointsPerEvent':
    'The most one score event may add (a guard against a mistyped amount; default 1).',
  'leaderboard:rules.window':
    'The scoring window: rolling { minutes } from the start, or calendar { period }.',
  'leaderboard:rules.window.type':
    'rolling: a fixed length from the start; calendar: the day, week or month of the start.',
  'leaderboard:rules.window.minutes': 'rolling: the length of the window in minutes.',
  'leaderboard:rules.window.period':
    "calendar: day, week (from Monday) or month, in the campaign's time zone.",
  'leaderboard:rules.ranking':
    'competition (the default) shares a rank and skips the next (1, 2, 2, 4); dense does not skip (1, 2, 2, 3).',
  'leaderboard:rules.ties':
    'Members tied on score and instant: share-rank (the default) — all win the prize of the rank they share; last-place — all win the prize of the last place the tie takes. Disclosed.',
  'leaderboard:rules.prizes':
    'Prizes by rank, from rank 1, in order, without gaps or overlaps. For a duel, rank 1 is the winning side.',
  'leaderboard:rules.prizes[].fromRank': 'The first rank of this prize.',
  'leaderboard:rules.prizes[].toRank': 'The last rank of this prize (equal to fromRank for one place).',
  'leaderboard:rules.prizes[].rewardId': "The prize: one of the campaign's rewards.",
  'leaderboard:rules.approval':
    "operator (the default): standings wait for a person's approval after the window closes; automatic: at the close.",
  'leaderboard:rules.publicationHours':
    'Results are published this long before prizes are issued, so anyone can object (0 = issue at once; default 24).',
  'leaderboard:rules.showTop': 'Entries shown on the page, at most 100 (default 20).',
  'leaderboard:rules.teamSize': 'Duel only: members per side (1 = one against one, the default).',
  'leaderboard:rules.acceptMinutes':
    'Duel only: how long the challenger waits for an opponent before the duel is called off (default 1440).',
  'leaderboard:rules.launchesPerUser':
    'Duel only: duels one user may start in this campaign (default 3). Boards are started by an operator.',

  'referral:rules':
    'How a referral (送) runs: who gets what, what counts as a conversion, attribution, limits.',
  'referral:rules.referrerReward':
    'What the referrer gets per converted friend; omit for a one-sided (friend-only) gift.',
  'referral:rules.referrerReward.rewardId': "One of the campaign's rewards.",
  'referral:rules.referrerReward.timing':
    'When it is earned: on-conversion (the only choice for referrers: paying earlier invites fake sign-ups).',
  'referral:rules.refereeReward': 'What the friend gets; omit for a one-sided (referrer-only) reward.',
  'referral:rules.refereeReward.rewardId': "One of the campaign's rewards.",
  'referral:rules.refereeReward.timing':
    'upfront: when the friend accepts the invite; on-conversion (the default): when the friend converts (see trigger).',
  'referral:rules.trigger':
    'What counts as a conversion, reported by your back end: signup, first-order or custom.',
  'referral:rules.triggerLabel':
    'For trigger custom: the conversion in the page\'s words, e.g. "完成首次体检预约".',
  'referral:rules.attribution':
    'first-touch: the first referrer whose invite a friend accepts keeps the friend; registration-only: the same, only new users; last-touch: each accepted invite takes the friend over until they convert.',
  'referral:rules.windowDays':
    'A friend must convert within this many days of accepting, or the referral lapses unrewarded.',
  'referral:rules.capPerReferrer':
    "Conversions that earn the referrer's reward, per referrer. A friend who converts after it is reached still receives the friend's reward.",
  'referral:rules.freezeDays':
    'Rewards earned on conversion stay pending this many days (refunds reverse them), then are approved (default 7).',
  'referral:rules.maxRefereesPerLink': 'Friends one link can take, rewarded or not (default 500).',
  'referral:rules.launchesPerUser': 'Links one referrer may open in this campaign (default 1).',

  'swap:rules': 'How a swap (换) runs: how long listings and proposals stay open, limits.',
  'swap:rules.timeLimitMinutes': 'How long a listing stays open for proposals, in minutes.',
  'swap:rules.proposalTtlMinutes': 'A proposal nobody answers lapses after this many minutes (default 1440).',
  'swap:rules.handoverMinutes':
    'Once a proposal is accepted, both sides must confirm the handover within this many minutes, or the swap lapses (default 2880).',
  'swap:rules.maxOpenProposals': 'Proposals waiting for an answer at once (default 20).',
  'swap:rules.maxProposals': 'Proposals a listing can receive in total (default 100).',
  'swap:rules.allowCounter': 'The owner may answer a proposal with a counter-proposal (default true).',
  'swap:rules.launchesPerUser': 'Listings one user may open in the campaign (default 5).',
};

/** The description of a campaign field by path, scoped to `kind` for the rules. */
export function describeField(path: string, kind: string | undefined): string | undefined {
  return (kind === undefined ? undefined : descriptions[`${kind}:${path}`]) ?? descriptions[path];
}

/** A page that takes leads: a form with its purpose, one optional use, and the notice's fields. */
export const LEADS = {
  page: {
    hook: { title: '好友帮砍' },
    cta: {
      headline: '邀请好友一起砍',
      leadForm: {
        enabled: true,
        purpose: '通知砍价进度并联系发货',
        consents: [{ id: 'marketing-sms', label: '同意接收新品与优惠短信' }],
      },
    },
  },
  disclosure: {
    organizer: { name: '青山茶业', contact: '400-800-1234' },
    privacy: { processor: '青山茶业（杭州）有限公司', contact: 'privacy@example.com', retentionDays: 180 },
  },
};

import type { AnyCampaign } from '@liebian/core';

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const shell = (title: string, body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:15px/1.6 -apple-system,"PingFang SC",sans-serif;max-width:480px;margin:0 auto;padding:16px}
a,button{font-size:16px}.demo{background:#fff3cd;padding:8px;border-radius:6px}</style></head><body>
<p class="demo">演示环境：登录只是一个保存在 cookie 里的名字，不是真实认证。Demo only: the login is a name in a cookie.</p>
${body}</body></html>`;

const csrfField = (csrf: string) => `<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">`;

/** 换个人: logging out changes state, so it is a form post with the CSRF token. */
export const logoutForm = (csrf: string) =>
  `<form method="post" action="/logout" style="display:inline">${csrfField(csrf)}<button type="submit">换个人</button></form>`;

export function indexPage(campaigns: readonly AnyCampaign[], user: string | null, csrf: string): string {
  const items = campaigns
    .map((c) => `<li><a href="/c/${encodeURIComponent(c.id)}">${escapeHtml(c.name)}</a> · ${c.kind}</li>`)
    .join('');
  return shell(
    'Liebian demo',
    `<h1>Liebian 裂变 demo</h1><p>${user ? `你好，${escapeHtml(user)} · ${logoutForm(csrf)}` : '<a href="/login">先登录</a>'}</p>
<p>打开一个活动即可发起；把邀请链接发到另一个浏览器窗口，用另一个名字登录来帮忙。</p><ul>${items}</ul>`,
  );
}

export function loginPage(next: string, csrf: string): string {
  return shell(
    'Login',
    `<h1>登录（演示）</h1><form method="post" action="/login">${csrfField(csrf)}<input type="hidden" name="next" value="${escapeHtml(next)}">
<label>名字 <input name="name" required maxlength="20" autofocus></label>
<label><input type="checkbox" name="newUser"> 我是新用户（演示：真实系统由你的账号体系判断）</label>
<button type="submit">进入</button></form>`,
  );
}

/** The launch button of a campaign: starting an instance is a form post, never a link. */
export function launchPage(campaign: AnyCampaign, user: string, csrf: string): string {
  return shell(
    campaign.name,
    `<h1>${escapeHtml(campaign.name)}</h1><p>以 ${escapeHtml(user)} 的身份发起一个新的活动实例。</p>
<form method="post" action="/c/${encodeURIComponent(campaign.id)}">${csrfField(csrf)}<button type="submit" data-launch>发起活动</button></form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return shell(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/">返回</a></p>`);
}

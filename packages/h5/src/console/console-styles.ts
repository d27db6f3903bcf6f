import { DASHBOARD_STYLES } from '../dashboard/dashboard-page.js';

/** The console's stylesheet (inlined with a nonce; no CDN, no web font). */
export const CONSOLE_STYLES = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#f6f7f9}
header{display:flex;align-items:center;gap:24px;padding:10px 24px;background:#1f2937;color:#fff}
header a{color:#d1d5db;text-decoration:none}header a[aria-current=page]{color:#fff;font-weight:600}
header nav{display:flex;gap:16px;flex:1}header .who{font-size:13px;color:#d1d5db}
main{max-width:1180px;margin:0 auto;padding:20px 24px}
h1{font-size:20px;margin:8px 0 16px}h2{font-size:16px;margin:24px 0 8px}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #e5e7eb}
th,td{padding:8px 10px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600;font-size:13px;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code,pre{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}pre{margin:0;white-space:pre-wrap;word-break:break-all}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px;margin-bottom:8px}
.figure{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:12px}
.figure b{display:block;font-size:22px;font-variant-numeric:tabular-nums}.figure span{color:#6b7280;font-size:12px}
.phase{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#e5e7eb}
.phase-live{background:#dcfce7;color:#166534}.phase-paused{background:#fef3c7;color:#92400e}
.phase-ended{background:#e5e7eb;color:#4b5563}.phase-scheduled{background:#dbeafe;color:#1e40af}.phase-draft{background:#f3f4f6}
.notice{padding:10px 14px;border-radius:6px;margin:0 0 16px;background:#eff6ff;border:1px solid #bfdbfe}
.notice.bad{background:#fef2f2;border-color:#fecaca}
.consequence{padding:14px;background:#fffbeb;border:1px solid #fde68a;border-radius:6px;font-size:15px}
button{font:inherit;padding:6px 14px;border-radius:6px;border:1px solid #d1d5db;background:#fff;cursor:pointer}
button.primary{background:#2563eb;border-color:#2563eb;color:#fff}button.danger{background:#dc2626;border-color:#dc2626;color:#fff}
button:disabled{opacity:.5;cursor:default}
.row{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin:8px 0}
input[type=text],textarea{font:inherit;padding:6px 8px;border:1px solid #d1d5db;border-radius:6px;min-width:320px}
.muted{color:#6b7280}.slot{background:#fff;border:1px dashed #9ca3af;border-radius:6px;padding:12px}
.tabs{display:flex;gap:12px;margin-bottom:12px}
.slot .grid{margin-top:8px}
${DASHBOARD_STYLES}
`;

import { themeFor } from './theme.js';

/**
 * The page's whole stylesheet, inlined (nothing is loaded from another origin). Flow layout, system fonts set for
 * Chinese text, colours from {@link themeFor} so every text pair meets WCAG AA. The primary action sits in a
 * sticky bar at the bottom of the screen, above the safe area.
 *
 * @example
 * const css = styles('#2f7d6d');
 */
export const styles = (brand: string) => {
  const theme = themeFor(brand);
  return `
:root{--brand:${theme.brand};--surface:${theme.surface};--on-surface:${theme.onSurface};--ink:${theme.ink};--tint:${theme.tint}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:15px/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f2f2f2;padding:0 env(safe-area-inset-right) 0 env(safe-area-inset-left);overflow-wrap:anywhere}
main{max-width:480px;margin:0 auto;padding-bottom:calc(84px + env(safe-area-inset-bottom))}
main:has(.said){padding-bottom:calc(124px + env(safe-area-inset-bottom))}
section{background:#fff;margin:10px 10px 0;border-radius:14px;padding:16px}
h2{font-size:17px;margin:0 0 8px;line-height:1.4}
h3,.sub-title{font-size:15px;margin:12px 0 6px}
.hook{background:var(--surface);color:var(--on-surface);margin:0;border-radius:0 0 22px 22px;padding:calc(14px + env(safe-area-inset-top)) 14px 16px}
.hook h1{margin:0 0 2px;font-size:22px;line-height:1.35;letter-spacing:.5px}
.hook .sub{margin:0 0 12px;font-size:14px}
.product{display:block;width:100%;height:auto;aspect-ratio:2/1;object-fit:cover;border-radius:14px;background:#fff;margin:0 0 12px}
.widget{background:#fff;color:#1f1f1f;border-radius:14px;padding:14px;box-shadow:0 6px 18px rgba(0,0,0,.18)}
.price{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px;margin:0}
.price b.big{font-size:30px;line-height:1.2;color:var(--ink)}
.price .label{font-size:13px;color:#555}
.price s{font-size:13px;color:#6b6b6b}
.big{font-size:22px;font-weight:700;color:var(--ink);margin:0;line-height:1.35}
.progress{height:12px;background:#ececec;border-radius:6px;overflow:hidden;margin:10px 0 4px}
.progress span{display:block;height:100%;background:var(--brand);border-radius:6px}
.progress-label{font-size:13px;color:#444;margin:0}
.status{margin:8px 0 0;font-weight:600}
.status em{font-style:normal;color:var(--ink)}
.hook .daily{margin:0 0 8px;font-size:13px}
.hook .daily.closed{display:inline-block;padding:2px 12px;border-radius:12px;background:var(--tint);color:var(--ink);font-weight:600}
.deadline{display:inline-block;margin:0 0 10px;padding:2px 12px;border-radius:12px;background:var(--tint);color:var(--ink);font-weight:600;font-size:13px;font-variant-numeric:tabular-nums}
.ticker{margin-top:10px;border-top:1px solid #eee;padding-top:8px}
.ticker strong{font-size:13px}
.ticker ul,.seats,.ladder,.coupons,.offers{padding:0;margin:6px 0;list-style:none}
.ticker li{font-size:13px;color:#555}
.seats{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0 4px}
.seats li{display:flex;flex-direction:column;align-items:center;width:56px;font-size:12px;color:#555;text-align:center;line-height:1.3}
.seats i{display:flex;align-items:center;justify-content:center;width:44px;height:44px;border-radius:50%;border:2px dashed #b5b5b5;font-style:normal;font-size:17px;color:#6b6b6b;background:#fafafa;margin-bottom:3px}
.seats li.filled i{border:2px solid var(--brand);background:var(--tint);color:var(--ink);font-weight:700}
.seats li.pending i{border-style:solid;border-color:#9a9a9a}
.ladder li{display:flex;justify-content:space-between;gap:8px;padding:6px 0;border-bottom:1px dashed #e4e4e4;font-size:14px}
.ladder li.reached{color:var(--ink);font-weight:600}
.coupons li{display:flex;align-items:center;gap:12px;border-radius:10px;background:var(--tint);border:1px solid var(--brand);padding:8px 12px;margin:8px 0}
.coupons b{font-size:22px;color:var(--ink);white-space:nowrap}
.coupons span{font-size:13px;color:#444}
.offers li{padding:8px 0;border-bottom:1px solid #eee;display:flex;justify-content:space-between;align-items:center;gap:8px}
.tag{font-size:12px;line-height:22px;border-radius:11px;padding:0 8px;background:#ededed;color:#444;white-space:nowrap}
.ranking{width:100%;border-collapse:collapse;font-size:14px}
.ranking th,.ranking td{padding:6px;text-align:left;border-bottom:1px solid #eee}
.ranking th{font-weight:600;color:#555;font-size:12px}
.ranking tr.me{font-weight:700;background:var(--tint);color:var(--ink)}
.me-row{background:var(--tint);color:var(--ink);border-radius:8px;padding:6px 10px;font-weight:600;margin:8px 0 0}
.duel{display:flex;gap:8px}.duel>div{flex:1;min-width:0;text-align:center;border-radius:10px;background:#fafafa;padding:8px 4px}
.duel .seats{justify-content:center;gap:2px}.duel .seats li{width:44px;font-size:11px}.duel .seats i{width:34px;height:34px;font-size:14px}
.cta-section{display:flex;flex-direction:column}
.cta{display:block;width:100%;min-height:48px;border:0;border-radius:24px;padding:10px 16px;font-size:17px;font-weight:700;background:var(--surface);color:var(--on-surface);margin:0;box-shadow:0 4px 12px rgba(0,0,0,.22);font-family:inherit}
.cta:disabled{background:#e6e6e6;color:#555;box-shadow:none;font-weight:500}
.secondary{display:block;width:100%;min-height:44px;border:1.5px solid var(--ink);border-radius:22px;padding:8px 16px;font-size:15px;background:#fff;color:var(--ink);margin-top:10px;font-family:inherit}
.action-bar{position:fixed;left:0;right:0;bottom:0;z-index:2;max-width:480px;margin:0 auto;background:#fff;padding:10px 14px calc(10px + env(safe-area-inset-bottom));box-shadow:0 -4px 14px rgba(0,0,0,.08)}
.action-bar .said{min-height:0;background:none;color:#333;font-size:14px;font-weight:600;padding:0 0 8px}
.invite-link{margin:10px 0 0;padding:8px 10px;border-radius:8px;background:#f2f2f2;font:12px/1.5 ui-monospace,monospace;color:#333;word-break:break-all;user-select:all;-webkit-user-select:all;max-height:4.6em;overflow:auto}
dialog.poster{border:0;border-radius:12px;padding:12px;width:min(92vw,420px)}
dialog.poster::backdrop{background:rgba(0,0,0,.6)}
.notice{margin:10px;padding:10px;border-radius:8px;background:#fff3f2;color:#a02a1f}
.proof li{margin-bottom:6px}
.proof ul{padding-left:0;list-style:none}
blockquote{margin:0 0 8px;padding-left:10px;border-left:3px solid var(--brand);color:#444}
form label{display:block;margin:8px 0}
form input[type=tel],form input[type=text]{width:100%;padding:10px;border:1px solid #8a8a8a;border-radius:8px;font-size:16px}
form .cta{margin-top:12px}
.rules li,.privacy{font-size:13px;color:#4a4a4a}
.rules ol{padding-left:20px;margin:0}
.count{font-weight:600;color:var(--ink)}
img{max-width:100%}
`;
};

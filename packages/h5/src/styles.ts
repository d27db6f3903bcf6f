/** The page's whole stylesheet, inlined (nothing is loaded from another origin). Flow layout, system fonts. */
export const styles = (brand: string) => `
:root{--brand:${brand}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;color:#222;background:#f6f6f6;padding:env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)}
main{max-width:480px;margin:0 auto}
section{background:#fff;margin:10px;border-radius:12px;padding:16px}
.hook{background:var(--brand);color:#fff}
.hook h1{margin:0 0 4px;font-size:24px;line-height:1.3}
.hook img{width:100%;border-radius:8px}
.widget{background:#fff;color:#222;border-radius:10px;padding:12px;margin-top:12px}
.big{font-size:28px;font-weight:700;color:var(--brand);margin:0}
.big s{font-size:14px;color:#999;font-weight:400}
.progress{position:relative;height:22px;background:#eee;border-radius:11px;overflow:hidden;margin:8px 0}
.progress span{position:absolute;inset:0 auto 0 0;background:var(--brand)}
.progress em{position:relative;font-style:normal;font-size:12px;padding-left:8px;line-height:22px;color:#fff;text-shadow:0 0 3px rgba(0,0,0,.7)}
.ticker ul,.slots,.ladder{padding:0;margin:6px 0;list-style:none}
.ticker li{font-size:13px;color:#666}
.slots{display:flex;flex-wrap:wrap;gap:6px}
.slots li{border:1px dashed #bbb;border-radius:16px;padding:2px 10px;font-size:13px}
.slots li.filled{border:1px solid var(--brand);color:var(--brand)}
.slots li.pending{border-style:solid}
.ladder li.reached{color:var(--brand);font-weight:600}
.ranking{width:100%;border-collapse:collapse;font-size:14px}
.ranking th,.ranking td{padding:4px 6px;text-align:left;border-bottom:1px solid #eee}
.ranking tr.me{font-weight:600;color:var(--brand)}
.duel{display:flex;gap:8px}.duel>div{flex:1}
.cta{display:block;width:100%;border:0;border-radius:24px;padding:12px;font-size:17px;font-weight:600;background:var(--brand);color:#fff;margin-top:12px}
.cta:disabled{background:#ccc;color:#555}
.secondary{display:block;width:100%;border:1px solid var(--brand);border-radius:24px;padding:10px;font-size:15px;background:#fff;color:var(--brand);margin-top:10px}
dialog.poster{border:0;border-radius:12px;padding:12px;width:min(92vw,420px)}
dialog.poster::backdrop{background:rgba(0,0,0,.6)}
.notice{margin:10px;padding:10px;border-radius:8px;background:#fff3f2;color:#a02a1f}
.deadline{font-size:13px;opacity:.9}
h2{font-size:17px;margin:0 0 8px}
.proof li{margin-bottom:6px}
blockquote{margin:0 0 8px;padding-left:10px;border-left:3px solid var(--brand);color:#444}
form label{display:block;margin:8px 0}
form input[type=tel],form input[type=text]{width:100%;padding:10px;border:1px solid #ccc;border-radius:8px;font-size:15px}
.rules li,.privacy{font-size:13px;color:#555}
.count{font-weight:600;color:var(--brand)}
`;

import { renderToString } from 'preact-render-to-string';
import { copyFor, islandMessages } from './copy.js';
import { dailyNotice } from './daily-notice.js';
import { islandScript } from './islands.js';
import { LandingPage, type LandingPageProps } from './landing-page.js';
import { styles } from './styles.js';

/**
 * A complete server-rendered HTML document for one viewer of one instance. It works before any script runs:
 * everything shown comes from the engine's view and the campaign's own fields, and all text is escaped.
 *
 * @example
 * const html = renderDocument({ campaign, view: await engine.view(id, viewer), disclosure: engine.disclose(campaign.id, 'zh-CN'), locale: 'zh-CN' });
 */
export function renderDocument(props: Omit<LandingPageProps, 'copy'>): string {
  const copy = copyFor(props.locale);
  const body = renderToString(<LandingPage {...props} copy={copy} />);
  const title = props.campaign.page.hook.title;
  const lang = copy.locale;
  const head = renderToString(
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
      <title>{title}</title>
      <style dangerouslySetInnerHTML={{ __html: styles(props.campaign.page.brandColor) }} />
    </head>,
  );
  const { campaign, view } = props;
  // A refusal for today's stock names the next opening, known from the campaign and the view's clock.
  const daily = view && campaign.daily ? dailyNotice(campaign, view.serverNow, copy) : null;
  const reasons = daily
    ? { 'sold-out-today': daily.soldOutToday, ...(daily.closed ? { 'closed-now': daily.closed } : {}) }
    : {};
  const script = props.islands
    ? islandScript({ messages: islandMessages(copy, reasons), ...props.islands })
    : '';
  return `<!doctype html><html lang="${lang}">${head}<body>${body}${script}</body></html>`;
}

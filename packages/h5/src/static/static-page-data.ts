import type { AnyCampaign, Disclosure, Locale } from '@liebian/core';

/** The page's data, written into the HTML by `liebian build`: the script itself is the same for every campaign. */
export interface StaticPageData {
  readonly campaign: AnyCampaign;
  readonly disclosure: Disclosure;
  readonly locale: Locale;
  readonly apiBase: string;
  readonly leadFormAction?: string;
  /** The share poster's module, relative to the page (built beside the page script). */
  readonly posterModule?: string;
}

/** The id of the inline JSON element that carries {@link StaticPageData}. */
export const STATIC_DATA_ID = 'liebian-page';

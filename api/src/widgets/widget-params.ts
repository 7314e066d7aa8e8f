import { escapeXml, type Lang } from '../../../widgets/src/render/text';

/** The widgets there are, as named in `<seh-widget type=…>`, `/embed/<widget>` and `/widgets/static/<widget>.svg`. */
export const WIDGET_TYPES = ['map', 'timeseries', 'ranking', 'entity', 'stories', 'fund'] as const;
export type WidgetType = (typeof WIDGET_TYPES)[number];
export const isWidgetType = (value: string): value is WidgetType => (WIDGET_TYPES as readonly string[]).includes(value);

/** Attributes a widget takes (the same names in a query string, `data-*` attributes and `<seh-widget>` attributes). */
export const WIDGET_PARAMS = ['indicator', 'level', 'year', 'parent', 'area', 'entity', 'territory', 'lang', 'limit'] as const;

/** Only known, short, plain parameters travel into pages and embed codes. */
export function widgetParams(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of WIDGET_PARAMS) {
    const value = query[name];
    if (typeof value === 'string' && value.length && value.length <= 80 && /^[A-Za-z0-9_:.\-]+$/.test(value)) out[name] = value;
  }
  return out;
}

export const queryString = (params: Record<string, string>): string => new URLSearchParams(params).toString();

export const attrs = (params: Record<string, string>, prefix = ''): string =>
  Object.entries(params)
    .map(([k, v]) => ` ${prefix}${k}="${escapeXml(v)}"`)
    .join('');

export const TITLES: Record<WidgetType, Record<Lang, string>> = {
  map: { pl: 'Mapa wskaźnika', en: 'Indicator map' },
  timeseries: { pl: 'Wskaźnik w czasie', en: 'Indicator over time' },
  ranking: { pl: 'Ranking obszarów', en: 'Ranking of areas' },
  entity: { pl: 'Karta podmiotu', en: 'Entity card' },
  stories: { pl: 'Historie sukcesu', en: 'Success stories' },
  fund: { pl: 'Fundusz pożyczkowy w regionie', en: 'Loan fund in the area' },
};

/** Widgets with a server-rendered SVG (the no-script fallback). */
export const hasStaticSvg = (type: WidgetType): boolean => type !== 'entity' && type !== 'stories';

/** The iframe embed code, with the tiny resize script that listens to the frame's height messages. */
export function iframeEmbedCode(base: string, type: WidgetType, params: Record<string, string>, lang: Lang): string {
  const src = `${base}/embed/${type}?${queryString(params)}`;
  return (
    `<iframe src="${escapeXml(src)}" title="${escapeXml(TITLES[type][lang])}" data-seh-embed style="width:100%;border:0" height="520" loading="lazy"></iframe>\n` +
    `<script async src="${base}/widgets/embed-resize.js"></script>`
  );
}

/** The script embed code: the loader plus a placeholder, with a server-rendered SVG for readers without JavaScript. */
export function scriptEmbedCode(base: string, type: WidgetType, params: Record<string, string>, lang: Lang): string {
  const fallback = hasStaticSvg(type)
    ? `\n<noscript><img src="${escapeXml(`${base}/widgets/static/${type}.svg?${queryString(params)}`)}" alt="${escapeXml(TITLES[type][lang])}" style="max-width:100%"></noscript>`
    : '';
  return `<script async src="${base}/widgets/loader.js"></script>\n<seh-widget type="${type}"${attrs(params)}></seh-widget>${fallback}`;
}

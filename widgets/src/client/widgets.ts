import { geoIdentity, geoMercator, geoPath } from 'd3-geo';
import { captionText, renderChoropleth, valueText, type WidgetTopology } from '../render/choropleth';
import { rankRows, renderRanking, renderSeries } from '../render/charts';
import type { FundSummaryData, IndicatorSlice, SeriesData } from '../render/model';
import { fundCaption, fundCsv, fundLabels, fundRows, fundValueText, renderFundSummary } from '../render/fund';
import { escapeXml, formatValue, LABELS, type Lang } from '../render/text';

type Params = Record<string, string>;
interface MountOptions {
  base: string;
  embed?: boolean;
}

const STYLE = `
:host{display:block;font-family:var(--seh-font,system-ui,sans-serif);color:var(--seh-text,#222);background:var(--seh-bg,transparent);max-width:var(--seh-max-width,760px)}
figure{margin:0;position:relative}
.title{font-weight:600;font-size:var(--seh-title-size,1.05rem);margin:0 0 .4rem}
.chart svg{width:100%;height:auto;display:block}
.legend{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.85rem}
.legend li{display:flex;align-items:center;gap:.35rem}.legend svg{width:14px;height:14px}
.meta{font-size:.75rem;color:var(--seh-muted,#555);margin:.4rem 0}
.actions{display:flex;flex-wrap:wrap;gap:.4rem;margin:.4rem 0}
button,.actions a{font:inherit;font-size:.8rem;padding:.25rem .6rem;border:1px solid var(--seh-accent,#08519c);border-radius:var(--seh-radius,4px);background:var(--seh-button-bg,#fff);color:var(--seh-accent,#08519c);cursor:pointer;text-decoration:none}
button:focus-visible,a:focus-visible,.table:focus-visible,.list:focus-visible{outline:3px solid var(--seh-focus,#f59e0b);outline-offset:2px}
.table{max-height:320px;overflow:auto;margin-top:.4rem}
table{border-collapse:collapse;font-size:.85rem;width:100%}th,td{padding:.2rem .5rem;border-bottom:1px solid #ddd;text-align:left}td.num{text-align:right}
.tip{position:absolute;pointer-events:none;background:var(--seh-tip-bg,#222);color:var(--seh-tip-text,#fff);font-size:.8rem;padding:.25rem .5rem;border-radius:3px;white-space:nowrap}
.card dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:0}.card dt{font-weight:600}
.stories{padding-left:1.1rem}.stories li{margin:.4rem 0}.note{font-style:italic;font-size:.8rem}
`;

const langOf = (el: Element, params: Params): Lang => {
  const declared = params.lang || el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'pl';
  return declared.toLowerCase().startsWith('en') ? 'en' : 'pl';
};

function paramsOf(el: Element): { type: string; params: Params } {
  const params: Params = {};
  const names = ['indicator', 'level', 'year', 'parent', 'area', 'entity', 'territory', 'lang', 'limit'];
  for (const name of names) {
    const value = el.getAttribute(name) ?? el.getAttribute(`data-${name}`);
    if (value) params[name] = value;
  }
  return { type: el.getAttribute('type') || el.getAttribute('data-seh-widget') || 'map', params };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status}`);
  return response.json() as Promise<T>;
}

const topologies = new Map<string, Promise<WidgetTopology>>();
const topologyOf = (url: string) => {
  if (!topologies.has(url)) topologies.set(url, getJson<WidgetTopology>(url));
  return topologies.get(url)!;
};

let uid = 0;

/** Draws one widget into the shadow root of `el` (a `<seh-widget>` or a `<div data-seh-widget>`). */
export function mount(el: Element, options: MountOptions): void {
  const { type, params } = paramsOf(el);
  const lang = langOf(el, params);
  const t = LABELS[lang];
  const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  const id = `seh${++uid}`;
  root.innerHTML = `<style>${STYLE}</style><figure class="w" lang="${lang}" data-widget="${type}" aria-busy="true"><p class="note">${t.loading}</p></figure>`;
  const figure = root.querySelector('figure')!;
  const base = options.base;
  const q = (extra: Params) => new URLSearchParams({ ...extra, lang }).toString();

  /** Title, chart, legend, caption, the actions and the accessible table: the frame every chart shares. */
  const frame = (parts: { title: string; svg: string; legend?: string; caption: string; csv: string | null; csvName?: string; head: string[]; rows: string[][]; file: string; back?: boolean; hint?: string }) => {
    figure.setAttribute('aria-busy', 'false');
    figure.innerHTML =
      `<figcaption class="title" id="${id}-title">${escapeXml(parts.title)}</figcaption>` +
      (parts.back ? `<button type="button" class="back">${t.back}</button>` : '') +
      `<div class="chart">${parts.svg}</div><div class="tip" hidden></div>` +
      (parts.legend ? `<ul class="legend" aria-label="${t.legend}">${parts.legend}</ul>` : '') +
      (parts.hint ? `<p class="meta">${escapeXml(parts.hint)}</p>` : '') +
      `<p class="meta source">${escapeXml(parts.caption)}</p>` +
      `<div class="actions"><button type="button" class="table-toggle" aria-expanded="false" aria-controls="${id}-table">${t.showTable}</button>` +
      (parts.csv ? `<a class="csv" href="${escapeXml(parts.csv)}" download${parts.csvName ? `="${escapeXml(parts.csvName)}"` : ''}>${t.downloadCsv}</a>` : '') +
      `<button type="button" class="svg-download">${t.downloadSvg}</button><button type="button" class="png-download">${t.downloadPng}</button></div>` +
      `<div class="table" id="${id}-table" role="region" tabindex="0" aria-labelledby="${id}-title" hidden><table><caption>${escapeXml(parts.title)}</caption><thead><tr>${parts.head.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('')}</tr></thead><tbody>${parts.rows
        .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeXml(c)}</th>` : `<td${i === r.length - 1 ? ' class="num"' : ''}>${escapeXml(c)}</td>`)).join('')}</tr>`)
        .join('')}</tbody></table></div>`;
    const toggle = figure.querySelector<HTMLButtonElement>('.table-toggle')!;
    const table = figure.querySelector<HTMLElement>('.table')!;
    toggle.addEventListener('click', () => {
      const open = table.hidden;
      table.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? t.hideTable : t.showTable;
    });
    const svgText = () => figure.querySelector('.chart svg')!.outerHTML;
    figure.querySelector('.svg-download')!.addEventListener('click', () => download(new Blob([svgText()], { type: 'image/svg+xml' }), `${parts.file}.svg`));
    figure.querySelector('.png-download')!.addEventListener('click', () => toPng(svgText()).then((blob) => download(blob, `${parts.file}.png`)));
  };

  const failed = () => {
    figure.setAttribute('aria-busy', 'false');
    figure.innerHTML = `<p class="note" role="alert">${t.failed}</p>`;
  };

  const renderMap = async (level: string, parent: string | null, history: { level: string; parent: string | null }[]) => {
    const slice = await getJson<IndicatorSlice>(`${base}/widgets/data/indicator?${q({ ...pick(params, ['indicator', 'year']), level, ...(parent ? { parent } : {}) })}`);
    if (!slice.geo) throw new Error('no geometry');
    const topology = await topologyOf(slice.geo.url);
    const { svg, legend, drawn } = renderChoropleth({ geoIdentity, geoMercator, geoPath }, topology, slice);
    const byCode = new Map(slice.values.map((v) => [v.code, v]));
    const title = `${slice.indicator.name} (${slice.indicator.unit}), ${slice.year}`;
    const svgWithAlt = svg.replace('<svg ', `<svg aria-describedby="${id}-table" `);
    const drill = level === 'VOIVODESHIP' ? 'POWIAT' : level === 'POWIAT' ? 'GMINA' : null;
    frame({
      title,
      svg: svgWithAlt,
      legend: legend.map((c) => `<li data-class="${c.className}"><svg viewBox="0 0 14 14" aria-hidden="true"><rect class="${c.className}" width="14" height="14" stroke="#999" stroke-width=".5"/></svg>${escapeXml(c.label)}</li>`).join(''),
      caption: captionText(slice, slice.geo.attribution, lang),
      csv: slice.csv,
      head: [t.area, t.value],
      rows: drawn.map((d) => [d.name, valueText(byCode.get(d.code), slice.indicator.unit, lang)]),
      file: `${slice.indicator.code}-${level.toLowerCase()}-${slice.year}`,
      back: history.length > 0,
      hint: drill ? t.clickToDrill : undefined,
    });
    // The legend swatches need the SVG's classes: copy its style block into the shadow root once.
    const legendStyle = figure.querySelector('.chart svg style')?.textContent ?? '';
    const style = document.createElement('style');
    style.textContent = legendStyle + `.legend .sup{fill:#bbb}`;
    figure.appendChild(style);
    const tip = figure.querySelector<HTMLElement>('.tip')!;
    const chart = figure.querySelector<HTMLElement>('.chart')!;
    chart.addEventListener('pointermove', (event) => {
      const target = event.target as Element;
      const code = target.getAttribute?.('data-code');
      if (!code) return void (tip.hidden = true);
      const v = byCode.get(code);
      tip.textContent = `${v?.name ?? code}: ${valueText(v, slice.indicator.unit, lang)}`;
      const box = figure.getBoundingClientRect();
      tip.style.left = `${event.clientX - box.left + 12}px`;
      tip.style.top = `${event.clientY - box.top + 12}px`;
      tip.hidden = false;
    });
    chart.addEventListener('pointerleave', () => (tip.hidden = true));
    if (drill) {
      chart.addEventListener('click', (event) => {
        const code = (event.target as Element).getAttribute?.('data-code');
        if (code) void guard(renderMap(drill, code, [...history, { level, parent }]));
      });
    }
    figure.querySelector('.back')?.addEventListener('click', () => {
      const previous = history[history.length - 1];
      void guard(renderMap(previous.level, previous.parent, history.slice(0, -1)));
    });
  };

  const renderTimeseries = async () => {
    const data = await getJson<SeriesData>(`${base}/widgets/data/series?${q({ indicator: params.indicator ?? '', area: params.area ?? params.territory ?? 'PL' })}`);
    frame({
      title: `${data.indicator.name} (${data.indicator.unit}) — ${data.area.name}`,
      svg: renderSeries(data),
      caption: captionText(data, null, lang),
      csv: data.csv,
      head: [t.year, data.area.name, t.poland],
      rows: data.points.map((p) => [String(p.year), p.suppressed ? t.suppressed : p.value === null ? t.noData : formatValue(p.value, lang), p.national === null ? t.noData : formatValue(p.national, lang)]),
      file: `${data.indicator.code}-${data.area.code}`,
    });
  };

  const renderRankingWidget = async () => {
    const slice = await getJson<IndicatorSlice>(`${base}/widgets/data/indicator?${q(pick(params, ['indicator', 'year', 'level', 'parent']))}`);
    const limit = Number(params.limit) || 20;
    frame({
      title: `${slice.indicator.name} (${slice.indicator.unit}), ${slice.year}`,
      svg: renderRanking(slice, { limit, highlight: params.area ?? null }),
      caption: captionText(slice, null, lang),
      csv: slice.csv,
      head: [t.rank, t.area, t.value],
      rows: rankRows(slice).map((r) => [r.rank === null ? '–' : String(r.rank), r.name, r.value === null ? (r.suppressed ? t.suppressed : t.noData) : formatValue(r.value, lang)]),
      file: `${slice.indicator.code}-ranking-${slice.year}`,
    });
  };

  const renderEntity = async () => {
    const { entity: e } = await getJson<{ entity: Record<string, any> }>(`${base}/widgets/data/entity?${q({ entity: params.entity ?? '' })}`);
    figure.setAttribute('aria-busy', 'false');
    const seat = e.seat ? `${e.seat.name}${e.seat.parent ? `, ${e.seat.parent.name}` : ''}` : '';
    const rows: [string, string][] = [
      [t.legalForm, e.legalForm],
      [t.seat, seat],
      [t.status, e.status],
      [t.founded, e.foundedOn ?? '–'],
      [t.socialEnterprise, e.socialEnterprise ? t.yes : t.no],
      ['KRS', e.krs ?? '–'],
    ];
    figure.innerHTML = `<div class="card"><p class="meta">${t.entity}</p><h3 class="title">${escapeXml(e.name)}</h3><dl>${rows.map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(String(v))}</dd>`).join('')}</dl>${e.synthetic ? `<p class="note">${t.synthetic}</p>` : ''}<p class="meta">${t.source}: Krajowe Obserwatorium Gospodarki Społecznej</p></div>`;
  };

  const renderStories = async () => {
    const data = await getJson<{ stale: { cachedAt: string } | null; stories: { totalCount: number; nodes: { title: string; lead: string | null; territory: { name: string } | null }[] } | null }>(
      `${base}/widgets/data/stories?${q({ territory: params.territory ?? params.area ?? 'PL' })}`,
    );
    figure.setAttribute('aria-busy', 'false');
    const nodes = data.stories?.nodes ?? [];
    const total = data.stories?.totalCount ?? nodes.length;
    // The list sits in a focusable region (like the charts' data table) so a keyboard user can reach and scroll it.
    figure.innerHTML =
      `<p class="title" id="${id}-title">${t.stories}</p>` +
      (data.stale ? `<p class="note stale" role="status">${t.storiesStale}</p>` : '') +
      (nodes.length
        ? `<div class="list" role="region" tabindex="0" aria-labelledby="${id}-title"><ul class="stories">${nodes
            .map((s) => `<li><strong class="story-title">${escapeXml(s.title)}</strong>${s.territory ? ` (${escapeXml(s.territory.name)})` : ''}${s.lead ? `<br>${escapeXml(s.lead)}` : ''}</li>`)
            .join('')}</ul></div><p class="meta count">${t.storiesShown(nodes.length, total)}</p>`
        : `<p class="note">${t.noStories}</p>`) +
      `<p class="meta source">${t.source}: ${t.storiesSource}</p>`;
  };

  const renderFund = async () => {
    const data = await getJson<FundSummaryData>(`${base}/widgets/data/fund?${q(pick({ ...params, territory: params.territory ?? params.area ?? 'PL' }, ['territory', 'year']))}`);
    const f = fundLabels(lang);
    const file = `fundusz-${data.area.code}-${data.year}`;
    frame({
      title: f.title(data.area.name, data.year),
      svg: renderFundSummary(data).replace('<svg ', `<svg aria-describedby="${id}-table" `),
      caption: fundCaption(data),
      // Built here from the same answer the tiles show, so the file cannot disagree with the widget.
      csv: `data:text/csv;charset=utf-8,${encodeURIComponent(fundCsv(data))}`,
      csvName: `${file}.csv`,
      head: [f.measure, t.value],
      rows: fundRows(data).map((r) => [r.label, fundValueText(r, lang)]),
      file,
    });
  };

  const guard = (work: Promise<void>) => work.catch(failed).finally(() => (options.embed ? postHeight() : undefined));
  const work =
    type === 'map' ? renderMap((params.level || 'VOIVODESHIP').toUpperCase(), params.parent ?? null, [])
    : type === 'timeseries' ? renderTimeseries()
    : type === 'ranking' ? renderRankingWidget()
    : type === 'entity' ? renderEntity()
    : type === 'stories' ? renderStories()
    : type === 'fund' ? renderFund()
    : Promise.reject(new Error(`unknown widget ${type}`));
  void guard(work);
  if (options.embed) watchHeight();
}

const pick = (params: Params, names: string[]): Params => Object.fromEntries(names.filter((n) => params[n]).map((n) => [n, params[n]]));

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** SVG → PNG at twice the size, through an image and a canvas (no server round trip). */
function toPng(svg: string): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth * 2;
      canvas.height = img.naturalHeight * 2;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas'))), 'image/png');
    };
    img.onerror = reject;
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}

/** In an iframe embed: tell the parent page how tall the content is, whenever it changes. */
function postHeight(): void {
  if (window.parent === window) return;
  window.parent.postMessage({ type: 'seh:height', height: document.documentElement.scrollHeight }, '*');
}
let watching = false;
function watchHeight(): void {
  if (watching) return;
  watching = true;
  // The host's resize script may load after our last height message (it is async on the host
  // page): it then asks, and we say it again.
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && (event.data as { type?: string } | null)?.type === 'seh:height-request') postHeight();
  });
  new ResizeObserver(postHeight).observe(document.body);
  postHeight();
}

/** The API the loader and embed pages call. */
(window as unknown as { SEHWidgets: unknown }).SEHWidgets = { mount };

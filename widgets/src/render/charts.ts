import type { IndicatorSlice, SeriesData } from './model';
import { captionText, SVG_STYLE } from './choropleth';
import { escapeXml, formatValue, LABELS } from './text';

const niceMax = (max: number) => {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
};

/** A line chart of one area over the years, with Poland as a dashed line; hidden years are gaps marked on the axis. */
export function renderSeries(data: SeriesData, options: { width?: number; standalone?: boolean } = {}): string {
  const lang = data.lang;
  const t = LABELS[lang];
  const width = options.width ?? 600;
  const plotH = 260, left = 56, right = 16, top = 16;
  const years = data.points.map((p) => p.year);
  const values = data.points.flatMap((p) => [p.value, p.national]).filter((v): v is number => v !== null);
  const max = niceMax(Math.max(0, ...values));
  const x = (year: number) => left + (years.length < 2 ? (width - left - right) / 2 : ((year - years[0]) / (years[years.length - 1] - years[0])) * (width - left - right));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const line = (pick: (p: SeriesData['points'][number]) => number | null) => {
    let d = '';
    let pen = false;
    for (const p of data.points) {
      const v = pick(p);
      if (v === null) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${x(p.year).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    }
    return d;
  };
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => `<g><line x1="${left}" x2="${width - right}" y1="${y(max * f)}" y2="${y(max * f)}" stroke="#ddd"/><text x="${left - 6}" y="${y(max * f) + 4}" font-size="11" text-anchor="end">${formatValue(max * f, lang)}</text></g>`).join('');
  const xTicks = data.points
    .map((p) => `<text x="${x(p.year)}" y="${top + plotH + 16}" font-size="11" text-anchor="middle">${p.year}${p.suppressed ? '*' : ''}</text>`)
    .join('');
  const dots = data.points
    .filter((p) => p.value !== null)
    .map((p) => `<circle class="point" data-year="${p.year}" cx="${x(p.year)}" cy="${y(p.value!)}" r="4" fill="var(--seh-accent,#08519c)"><title>${escapeXml(`${data.area.name}, ${p.year}: ${formatValue(p.value!, lang)} ${data.indicator.unit}`)}</title></circle>`)
    .join('');
  const title = `${t.seriesOf}: ${data.indicator.name} — ${data.area.name}`;
  const legendY = top + plotH + 34;
  const note = data.points.some((p) => p.suppressed) ? `<text x="${left}" y="${legendY + 18}" font-size="11">* ${escapeXml(t.suppressed)}</text>` : '';
  const keyLine = `<g transform="translate(${left},${legendY})"><line x2="24" stroke="var(--seh-accent,#08519c)" stroke-width="2.5"/><text x="30" y="4" font-size="12">${escapeXml(data.area.name)}</text><line x1="180" x2="204" stroke="var(--seh-muted,#777)" stroke-width="2" stroke-dasharray="5 4"/><text x="210" y="4" font-size="12">${escapeXml(t.poland)}</text></g>`;
  const extra = options.standalone ? 44 : 0;
  const height = legendY + 26 + extra;
  const caption = options.standalone
    ? `<text x="${left}" y="${14 + plotH + 80}" font-size="10">${escapeXml(captionText(data, null, lang))}</text><text x="${left}" y="${top - 2}" font-size="0">${escapeXml(title)}</text>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><defs><style>${SVG_STYLE}</style></defs>` +
    ticks +
    xTicks +
    `<path d="${line((p) => p.national)}" fill="none" stroke="var(--seh-muted,#777)" stroke-width="2" stroke-dasharray="5 4"/>` +
    `<path class="series" d="${line((p) => p.value)}" fill="none" stroke="var(--seh-accent,#08519c)" stroke-width="2.5"/>` +
    dots +
    keyLine +
    note +
    caption +
    `</svg>`
  );
}

/** Horizontal bars, highest first; hidden figures are listed last with their label instead of a bar. */
export function renderRanking(slice: IndicatorSlice, options: { width?: number; limit?: number; highlight?: string | null; standalone?: boolean } = {}): string {
  const lang = slice.lang;
  const t = LABELS[lang];
  const width = options.width ?? 600;
  const rows = rankRows(slice).slice(0, options.limit ?? 20);
  const label = 170, bar = 22, gap = 6, top = 8;
  const max = niceMax(Math.max(0, ...rows.map((r) => r.value ?? 0)));
  const plotW = width - label - 70;
  const body = rows
    .map((r, i) => {
      const yy = top + i * (bar + gap);
      const name = `<text x="${label - 8}" y="${yy + bar / 2 + 4}" font-size="12" text-anchor="end">${escapeXml(r.name)}</text>`;
      if (r.value === null) return `${name}<text class="bar-note" x="${label}" y="${yy + bar / 2 + 4}" font-size="11" font-style="italic">${escapeXml(r.suppressed ? t.suppressed : t.noData)}</text>`;
      const w = Math.max(1, (r.value / max) * plotW);
      const cls = r.code === options.highlight ? 'bar c5' : 'bar c3';
      return `${name}<rect class="${cls}" data-code="${escapeXml(r.code)}" x="${label}" y="${yy}" width="${w.toFixed(1)}" height="${bar}"><title>${escapeXml(`${r.rank}. ${r.name}: ${formatValue(r.value, lang)} ${slice.indicator.unit}`)}</title></rect><text x="${label + w + 4}" y="${yy + bar / 2 + 4}" font-size="11">${formatValue(r.value, lang)}</text>`;
    })
    .join('');
  const title = `${t.rankingOf}: ${slice.indicator.name}, ${slice.year}`;
  const plotH = top + rows.length * (bar + gap);
  const height = plotH + (options.standalone ? 30 : 4);
  const caption = options.standalone ? `<text x="8" y="${height - 8}" font-size="10">${escapeXml(captionText(slice, null, lang))}</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><defs><style>${SVG_STYLE}</style></defs>${body}${caption}</svg>`;
}

export interface RankRow {
  rank: number | null;
  code: string;
  name: string;
  value: number | null;
  suppressed: boolean;
}

/** Published figures highest first (ties share a rank), then hidden and missing ones by name. */
export function rankRows(slice: IndicatorSlice): RankRow[] {
  const published = slice.values.filter((v) => !v.suppressed && v.value !== null).sort((a, b) => b.value! - a.value! || a.name.localeCompare(b.name, 'pl'));
  const rest = slice.values.filter((v) => v.suppressed || v.value === null).sort((a, b) => a.name.localeCompare(b.name, 'pl'));
  let rank = 0;
  let previous: number | null = null;
  return [
    ...published.map((v, i) => {
      if (v.value !== previous) rank = i + 1;
      previous = v.value;
      return { rank, code: v.code, name: v.name, value: v.value, suppressed: false };
    }),
    ...rest.map((v) => ({ rank: null, code: v.code, name: v.name, value: null, suppressed: v.suppressed })),
  ];
}

import type { geoIdentity, geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { IndicatorSlice, WidgetValue } from './model';
import { escapeXml, formatValue, LABELS, type Lang } from './text';

/** Sequential palette (ColorBrewer Blues); a host overrides it with --seh-c1 … --seh-c5. */
export const PALETTE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];

export interface LegendClass {
  /** CSS class of the areas in this class: c1 … c5, or sup / na. */
  className: string;
  label: string;
  from?: number;
  to?: number;
}

/** Up to five classes with (nearly) equal counts of areas, from the published values only. */
export function legendClasses(values: WidgetValue[], lang: Lang): { classes: LegendClass[]; classOf: (v: WidgetValue) => string } {
  const published = values.filter((v) => !v.suppressed && v.value !== null).map((v) => v.value!).sort((a, b) => a - b);
  const classes: LegendClass[] = [];
  if (published.length) {
    const min = published[0], max = published[published.length - 1];
    const k = Math.min(5, new Set(published).size);
    const inner = [...new Set(Array.from({ length: k - 1 }, (_, i) => published[Math.floor(((i + 1) * published.length) / k)]))].filter((b) => b > min && b <= max);
    const bounds = [min, ...inner, max];
    const n = Math.max(1, bounds.length - 1);
    for (let i = 0; i < n; i++) {
      const from = bounds[i], to = bounds[i + 1] ?? bounds[i];
      const shade = n === 1 ? 3 : Math.round((i * 4) / (n - 1)) + 1;
      classes.push({ className: `c${shade}`, from, to, label: from === to ? formatValue(from, lang) : `${formatValue(from, lang)} – ${formatValue(to, lang)}` });
    }
  }
  const valued = classes.slice();
  const classOf = (v: WidgetValue): string => {
    if (v.suppressed) return 'sup';
    if (v.value === null) return 'na';
    for (let i = valued.length - 1; i >= 0; i--) if (v.value >= valued[i].from!) return valued[i].className;
    return valued[0]?.className ?? 'na';
  };
  if (values.some((v) => v.suppressed)) classes.push({ className: 'sup', label: LABELS[lang].suppressed });
  if (values.some((v) => !v.suppressed && v.value === null)) classes.push({ className: 'na', label: LABELS[lang].noData });
  return { classes, classOf };
}

/** Styles carried inside the SVG so a downloaded or server-rendered file looks the same standalone. */
export const SVG_STYLE =
  PALETTE.map((c, i) => `.c${i + 1}{fill:var(--seh-c${i + 1},${c})}`).join('') +
  `.sup{fill:url(#seh-hatch)}.na{fill:var(--seh-na,#d9d9d9)}path.area{stroke:var(--seh-border,#fff);stroke-width:.6;vector-effect:non-scaling-stroke}` +
  `path.area:hover,path.area:focus{stroke:var(--seh-accent,#111);stroke-width:1.5;outline:none}text{font-family:var(--seh-font,system-ui,sans-serif);fill:var(--seh-text,#222)}`;

const HATCH = `<pattern id="seh-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="var(--seh-na,#e5e5e5)"/><line x1="0" y1="0" x2="0" y2="6" stroke="var(--seh-hatch,#888)" stroke-width="2"/></pattern>`;

interface GeoFeature {
  type: 'Feature';
  id?: string | number;
  properties: { name?: string; parent?: string | null } | null;
  geometry: unknown;
}

/** TopoJSON as the hub serves it (see api/src/widgets/geometry): one object `areas`, plus `seh` metadata. */
export interface WidgetTopology {
  type: 'Topology';
  objects: { areas: unknown };
  seh?: { planar?: boolean; attribution?: { pl: string; en: string } };
  [key: string]: unknown;
}

/**
 * The d3-geo functions the map needs, passed in: the browser bundle imports d3-geo, the server loads
 * it itself (d3-geo is an ES module, which CommonJS code and jest cannot simply require).
 */
export interface GeoLib {
  geoPath: typeof geoPath;
  geoMercator: typeof geoMercator;
  geoIdentity: typeof geoIdentity;
}

export interface ChoroplethOptions {
  width?: number;
  height?: number;
  /** Also draw the legend, title and caption inside the SVG (for downloads and the no-script fallback). */
  standalone?: boolean;
}

export interface ChoroplethResult {
  svg: string;
  legend: LegendClass[];
  /** Areas drawn, in drawing order. */
  drawn: { code: string; name: string; className: string }[];
}

/** Text describing what a value is, for tooltips, titles and the table. */
export function valueText(v: WidgetValue | undefined, unit: string, lang: Lang): string {
  if (!v || (!v.suppressed && v.value === null)) return LABELS[lang].noData;
  if (v.suppressed) return LABELS[lang].suppressed;
  return `${formatValue(v.value!, lang)} ${unit}`;
}

export function captionText(slice: Pick<IndicatorSlice, 'indicator' | 'referenceDate' | 'version' | 'synthetic'>, attribution: string | null, lang: Lang): string {
  const t = LABELS[lang];
  const parts = [`${t.source}: ${slice.indicator.source}`, `${t.referenceDate} ${slice.referenceDate}`, `${t.dataVersion} ${slice.version.label}`];
  if (attribution) parts.push(attribution);
  if (slice.synthetic) parts.push(t.synthetic);
  return parts.join(' · ');
}

/**
 * The choropleth as an SVG string: d3-geo paths from the TopoJSON (Mercator fitted to the areas,
 * or the plane for the tile grid), one `<path>` per area with its class, code and a `<title>`.
 * Pure: runs the same in the browser and on the server (the no-script fallback).
 */
export function renderChoropleth(geo: GeoLib, topology: WidgetTopology, slice: IndicatorSlice, options: ChoroplethOptions = {}): ChoroplethResult {
  const lang = slice.lang;
  const width = options.width ?? 600;
  const mapHeight = options.height ?? Math.round(width * 0.9);
  const collection = feature(topology as never, topology.objects.areas as never) as unknown as { features: GeoFeature[] };
  const byCode = new Map(slice.values.map((v) => [v.code, v]));
  const features = collection.features.filter((f) => (slice.parent ? f.properties?.parent === slice.parent || String(f.id).startsWith(slice.parent) : true) && byCode.has(String(f.id)));
  const fc = { type: 'FeatureCollection', features } as never;
  const projection = topology.seh?.planar ? geo.geoIdentity().fitSize([width, mapHeight], fc) : geo.geoMercator().fitSize([width, mapHeight], fc);
  const path = geo.geoPath(projection);
  const { classes, classOf } = legendClasses(features.map((f) => byCode.get(String(f.id))!), lang);
  const drawn: ChoroplethResult['drawn'] = [];
  const paths = features.map((f) => {
    const code = String(f.id);
    const v = byCode.get(code)!;
    const className = classOf(v);
    drawn.push({ code, name: v.name, className });
    const label = `${v.name}: ${valueText(v, slice.indicator.unit, lang)}`;
    return `<path class="area ${className}" data-code="${escapeXml(code)}" d="${path(f as never) ?? ''}"><title>${escapeXml(label)}</title></path>`;
  });
  const title = `${LABELS[lang].mapOf}: ${slice.indicator.name}, ${slice.year}`;
  const legendHeight = options.standalone ? 22 * classes.length + 70 : 0;
  const height = mapHeight + legendHeight;
  const legend = options.standalone
    ? classes
        .map((c, i) => `<g transform="translate(10,${mapHeight + 30 + i * 22})"><rect class="${c.className}" width="16" height="16" stroke="#999" stroke-width=".5"/><text x="24" y="13" font-size="13">${escapeXml(c.label)}</text></g>`)
        .join('') +
      `<text x="10" y="${mapHeight + 18}" font-size="15" font-weight="bold">${escapeXml(title)} (${escapeXml(slice.indicator.unit)})</text>` +
      `<text x="10" y="${height - 8}" font-size="10">${escapeXml(captionText(slice, topology.seh?.attribution?.[lang] ?? null, lang))}</text>`
    : '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title><defs><style>${SVG_STYLE}</style>${HATCH}</defs><g class="areas">${paths.join('')}</g>${legend}</svg>`;
  return { svg, legend: classes, drawn };
}

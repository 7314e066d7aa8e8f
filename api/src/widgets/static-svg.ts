import type { EntityManager } from '@mikro-orm/postgresql';
import { renderChoropleth, type WidgetTopology } from '../../../widgets/src/render/choropleth';
import { renderRanking, renderSeries } from '../../../widgets/src/render/charts';
import { asLang, escapeXml } from '../../../widgets/src/render/text';
import type { GeoLevel } from './geometry/build-topology';
import { GeometryService } from './geometry/geometry.service';
import { loadD3Geo } from './load-d3-geo';
import { parseSliceQuery, WidgetDataService, WidgetRequestError, type SliceQuery } from './widget-data.service';
import type { WidgetType } from './widget-params';

const parsed = new Map<string, WidgetTopology>();

/**
 * The no-script fallback: the same renderers the browser uses, run on the server, with legend,
 * title, source, reference date and attribution drawn into the SVG.
 */
export async function renderStaticSvg(
  em: EntityManager,
  type: WidgetType,
  query: Record<string, unknown>,
  urls: { geo: (level: GeoLevel, version: string) => string; csv: (q: SliceQuery & { year: number }) => string },
): Promise<string> {
  const data = new WidgetDataService(em);
  if (type === 'timeseries') {
    return renderSeries(await data.series(String(query.indicator ?? ''), String(query.area ?? 'PL'), asLang(query.lang), () => ''), { standalone: true });
  }
  if (type === 'ranking') {
    return renderRanking(await data.slice(parseSliceQuery(query), urls), { standalone: true, limit: Number(query.limit) || 20 });
  }
  if (type !== 'map') throw new WidgetRequestError('NOT_FOUND', 'Static SVG exists for map, timeseries and ranking', 404);
  const slice = await data.slice(parseSliceQuery(query), urls);
  const geometry = await new GeometryService(em).current(slice.level as GeoLevel);
  if (!geometry) throw new WidgetRequestError('NO_GEOMETRY', `No boundaries of level ${slice.level}`, 404);
  const key = `${geometry.level}:${geometry.version}`;
  let topology = parsed.get(key);
  if (!topology) {
    topology = JSON.parse(geometry.text) as WidgetTopology;
    parsed.set(key, topology);
  }
  return renderChoropleth(await loadD3Geo(), topology, slice, { standalone: true }).svg;
}

export const svgError = (message: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><text x="8" y="24" font-size="14">${escapeXml(message)}</text></svg>`;

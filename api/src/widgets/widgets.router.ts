import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Router, type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { repoRoot } from '../config';
import { asLang } from '../../../widgets/src/render/text';
import { isGeoLevel, type GeoLevel } from './geometry/build-topology';
import { GeometryService } from './geometry/geometry.service';
import { parseSliceQuery, WidgetDataService, WidgetRequestError, type SliceQuery } from './widget-data.service';
import { fundSummary, parseFundQuery } from './fund-summary';
import { renderFundSummary } from '../../../widgets/src/render/fund';
import { isWidgetType, TITLES, widgetParams, queryString, iframeEmbedCode } from './widget-params';
import { builderPage, embedPage } from './widget-pages';
import { renderStaticSvg } from './static-svg';

/** Where `widgets/build.mjs` writes the browser bundles. */
export const WIDGET_ASSETS_DIR = resolve(repoRoot, 'dist', 'widget-assets');

const SHORT = 'public, max-age=300, stale-while-revalidate=3600';
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface WidgetsRouterDeps {
  orm: MikroORM;
  log: Logger;
  /** Runs a GraphQL query as the anonymous public (entity card, stories). */
  publicGraphql: (query: string, variables: Record<string, unknown>, lang: string) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly { message: string }[] }>;
}

const assetCache = new Map<string, { body: Buffer; etag: string }>();
async function asset(name: string): Promise<{ body: Buffer; etag: string } | null> {
  const cached = assetCache.get(name);
  if (cached) return cached;
  try {
    const body = await readFile(resolve(WIDGET_ASSETS_DIR, name));
    const entry = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    assetCache.set(name, entry);
    return entry;
  } catch {
    return null;
  }
}

/** The origin the hub is reached at, for absolute URLs in embed codes and oEmbed answers. */
export const baseUrlOf = (req: Request): string => `${req.protocol}://${req.get('host')}`;

/**
 * Everything partner sites embed: the loader and widget bundles, boundaries as TopoJSON, widget
 * data as small JSON, server-rendered SVG, iframe pages, oEmbed and the builder. All public,
 * read-only and cacheable (ETag + Cache-Control); CORS is open because nothing here is personal.
 */
export function createWidgetsRouter({ orm, log, publicGraphql }: WidgetsRouterDeps): Router {
  const router = Router();
  const cors = (res: Response) => {
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Access-Control-Expose-Headers', 'ETag, X-Data-Version');
  };
  const fail = (req: Request, res: Response, error: unknown) => {
    res.set('Cache-Control', 'no-store');
    if (error instanceof WidgetRequestError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
      return;
    }
    log.error({ err: error, reqId: req.id }, 'widget request failed');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', requestId: req.id } });
  };
  const urlsFor = (req: Request) => ({
    geo: (level: GeoLevel, version: string) => `${baseUrlOf(req)}/widgets/geo/${level.toLowerCase()}.topo.json?v=${version}`,
    csv: (q: SliceQuery & { year: number }) =>
      `${baseUrlOf(req)}/exports/indicators/${q.indicator}.csv?${queryString({ level: q.level, years: String(q.year), ...(q.parent ? { parent: q.parent } : {}), lang: q.lang })}`,
  });

  for (const name of ['loader.js', 'widgets.js', 'embed-resize.js']) {
    router.get(`/widgets/${name}`, async (req, res) => {
      const file = await asset(name);
      cors(res);
      if (!file) {
        res.set('Cache-Control', 'no-store').status(503).type('text/plain').send(`${name} is not built: run node widgets/build.mjs`);
        return;
      }
      // widgets.js is asked for with ?v=<its hash> by the loader, so it can be cached forever.
      res.set('Cache-Control', name === 'widgets.js' && req.query.v ? IMMUTABLE : SHORT);
      res.set('ETag', file.etag);
      res.type('application/javascript; charset=utf-8');
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      res.send(file.body);
    });
  }

  router.get('/widgets/geo/:file', async (req, res) => {
    cors(res);
    try {
      const match = /^([a-z0-9]+)\.topo\.json$/i.exec(String(req.params.file));
      const level = match?.[1].toUpperCase() ?? '';
      if (!isGeoLevel(level)) throw new WidgetRequestError('INVALID_LEVEL', 'Ask for voivodeship, powiat, gmina, nuts2 or nuts3 .topo.json', 404);
      const geometry = await new GeometryService(orm.em.fork()).current(level);
      if (!geometry) throw new WidgetRequestError('NO_GEOMETRY', `No boundaries of level ${level} were imported`, 404);
      res.set('ETag', `"${level}-${geometry.version}"`);
      res.set('Cache-Control', req.query.v === geometry.version ? IMMUTABLE : 'public, max-age=86400, stale-while-revalidate=604800');
      res.set('Content-Type', 'application/json; charset=utf-8');
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      res.send(geometry.text);
    } catch (error) {
      fail(req, res, error);
    }
  });

  router.get('/widgets/data/:kind', async (req, res) => {
    cors(res);
    const service = new WidgetDataService(orm.em.fork());
    const q = req.query as Record<string, unknown>;
    const lang = asLang(q.lang);
    try {
      let body: unknown;
      switch (req.params.kind) {
        case 'indicators':
          body = { lang, indicators: await service.indicatorList(lang) };
          break;
        case 'indicator': {
          const slice = await service.slice(parseSliceQuery(q), urlsFor(req));
          res.set('X-Data-Version', slice.version.label);
          body = slice;
          break;
        }
        case 'series': {
          const indicator = String(q.indicator ?? '');
          const area = String(q.area ?? 'PL');
          body = await service.series(indicator, area, lang, (level) => `${baseUrlOf(req)}/exports/indicators/${indicator}.csv?${queryString({ level, lang })}`);
          break;
        }
        case 'entity': {
          const id = String(q.entity ?? '');
          if (!/^[0-9a-f-]{36}$/i.test(id)) throw new WidgetRequestError('INVALID_ENTITY', 'entity must be an entity id (UUID)');
          const result = await publicGraphql(
            `query WidgetEntity($id: ID!) { entity(id: $id) { id name legalForm krs regon foundedOn status socialEnterprise pkdCode synthetic seat { terytCode name level parent { name } } } }`,
            { id },
            lang,
          );
          if (!result.data?.entity) throw new WidgetRequestError('ENTITY_NOT_FOUND', 'No such entity', 404);
          body = { lang, entity: result.data.entity };
          break;
        }
        case 'stories': {
          const territory = String(q.territory ?? 'PL');
          const result = await publicGraphql(
            `query WidgetStories($territory: String, $locale: Locale!) { successStories(territory: $territory, locale: $locale, first: 5) { totalCount nodes { title slug lead locale publishedAt territory { name } } } }`,
            { territory, locale: lang },
            lang,
          );
          if (result.errors?.length && !result.data?.successStories) {
            res.set('Cache-Control', 'no-store');
            res.status(503).json({ error: { code: 'CONTENT_UNAVAILABLE', message: result.errors[0].message } });
            return;
          }
          // The hub marks answers served from its cache while the CMS is down (extensions.cms.stale).
          const cms = (result as { extensions?: { cms?: { stale?: boolean; cachedAt?: string } } }).extensions?.cms;
          body = { lang, territory, stale: cms?.stale ? { cachedAt: cms.cachedAt ?? null } : null, stories: result.data?.successStories ?? null };
          break;
        }
        case 'fund': {
          const { territory, year } = parseFundQuery(q, new Date().getUTCFullYear());
          body = await fundSummary(publicGraphql, territory, year, lang);
          break;
        }
        default:
          throw new WidgetRequestError('NOT_FOUND', 'Widget data: indicators, indicator, series, entity, stories, fund', 404);
      }
      res.set('Cache-Control', SHORT);
      res.json(body); // Express adds an ETag and answers If-None-Match with 304
    } catch (error) {
      fail(req, res, error);
    }
  });

  router.get('/widgets/static/:file', async (req, res) => {
    cors(res);
    try {
      const match = /^([a-z]+)\.svg$/.exec(String(req.params.file));
      if (!match || !isWidgetType(match[1])) throw new WidgetRequestError('NOT_FOUND', 'Static SVG: map.svg, timeseries.svg, ranking.svg or fund.svg', 404);
      if (match[1] === 'fund') {
        const q = req.query as Record<string, unknown>;
        const { territory, year } = parseFundQuery(q, new Date().getUTCFullYear());
        const svg = renderFundSummary(await fundSummary(publicGraphql, territory, year, asLang(q.lang)), { standalone: true });
        res.set('Cache-Control', SHORT);
        res.type('image/svg+xml; charset=utf-8').send(svg);
        return;
      }
      const svg = await renderStaticSvg(orm.em.fork(), match[1], req.query as Record<string, unknown>, urlsFor(req));
      res.set('Cache-Control', SHORT);
      res.type('image/svg+xml; charset=utf-8').send(svg);
    } catch (error) {
      fail(req, res, error);
    }
  });

  router.get('/embed/:widget', async (req, res) => {
    const type = String(req.params.widget);
    if (!isWidgetType(type)) {
      res.status(404).type('text/plain').send('Widgets: map, timeseries, ranking, entity, stories, fund');
      return;
    }
    const widgetsJs = await asset('widgets.js');
    res.set('Cache-Control', SHORT);
    // Embeds are meant to be framed by any site; nothing on them acts on a signed-in user.
    res.set('Content-Security-Policy', "frame-ancestors *");
    res.type('html').send(embedPage(baseUrlOf(req), type, widgetParams(req.query as Record<string, unknown>), widgetsJs?.etag.slice(1, 13) ?? 'dev'));
  });

  router.get('/oembed', (req, res) => {
    cors(res);
    const format = String(req.query.format ?? 'json');
    if (format !== 'json') {
      res.status(501).json({ error: { code: 'FORMAT_NOT_SUPPORTED', message: 'Only format=json is served' } });
      return;
    }
    let url: URL;
    try {
      url = new URL(String(req.query.url ?? ''));
    } catch {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'url must be an /embed/<widget> address of this hub' } });
      return;
    }
    const match = /^\/embed\/([a-z]+)$/.exec(url.pathname);
    if (url.host !== req.get('host') || !match || !isWidgetType(match[1])) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'url must be an /embed/<widget> address of this hub' } });
      return;
    }
    const params = widgetParams(Object.fromEntries(url.searchParams));
    const lang = asLang(params.lang);
    const width = Math.min(Number(req.query.maxwidth) || 600, 1200);
    const height = Math.min(Number(req.query.maxheight) || 520, 2000);
    res.set('Cache-Control', SHORT);
    res.json({
      version: '1.0',
      type: 'rich',
      provider_name: lang === 'en' ? 'Social Economy Hub' : 'Centrum danych ekonomii społecznej',
      provider_url: baseUrlOf(req),
      title: TITLES[match[1]][lang],
      html: iframeEmbedCode(baseUrlOf(req), match[1], params, lang),
      width,
      height,
      cache_age: 300,
    });
  });

  router.get('/widgets/builder', (req, res) => {
    res.set('Cache-Control', SHORT);
    res.type('html').send(builderPage(baseUrlOf(req), asLang(req.query.lang)));
  });

  return router;
}

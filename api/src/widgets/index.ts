import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { HubContext } from '../context';
import { createLoaders } from '../modules';
import { createContentReader, type CmsClient } from '../content';
import { asLang } from '../../../widgets/src/render/text';

/**
 * Widgets for partner websites: the loader and web components (browser sources in widgets/ at the
 * repository root, bundled by widgets/build.mjs), boundaries as TopoJSON, iframe embeds, oEmbed,
 * server-rendered SVG and the builder page. HTTP only: no GraphQL types of its own.
 */
export { createWidgetsRouter, WIDGET_ASSETS_DIR, type WidgetsRouterDeps } from './widgets.router';
export { importWidgetGeometry, type GeometryImportReport } from './geometry/import-geometry';
export { GeometryService, type ServedGeometry } from './geometry/geometry.service';
export { buildTopology, tileGridTopology, GEO_LEVELS, type GeoLevel } from './geometry/build-topology';
export { WidgetDataService, WidgetRequestError } from './widget-data.service';

/**
 * Runs a query as the anonymous public through the hub's own schema and resolvers (entity card,
 * stories), so widgets see exactly what any API client may see.
 */
export function publicGraphqlExecutor(deps: { apollo: ApolloServer<HubContext>; orm: MikroORM; log: Logger; cms: CmsClient }) {
  return async (query: string, variables: Record<string, unknown>, lang: string) => {
    const em = deps.orm.em.fork();
    const response = await deps.apollo.executeOperation(
      { query, variables },
      { contextValue: { requestId: 'widget', log: deps.log, em, loaders: createLoaders(em), locale: asLang(lang) as never, user: null, content: createContentReader(deps.cms, deps.log) } },
    );
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as { data?: Record<string, unknown> | null; errors?: readonly { message: string }[] };
  };
}

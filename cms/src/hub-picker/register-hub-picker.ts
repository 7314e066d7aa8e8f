import type { Core } from '@strapi/strapi';
import { HUB_RECORD_KINDS, HubSearchError, hubGraphqlUrlFromEnv, searchHub, type HubRecordKind } from './hub-search';

/**
 * The "hub record" custom fields: `global::hub-record` stores one key (string), `global::hub-record-list`
 * several (a JSON array of strings). The schema's `options.kind` says what is picked: ENTITY (the hub
 * entity's UUID), TERRITORY (a TERYT code) or INDICATOR (an indicator code). The admin half is in
 * src/admin/hub-picker/.
 */
export const registerHubPicker = (strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): void => {
  strapi.customFields.register([
    { name: 'hub-record', type: 'string', inputSize: { default: 6, isResizable: true } },
    { name: 'hub-record-list', type: 'json', inputSize: { default: 12, isResizable: false } },
  ]);

  const graphqlUrl = hubGraphqlUrlFromEnv(env);
  strapi.server.routes({
    type: 'admin',
    prefix: '/hub-picker',
    routes: [
      {
        method: 'GET',
        path: '/search',
        // Only signed-in admin users (editors); the admin panel's fetch client sends their JWT.
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        handler: async (ctx: { query: Record<string, unknown>; status: number; body: unknown }) => {
          const kind = String(ctx.query.kind ?? '').toUpperCase() as HubRecordKind;
          const q = String(ctx.query.q ?? '').slice(0, 100);
          if (!HUB_RECORD_KINDS.includes(kind)) {
            ctx.status = 400;
            ctx.body = { error: { status: 400, name: 'ValidationError', message: `kind must be one of ${HUB_RECORD_KINDS.join(', ')}` } };
            return;
          }
          try {
            ctx.body = { data: await searchHub(kind, q, { graphqlUrl }) };
          } catch (error) {
            if (!(error instanceof HubSearchError)) throw error;
            strapi.log.warn(`[hub] hub picker: ${error.message}`);
            ctx.status = 502;
            ctx.body = { error: { status: 502, name: 'HubUnavailable', message: `Wyszukiwarka hubu nie odpowiada / the hub search is unavailable: ${error.message}` } };
          }
        },
      },
    ],
  } as never);
};

import type { ApolloServerPlugin } from '@apollo/server';
import type { HubContext } from '../context';

/** How long a public GET answer may be reused: 1 minute in browsers, 5 in shared caches (CDNs). */
export const PUBLIC_QUERY_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=60';

/**
 * Makes public queries sent over GET (including APQ hashes) cacheable by CDNs, and keeps
 * everything a signed-in staff member receives out of shared caches. The ETag and the 304 answer
 * to If-None-Match come from Express, which validates every GET response body it sends.
 */
export function mediaApiCachePlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ response, contextValue, operation, errors }) {
          const headers = response.http.headers;
          if (contextValue.user) {
            headers.set('cache-control', 'private, no-store');
            return;
          }
          const cacheable = request.http?.method === 'GET' && operation?.operation === 'query' && !errors?.length && response.body.kind === 'single' && !response.body.singleResult.errors?.length;
          headers.set('cache-control', cacheable ? PUBLIC_QUERY_CACHE : 'no-store');
          if (cacheable) headers.set('vary', 'Accept-Language, Authorization');
        },
      };
    },
  };
}

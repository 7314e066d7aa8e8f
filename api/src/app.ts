import express, { type Express } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { HubConfig } from './config';
import type { HubContext } from './context';
import { createLoaders } from './modules';
import { hubSchema } from './schema';
import { configureAccess, principalFromAuthorizationHeader } from './access';
import { CmsClient, createContentReader, contentStalenessExtension } from './content';
import { HubError, HubErrorCode } from './shared/errors';
import { localeFromHeader } from './shared/i18n';
import { enforceQueryLimits, measureOperation } from './shared/limits';
import { requestIdFor } from './shared/http';
import { explorerPage, explorerAssets } from './explorer';
import { createExportsRouter } from './exports';
import { createDiagnosticsRouter } from './diagnostics';
import { createCmsWebhookRouter } from './content/webhooks/cms-webhook.router';
import { createPrintRouter } from './print/print.router';
import { StoryFlagWriter } from './content';
import { createPreviewRouter } from './content/preview/preview.router';
import { createWidgetsRouter, publicGraphqlExecutor } from './widgets';
import { configureMediaApi, createMediaApiRouter, createRateLimitMiddleware, createRateLimitStore, mediaApiCachePlugin } from './media-api';

export interface HubDeps {
  config: HubConfig;
  orm: MikroORM;
  log?: Logger;
  cms?: CmsClient;
  /** The HTTP server the app will serve on, so shutdown can drain in-flight requests. */
  httpServer?: Server;
}

/** Codes produced by Apollo itself for malformed requests; they reach the client as they are. */
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function queryLimitsPlugin(config: HubConfig): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        // Runs after parsing and validation, before execution: no resolver and no SQL yet.
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return; // Apollo itself refuses a request without a resolvable operation
          const fragments = document.definitions.filter((d) => d.kind === 'FragmentDefinition');
          enforceQueryLimits(measureOperation(schema, operation, fragments, request.variables ?? {}), config.limits);
        },
      };
    },
  };
}

function contentStalenessPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const extension = contextValue.content ? contentStalenessExtension(contextValue.content) : undefined;
          if (extension && response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cms: extension };
          }
        },
      };
    },
  };
}

function isClientError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof HubError) return true;
  const code = original instanceof GraphQLError ? (original.extensions?.code as string | undefined) : undefined;
  return code !== undefined && APOLLO_CLIENT_CODES.has(code);
}

/** Logs internal faults once, with the request id, and hands that id to the client to quote. */
function internalErrorPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isClientError(error)) contextValue.log?.error({ err: unwrapResolverError(error), path: error.path, reqId: contextValue.requestId }, 'internal error in a GraphQL operation');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === HubErrorCode.INTERNAL_SERVER_ERROR && contextValue.requestId) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };
}

/**
 * Client-visible errors keep their code; anything else is an internal fault: logged once with
 * the request id, masked for the client.
 */
function formatErrorFor(config: HubConfig) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isClientError(error)) return formatted;
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: HubErrorCode.INTERNAL_SERVER_ERROR,
        ...(config.env === 'development' && formatted.extensions?.stacktrace ? { stacktrace: formatted.extensions.stacktrace } : {}),
      },
    };
  };
}

export interface HubApp {
  app: Express;
  apollo: ApolloServer<HubContext>;
  schema: GraphQLSchema;
  cms: CmsClient;
  log: Logger;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createHubApp({ config, orm, log = pino({ level: config.logLevel }), cms, httpServer }: HubDeps): Promise<HubApp> {
  const schema = await hubSchema();
  configureAccess(config);
  configureMediaApi(config.mediaApi);
  const cmsClient = cms ?? new CmsClient({ baseUrl: config.cmsUrl, token: config.cmsToken, timeoutMs: config.cmsTimeoutMs, ttlMs: config.cmsCacheTtlMs, log });
  const plugins: ApolloServerPlugin<HubContext>[] = [queryLimitsPlugin(config), contentStalenessPlugin(), internalErrorPlugin(), ApolloServerPluginLandingPageDisabled()];
  plugins.push(mediaApiCachePlugin());
  if (httpServer) plugins.push(ApolloServerPluginDrainHttpServer({ httpServer }));

  const apollo = new ApolloServer<HubContext>({
    schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: config.env === 'development',
    // No "Did you mean …?" field suggestions in errors: clients learn the schema from the docs.
    hideSchemaDetailsFromClientErrors: true,
    introspection: true,
    formatError: formatErrorFor(config),
    plugins,
    // Whoever runs the hub owns the signals (main.ts, the launcher): Apollo's own handler would stop
    // the server and raise the signal again, which the launcher takes for a second Ctrl-C and kills
    // Strapi and PostgreSQL instead of stopping them in order.
    stopOnTerminationSignals: false,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(
    pinoHttp({
      logger: log,
      genReqId: requestIdFor,
      // Never log headers (tokens) or bodies (personal data); the request id joins lines up.
      serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url }), res: (res) => ({ statusCode: res.statusCode }) },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const [db, content] = await Promise.all([
      orm.em
        .getConnection()
        .execute('select 1')
        .then(() => 'ok' as const)
        .catch(() => 'unreachable' as const),
      cmsClient.ping().then((ok) => (ok ? ('ok' as const) : ('unreachable' as const))),
    ]);
    res.status(db === 'ok' && content === 'ok' ? 200 : 503).json({ status: db === 'ok' && content === 'ok' ? 'ready' : 'not-ready', database: db, cms: content });
  });
  app.use('/explorer-assets', explorerAssets());
  app.use('/exports', createExportsRouter({ orm, log }));
  const storyFlags = new StoryFlagWriter({ orm, cmsUrl: config.cmsUrl, readToken: config.cmsToken, flagToken: config.cmsFlagToken, timeoutMs: config.cmsTimeoutMs, log });
  app.use(
    '/webhooks',
    createCmsWebhookRouter({
      orm,
      cache: cmsClient.cache,
      secret: config.cmsWebhookSecret,
      log,
      // A story just published about an entity already struck off gets its flag at once.
      onEvent: async (event) => {
        if (event.model === 'success-story' && event.event !== 'entry.delete' && storyFlags.enabled) await storyFlags.checkStory(event.documentId);
      },
    }),
  );
  app.use('/preview', createPreviewRouter({ cms: cmsClient, config, log }));
  app.use('/print', createPrintRouter({ orm, cms: cmsClient, log }));
  app.use(createWidgetsRouter({ orm, log, publicGraphql: publicGraphqlExecutor({ apollo, orm, log, cms: cmsClient }) }));
  app.use(createMediaApiRouter(config.limits));
  app.use(createDiagnosticsRouter({ orm, log, jwtSecret: config.jwtSecret, pseudonymKey: config.diagnosticsPseudonymKey }));
  const rateLimitStore = createRateLimitStore({ rateLimitRedisUrl: config.rateLimit.redisUrl, rateLimitRedisPrefix: config.rateLimit.redisPrefix }, log);
  app.use('/graphql', createRateLimitMiddleware({ orm, log, store: rateLimitStore }));

  let flagTimer: NodeJS.Timeout | undefined;
  return {
    app,
    apollo,
    schema,
    cms: cmsClient,
    log,
    async start() {
      await apollo.start();
      if (storyFlags.enabled) {
        // Registry events → story flags in the CMS, once a minute; a failed pass is retried by the next.
        flagTimer = setInterval(() => void storyFlags.sweep().catch((err: unknown) => log.warn({ err }, 'story flag sweep failed')), 60_000);
        flagTimer.unref();
      }
      app.get('/graphql', (req, res, next) => {
        // A person opening /graphql in a browser gets the explorer; API clients get GraphQL.
        if (req.accepts(['application/json', 'text/html']) === 'text/html') {
          res.type('html').send(explorerPage('/graphql'));
          return;
        }
        next();
      });
      app.use(
        '/graphql',
        express.json({ limit: config.limits.bodyLimit }),
        expressMiddleware(apollo, {
          context: async ({ req, res }): Promise<HubContext> => {
            const requestId = String(req.id ?? requestIdFor(req, res));
            const em = orm.em.fork();
            return {
              requestId,
              log: req.log ?? log,
              em,
              loaders: createLoaders(em),
              locale: localeFromHeader(req.headers['accept-language']),
              user: signedInUser(req.headers.authorization, config.jwtSecret),
              content: createContentReader(cmsClient, log),
            };
          },
        }),
      );
      app.use(bodyErrorHandler(log));
    },
    async stop() {
      if (flagTimer) clearInterval(flagTimer);
      // Stops accepting requests, lets in-flight ones finish (drain plugin), then closes.
      await apollo.stop();
      await rateLimitStore.close?.();
    },
  };
}

/** A bad or expired token is refused for the whole request with 401, never treated as anonymous. */
function signedInUser(header: string | undefined, secret: string) {
  try {
    return principalFromAuthorizationHeader(header, secret);
  } catch (error) {
    if (error instanceof HubError) throw new HubError(error.code, error.message, { httpStatus: 401, reason: error.extensions.reason as string | undefined });
    throw error;
  }
}

/** Turns body-parser failures (too large, malformed JSON) into clear 4xx GraphQL-shaped errors. */
function bodyErrorHandler(log: Logger): express.ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status === 413) {
      res.status(413).json({ errors: [{ message: 'Request body exceeds the 100 KB limit', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      return;
    }
    if (status === 400) {
      res.status(400).json({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    log.error({ err, reqId: req.id }, 'unhandled HTTP error');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: req.id } }] });
  };
}

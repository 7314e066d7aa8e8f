import type { EntityManager } from '@mikro-orm/postgresql';
import type { NonEmptyArray } from 'type-graphql';

/** Fetches nodes of one GraphQL type by local id, for `node(id:)`; order matches `localIds`. */
export type NodeFetcher<Ctx> = (localIds: readonly string[], ctx: Ctx) => Promise<(object | null)[]>;

/**
 * What a module contributes to the hub: its ORM entities, its resolvers, the dataloaders it
 * builds per request, and fetchers for its Node types. A module's `index.ts` exports one of these.
 */
export interface HubModule<Loaders = unknown, Ctx = unknown> {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  createLoaders?: (em: EntityManager) => Loaders;
  nodeFetchers?: Record<string, NodeFetcher<Ctx>>;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ResolverList = NonEmptyArray<Function>;

export type { HubModule, NodeFetcher, ResolverList } from './hub-module';

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Locale } from './shared/i18n';
import type { HubLoaders } from './modules';
import type { StaffPrincipal } from './access';
import type { ContentReader } from './content';

/**
 * Everything a resolver may use, built fresh for each GraphQL request: one entity-manager fork
 * (so the identity map never leaks between requests) and one set of dataloaders (so batching and
 * caching never cross requests either).
 */
export interface HubContext {
  requestId: string;
  log: Logger;
  em: EntityManager;
  loaders: HubLoaders;
  /** The request's language for messages (from Accept-Language); content fields take their own `locale`. */
  locale: Locale;
  /** The signed-in staff member, or null for the anonymous public. */
  user: StaffPrincipal | null;
  /** CMS reads for this request: batched, cached, and aware of staleness. */
  content: ContentReader;
}

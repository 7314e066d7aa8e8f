import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubModule } from './shared/module';
import { accessModule } from './access';
import { territoryModule } from './territory';
import { observatoryModule, indicatorsModule } from './observatory';
import { contentModule } from './content';

/** Every module of the hub, in dependency order. Adding a module means adding it here. */
export const hubModules = [accessModule, territoryModule, observatoryModule, indicatorsModule, contentModule] as const satisfies readonly HubModule<any, any>[];

type LoadersOf<M> = M extends HubModule<infer L, any> ? L : never;

/** The per-request dataloaders, keyed by module name. */
export interface HubLoaders {
  territory: LoadersOf<typeof territoryModule>;
  observatory: LoadersOf<typeof observatoryModule>;
  indicators: LoadersOf<typeof indicatorsModule>;
}

export function createLoaders(em: EntityManager): HubLoaders {
  return {
    territory: territoryModule.createLoaders(em),
    observatory: observatoryModule.createLoaders(em),
    indicators: indicatorsModule.createLoaders(em),
  };
}

export const hubEntities = hubModules.flatMap((m) => m.entities);

import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubModule } from './shared/module';
import { accessModule } from './access';
import { territoryModule } from './territory';
import { observatoryModule, indicatorsModule } from './observatory';
import { contentModule } from './content';
import { academyModule } from './academy';
import { mediaApiModule } from './media-api';
import { fundModules, fundLoansModule, fundPortfolioModule } from './fund';
import { diagnosticsModule } from './diagnostics';

/** Every module of the hub, in dependency order. Adding a module means adding it here. */
export const hubModules = [accessModule, territoryModule, observatoryModule, indicatorsModule, contentModule, academyModule, mediaApiModule, ...fundModules, diagnosticsModule] as const satisfies readonly HubModule<any, any>[];

type LoadersOf<M> = M extends HubModule<infer L, any> ? L : never;

/** The per-request dataloaders, keyed by module name. */
export interface HubLoaders {
  territory: LoadersOf<typeof territoryModule>;
  observatory: LoadersOf<typeof observatoryModule>;
  indicators: LoadersOf<typeof indicatorsModule>;
  fundLoans: LoadersOf<typeof fundLoansModule>;
  fundPortfolio: LoadersOf<typeof fundPortfolioModule>;
}

export function createLoaders(em: EntityManager): HubLoaders {
  return {
    territory: territoryModule.createLoaders(em),
    observatory: observatoryModule.createLoaders(em),
    indicators: indicatorsModule.createLoaders(em),
    fundLoans: fundLoansModule.createLoaders(em),
    fundPortfolio: fundPortfolioModule.createLoaders(em),
  };
}

export const hubEntities = hubModules.flatMap((m) => m.entities);

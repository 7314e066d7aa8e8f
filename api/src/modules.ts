import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubModule } from './shared/module';
import { accessModule } from './access';
import { territoryModule } from './territory';
import { observatoryModule, indicatorsModule } from './observatory';
import { contentModule } from './content';
import { academyModule } from './academy';
import { mediaApiModule } from './media-api';
import { fundBooksModule } from './fund/books';
import { fundGuaranteesModule } from './fund/guarantees';
import { fundLoansModule } from './fund/loans';
import { fundOriginationModule } from './fund/applications';
import { fundReliefModule } from './fund/relief';
import { fundPortfolioModule } from './fund/portfolio';
import { diagnosticsModule } from './diagnostics';

/** Every module of the hub, in dependency order. Adding a module means adding it here. */
export const hubModules = [accessModule, territoryModule, observatoryModule, indicatorsModule, contentModule, academyModule, mediaApiModule, fundBooksModule, fundGuaranteesModule, fundLoansModule, fundOriginationModule, fundPortfolioModule, fundReliefModule, diagnosticsModule] as const satisfies readonly HubModule<any, any>[];

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

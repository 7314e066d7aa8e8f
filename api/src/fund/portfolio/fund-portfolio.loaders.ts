import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { computePortfolioYear, type PortfolioYear } from './fund-portfolio.service';
import { readEntityFunding, type EntityFundingSummary } from './entity-funding';

export interface EntityFundingKey {
  entityId: string;
  reveal: boolean;
}

/** Per request: one portfolio table per year asked (all areas at once), entity summaries in one query. */
export function createFundPortfolioLoaders(em: EntityManager) {
  return {
    portfolioYear: new DataLoader<number, PortfolioYear>((years) => Promise.all(years.map((year) => computePortfolioYear(em, year)))),
    entityFunding: new DataLoader<EntityFundingKey, EntityFundingSummary, string>(
      async (keys) => {
        const reveal = keys[0].reveal; // one reader per request: every key has the same visibility
        return readEntityFunding(em, keys.map((k) => k.entityId), reveal);
      },
      { cacheKeyFn: (k) => `${k.entityId}|${k.reveal}` },
    ),
  };
}

export type FundPortfolioLoaders = ReturnType<typeof createFundPortfolioLoaders>;

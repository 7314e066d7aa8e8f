import type { HubContext } from '../../context';
import type { HubModule } from '../../shared/module';
import { EntityFundingResolver, TerritorialUnitFundPortfolioResolver } from './fund-portfolio.resolver';
import { createFundPortfolioLoaders, type FundPortfolioLoaders } from './fund-portfolio.loaders';

export { FundPortfolio, FundLoansGranted, FundLoansOutstanding, FundPortfolioFigure, FundGuaranteesIssued } from './fund-portfolio.type';
export { EntityFundingSummary, readEntityFunding } from './entity-funding';
export { computePortfolioYear, portfolioOf, type PortfolioYear } from './fund-portfolio.service';
export { portfolioTable, areaChain, type PortfolioFact, type PortfolioCell } from './portfolio-table';
export type { FundPortfolioLoaders } from './fund-portfolio.loaders';

/** Public statistics of the Fund's portfolio: per territorial unit and year, and per registry entity. */
export const fundPortfolioModule = {
  name: 'fundPortfolio',
  entities: [],
  resolvers: [TerritorialUnitFundPortfolioResolver, EntityFundingResolver],
  createLoaders: createFundPortfolioLoaders,
} satisfies HubModule<FundPortfolioLoaders, HubContext>;

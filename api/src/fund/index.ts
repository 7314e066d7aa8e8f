/**
 * The Fund (Polska Kasa Wspierania Gospodarki Społecznej): the one door other modules use.
 * Sub-modules, each a HubModule of its own so that the schema stays in small rooms:
 *   schedule/      pure repayment schedules (day counts, Polish holidays, grace, rescheduling)
 *   books/         double-entry journal, cached balances, trial balance, period close
 *   applications/  clients, advisory, loan products, applications → committee → contract (with clients/, advisory/, products/)
 *   loans/         disbursement, repayments, arrears, restructuring, remission, write-off, closure
 *   close/         the daily close of business, set-based
 *   guarantees/    the guarantee fund: capital × multiplier limit, calls, payouts, recoveries
 *   relief/        relief campaigns across the portfolio: preview, then audited application
 *   portfolio/     public statistics under disclosure control
 *   demo/          the calibrated demo portfolio
 */
import { fundBooksModule } from './books';
import { fundGuaranteesModule } from './guarantees';
import { fundLoansModule } from './loans';
import { fundOriginationModule } from './applications';
import { fundReliefModule } from './relief';
import { fundPortfolioModule } from './portfolio';

export { fundBooksModule, fundGuaranteesModule, fundLoansModule, fundOriginationModule, fundReliefModule, fundPortfolioModule };

/** The Fund's modules in dependency order (books before what posts to them). */
export const fundModules = [fundBooksModule, fundGuaranteesModule, fundLoansModule, fundOriginationModule, fundPortfolioModule, fundReliefModule] as const;

export { runCloseOfBusinessCommand, CLOSE_OF_BUSINESS_USAGE, closeBusinessDate, closeThrough } from './close';
export { seedDemoPortfolio, DEMO_FUND_YEARS, DEMO_FUND_THROUGH, type SeedDemoPortfolioResult } from './demo';

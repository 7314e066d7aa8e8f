export { seedDemoPortfolio, type SeedDemoPortfolioOptions, type SeedDemoPortfolioResult } from './seed-demo-portfolio';
export { planDemoPortfolio, drawLoanAmount, targetMeanLoanPln, DemoRepaymentBehaviour, BEHAVIOUR_SHARES, type PlannedLoan, type DemoPortfolioPlan } from './plan-demo-portfolio';
export { loadFundCalibration, BUILTIN_FUND_CALIBRATION, type FundCalibration, type SizeBand } from './fund-calibration';

/**
 * What `npm start` builds: a year of lending (150–200 loans, as TISE made about 158 a year) and
 * its repayment simulated to a fixed date, so the same seed always gives the same books.
 */
export const DEMO_FUND_YEARS: readonly number[] = [2025];
export const DEMO_FUND_THROUGH = '2026-06-30';

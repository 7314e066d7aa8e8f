import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LegalForm } from '../../observatory';
import { BUILTIN_FUND_CALIBRATION, fundCalibrationFromRows } from './fund-calibration';
import { parseCalibrationCsv } from '../../observatory';
import { DemoRepaymentBehaviour, planDemoPortfolio, targetMeanLoanPln } from './plan-demo-portfolio';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const plan = planDemoPortfolio(BUILTIN_FUND_CALIBRATION, { seed: 2026, years: YEARS });
const amounts = plan.loans.map((l) => l.amountPln).sort((a, b) => a - b);
const mean = amounts.reduce((s, a) => s + a, 0) / amounts.length;

describe('demo loan portfolio plan', () => {
  it('grants 150 to 200 loans in every year', () => {
    for (const year of YEARS) {
      const n = plan.loans.filter((l) => l.year === year).length;
      expect(n).toBeGreaterThanOrEqual(150);
      expect(n).toBeLessThanOrEqual(200);
    }
  });

  it('has a mean loan between PLN 80,000 and 100,000 and a right-skewed size distribution', () => {
    expect(targetMeanLoanPln(BUILTIN_FUND_CALIBRATION)).toBeCloseTo((24e6 / 310 + 161e6 / 1581) / 2, 6);
    expect(mean).toBeGreaterThan(80_000);
    expect(mean).toBeLessThan(100_000);
    const median = amounts[Math.floor(amounts.length / 2)];
    expect(median).toBeLessThan(mean * 0.8); // skewed to the right: a long tail of large loans
    expect(amounts[0]).toBeGreaterThanOrEqual(5_000);
    expect(amounts.at(-1)!).toBeLessThanOrEqual(500_000);
  });

  it('follows the published borrower mix within sampling error', () => {
    const share = (form: LegalForm) => plan.loans.filter((l) => l.legalForm === form).length / plan.loans.length;
    const mix = BUILTIN_FUND_CALIBRATION.borrowerMix;
    const total = mix.socialCooperatives.value + mix.foundations.value + mix.associations.value + mix.workerCooperatives.value + mix.nonProfitCompanies.value;
    expect(share(LegalForm.SOCIAL_COOPERATIVE)).toBeCloseTo(mix.socialCooperatives.value / total, 1);
    expect(share(LegalForm.FOUNDATION)).toBeCloseTo(mix.foundations.value / total, 1);
    expect(share(LegalForm.ASSOCIATION)).toBeCloseTo(mix.associations.value / total, 1);
  });

  it('mixes repayment behaviours with most borrowers paying on time and a few defaults', () => {
    const count = (b: DemoRepaymentBehaviour) => plan.loans.filter((l) => l.behaviour === b).length;
    expect(count(DemoRepaymentBehaviour.ON_TIME) / plan.loans.length).toBeGreaterThan(0.75);
    expect(count(DemoRepaymentBehaviour.DEFAULT)).toBeGreaterThan(0);
    expect(count(DemoRepaymentBehaviour.LATE)).toBeGreaterThan(0);
  });

  it('is the same plan for the same seed', () => {
    expect(planDemoPortfolio(BUILTIN_FUND_CALIBRATION, { seed: 2026, years: YEARS })).toEqual(plan);
  });

  const dataFile = resolve(__dirname, '../../../../../shared/data/calibration/social_economy_figures.csv');
  (existsSync(dataFile) ? it : it.skip)('reads the same figures from the calibration file as the built-in copy holds', () => {
    const rows = parseCalibrationCsv(readFileSync(dataFile, 'utf8'), dataFile);
    const fromFile = fundCalibrationFromRows(rows, dataFile);
    expect({ ...fromFile, origin: 'x' }).toEqual({ ...BUILTIN_FUND_CALIBRATION, origin: 'x' });
    expect(join('calibration', 'social_economy_figures.csv')).toBe('calibration/social_economy_figures.csv');
  });
});

import { LegalForm } from '../../observatory';
import { mulberry32, randomInt, weightedIndex, type Random } from '../../observatory/demo/prng';
import type { FundCalibration, SizeBand } from './fund-calibration';

/** How a demo borrower will behave; no default rate has been published, so these shares are assumptions. */
export enum DemoRepaymentBehaviour {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  EARLY = 'EARLY',
  DEFAULT = 'DEFAULT',
}

/** Assumed shares of behaviours (documented in fund/demo/README.md): most borrowers pay on time. */
export const BEHAVIOUR_SHARES: Readonly<Record<DemoRepaymentBehaviour, number>> = { ON_TIME: 0.85, LATE: 0.08, EARLY: 0.04, DEFAULT: 0.03 };

/** The borrower forms of the published mix, in the order of `FundCalibration.borrowerMix`. */
export const BORROWER_FORMS = [LegalForm.SOCIAL_COOPERATIVE, LegalForm.FOUNDATION, LegalForm.ASSOCIATION, LegalForm.WORKER_COOPERATIVE, LegalForm.NON_PROFIT_COMPANY] as const;

export interface PlannedLoan {
  year: number;
  /** Day of the year's application, ISO. Contract a few weeks later, disbursement a week after. */
  submittedOn: string;
  legalForm: (typeof BORROWER_FORMS)[number];
  amountPln: number;
  instalments: number;
  gracePeriods: number;
  jobsPromised: number;
  behaviour: DemoRepaymentBehaviour;
  /** For LATE: how many days late the late instalments are paid; for DEFAULT: instalments paid before stopping. */
  behaviourParameter: number;
}

export interface DemoPortfolioPlan {
  loans: PlannedLoan[];
  /** The mean loan the plan aims at and how it was derived, for the README and the demo's log. */
  targetMeanPln: number;
}

const roundTo = (x: number, step: number) => Math.round(x / step) * step;

/** Mean of a log-uniform variable on [a, b]: (b − a) / ln(b / a). */
const logUniformMean = (band: SizeBand) => (band.toPln - band.fromPln) / Math.log(band.toPln / band.fromPln);

/**
 * The mean PES loan of the two published programmes: the PO KL pilot (PLN 24 m over 310 loans,
 * ≈ 77 k) and TISE since 2013 (PLN 161 m over 1,581 loans, ≈ 102 k) — about PLN 90,000.
 */
export function targetMeanLoanPln(c: FundCalibration): number {
  return (c.pilotAmountPln.value / c.pilotLoans.value + c.tiseAmountPln.value / c.tiseLoans.value) / 2;
}

/**
 * Loan sizes take their right-skewed shape from the PZFP size bands (a band by its share, then
 * log-uniform inside it) and their level from the PES programmes: every draw is scaled so that
 * the expected mean is `targetMeanLoanPln`. Rounded to PLN 1,000, at most PLN 500,000.
 */
export function drawLoanAmount(random: Random, c: FundCalibration): number {
  const bands = c.sizeBands;
  const bandMean = bands.reduce((s, band) => s + band.share * logUniformMean(band), 0);
  const scale = targetMeanLoanPln(c) / bandMean;
  const band = bands[weightedIndex(random, bands.map((b) => b.share))];
  const raw = band.fromPln * Math.exp(random() * Math.log(band.toPln / band.fromPln));
  return Math.min(500_000, Math.max(5_000, roundTo(raw * scale, 1_000)));
}

/**
 * A calibrated synthetic loan portfolio: 150–200 loans a year (TISE lent about 158 a year
 * 2013–2023), borrowers' legal forms in the PO KL pilot's published mix, sizes as above.
 * Deterministic for a seed. Terms: 24–84 monthly instalments (longer for larger loans), a grace
 * period for a third of the loans, jobs promised by social cooperatives (remission condition).
 */
export function planDemoPortfolio(c: FundCalibration, options: { seed: number; years: readonly number[] }): DemoPortfolioPlan {
  const random = mulberry32(options.seed ^ 0x5eed_f00d);
  const mix = [c.borrowerMix.socialCooperatives, c.borrowerMix.foundations, c.borrowerMix.associations, c.borrowerMix.workerCooperatives, c.borrowerMix.nonProfitCompanies].map((f) => f.value);
  const behaviours = Object.keys(BEHAVIOUR_SHARES) as DemoRepaymentBehaviour[];
  const loans: PlannedLoan[] = [];
  for (const year of options.years) {
    const count = randomInt(random, 150, 200);
    for (let i = 0; i < count; i++) {
      const legalForm = BORROWER_FORMS[weightedIndex(random, mix)];
      const amountPln = drawLoanAmount(random, c);
      const instalments = amountPln <= 30_000 ? randomInt(random, 24, 36) : amountPln <= 120_000 ? randomInt(random, 36, 60) : randomInt(random, 60, 84);
      const behaviour = behaviours[weightedIndex(random, behaviours.map((b) => BEHAVIOUR_SHARES[b]))];
      const dayOfYear = randomInt(random, 0, 330);
      const submittedOn = new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
      loans.push({
        year,
        submittedOn,
        legalForm,
        amountPln,
        instalments,
        gracePeriods: random() < 1 / 3 ? randomInt(random, 1, 6) : 0,
        jobsPromised: legalForm === LegalForm.SOCIAL_COOPERATIVE ? randomInt(random, 1, 5) : random() < 0.3 ? randomInt(random, 1, 2) : 0,
        behaviour,
        behaviourParameter: behaviour === DemoRepaymentBehaviour.LATE ? randomInt(random, 20, 100) : behaviour === DemoRepaymentBehaviour.DEFAULT ? randomInt(random, 3, Math.max(3, Math.floor(instalments / 2))) : 0,
      });
    }
  }
  loans.sort((a, b) => a.submittedOn.localeCompare(b.submittedOn));
  return { loans, targetMeanPln: targetMeanLoanPln(c) };
}

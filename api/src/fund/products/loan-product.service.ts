import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { fail } from '../clients/fail';
import { LoanProduct } from './loan-product.entity';
import {
  AmortisationKind,
  BusinessDayRuleKind,
  CommitteeMajority,
  DayCountKind,
  DEFAULT_ALLOCATION_ORDER,
  GraceKindValue,
  InterestKind,
  RepaymentComponent,
  RepaymentFrequencyKind,
} from './loan-product-enums';
import { LoanProductErrorCode, loanProductMessages } from './loan-product-messages';

/** Everything that configures a product; amounts in grosze, rates in basis points. */
export interface LoanProductDefinition {
  code: string;
  name: string;
  minAmountMinor: bigint;
  maxAmountMinor: bigint;
  minInstalments: number;
  maxInstalments: number;
  interestKind: InterestKind;
  annualRateBp?: number | null;
  referenceRateBp?: number | null;
  marginBp?: number | null;
  floorBp?: number | null;
  frequency: RepaymentFrequencyKind;
  amortisation: AmortisationKind;
  graceKind: GraceKindValue;
  maxGracePeriods: number;
  dayCount: DayCountKind;
  businessDayRule: BusinessDayRuleKind;
  arrangementFeeBp?: number | null;
  arrangementFeeFixedMinor?: bigint | null;
  penaltyRateBp: number;
  allocationOrder?: readonly RepaymentComponent[] | null;
  remissionMaxShareBp?: number | null;
  remissionDeadlineMonths?: number | null;
  committeeQuorum?: number | null;
  committeeMajority?: CommitteeMajority | null;
}

const MAX_INSTALMENTS = 600;
const MAX_RATE_BP = 10_000;
const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/** Whether `order` names each repayment component exactly once. */
export function isAllocationPermutation(order: readonly string[]): boolean {
  const all = Object.values(RepaymentComponent) as string[];
  return order.length === all.length && new Set(order).size === all.length && order.every((c) => all.includes(c));
}

/** Statutory interest for delay (Civil Code art. 481 § 1¹): NBP reference rate + 5.5 pp, in basis points. */
export const statutoryDelayInterestBp = (referenceRateBp: number): number => referenceRateBp + 550;

/** Maximum interest for delay (art. 481 § 2¹): twice the statutory interest for delay. */
export const maximumDelayInterestBp = (referenceRateBp: number): number => 2 * statutoryDelayInterestBp(referenceRateBp);

/** Checks a definition and returns the first broken rule as a typed error (or null). Pure. */
export function checkProductDefinition(d: LoanProductDefinition, locale: Locale = DEFAULT_LOCALE) {
  const err = (code: LoanProductErrorCode, field: string[]) => fail(loanProductMessages, code, locale, ['input', ...field], { code: d.code });
  if (!d.code?.trim()) return err(LoanProductErrorCode.CODE_REQUIRED, ['code']);
  if (!d.name?.trim()) return err(LoanProductErrorCode.NAME_REQUIRED, ['name']);
  if (d.minAmountMinor <= 0n) return err(LoanProductErrorCode.INVALID_AMOUNT, ['minAmount']);
  if (d.maxAmountMinor <= 0n) return err(LoanProductErrorCode.INVALID_AMOUNT, ['maxAmount']);
  if (d.minAmountMinor > d.maxAmountMinor) return err(LoanProductErrorCode.AMOUNT_BOUNDS_REVERSED, ['minAmount']);
  if (!isInt(d.minInstalments) || !isInt(d.maxInstalments) || d.minInstalments < 1 || d.minInstalments > d.maxInstalments || d.maxInstalments > MAX_INSTALMENTS) {
    return err(LoanProductErrorCode.INSTALMENT_BOUNDS_INVALID, ['minInstalments']);
  }
  const rate = (n: number | null | undefined) => isInt(n) && n >= 0 && n <= MAX_RATE_BP;
  if (d.interestKind === InterestKind.FIXED) {
    if (!rate(d.annualRateBp) || d.referenceRateBp != null || d.marginBp != null || d.floorBp != null) return err(LoanProductErrorCode.INTEREST_INVALID, ['annualRateBp']);
  } else if (d.annualRateBp != null || !rate(d.referenceRateBp) || !isInt(d.marginBp) || Math.abs(d.marginBp!) > MAX_RATE_BP || !rate(d.floorBp)) {
    return err(LoanProductErrorCode.INTEREST_INVALID, ['referenceRateBp']);
  }
  if (!isInt(d.maxGracePeriods) || d.maxGracePeriods < 0 || (d.graceKind === GraceKindValue.NONE && d.maxGracePeriods > 0) || d.maxGracePeriods > MAX_INSTALMENTS) {
    return err(LoanProductErrorCode.GRACE_INVALID, ['maxGracePeriods']);
  }
  if ((d.arrangementFeeBp != null && d.arrangementFeeFixedMinor != null) || (d.arrangementFeeBp != null && !rate(d.arrangementFeeBp)) || (d.arrangementFeeFixedMinor != null && d.arrangementFeeFixedMinor < 0n)) {
    return err(LoanProductErrorCode.FEE_INVALID, ['arrangementFeeBp']);
  }
  if (!rate(d.penaltyRateBp)) return err(LoanProductErrorCode.PENALTY_RATE_INVALID, ['penaltyRateBp']);
  if (d.allocationOrder && !isAllocationPermutation(d.allocationOrder)) return err(LoanProductErrorCode.ALLOCATION_ORDER_INVALID, ['allocationOrder']);
  const share = d.remissionMaxShareBp ?? 0;
  if (!isInt(share) || share < 0 || share > 10_000 || (share > 0 && !(isInt(d.remissionDeadlineMonths) && d.remissionDeadlineMonths > 0))) {
    return err(LoanProductErrorCode.REMISSION_INVALID, ['remissionMaxShareBp']);
  }
  if (d.committeeQuorum != null && (!isInt(d.committeeQuorum) || d.committeeQuorum < 1)) return err(LoanProductErrorCode.QUORUM_INVALID, ['committeeQuorum']);
  return null;
}

/** Loan products: configuration, listing, and the demo product. */
export class LoanProductService {
  constructor(
    private readonly em: EntityManager,
    private readonly locale: Locale = DEFAULT_LOCALE,
  ) {}

  async create(d: LoanProductDefinition): Promise<LoanProduct> {
    const broken = checkProductDefinition(d, this.locale);
    if (broken) throw broken;
    const code = d.code.trim();
    if (await this.em.count(LoanProduct, { code })) throw fail(loanProductMessages, LoanProductErrorCode.CODE_TAKEN, this.locale, ['input', 'code'], { code });
    const product = Object.assign(new LoanProduct(), {
      code,
      name: d.name.trim(),
      minAmountMinor: d.minAmountMinor,
      maxAmountMinor: d.maxAmountMinor,
      minInstalments: d.minInstalments,
      maxInstalments: d.maxInstalments,
      interestKind: d.interestKind,
      annualRateBp: d.annualRateBp ?? null,
      referenceRateBp: d.referenceRateBp ?? null,
      marginBp: d.marginBp ?? null,
      floorBp: d.floorBp ?? null,
      frequency: d.frequency,
      amortisation: d.amortisation,
      graceKind: d.graceKind,
      maxGracePeriods: d.maxGracePeriods,
      dayCount: d.dayCount,
      businessDayRule: d.businessDayRule,
      arrangementFeeBp: d.arrangementFeeBp ?? null,
      arrangementFeeFixedMinor: d.arrangementFeeFixedMinor ?? null,
      penaltyRateBp: d.penaltyRateBp,
      allocationOrder: [...(d.allocationOrder ?? DEFAULT_ALLOCATION_ORDER)],
      remissionMaxShareBp: d.remissionMaxShareBp ?? 0,
      remissionDeadlineMonths: (d.remissionMaxShareBp ?? 0) > 0 ? d.remissionDeadlineMonths! : null,
      committeeQuorum: d.committeeQuorum ?? 3,
      committeeMajority: d.committeeMajority ?? CommitteeMajority.SIMPLE,
    });
    this.em.persist(product);
    await this.em.flush();
    return product;
  }

  list(activeOnly = false): Promise<LoanProduct[]> {
    return this.em.find(LoanProduct, activeOnly ? { active: true } : {}, { orderBy: { code: 'asc' } });
  }

  findById(id: string): Promise<LoanProduct | null> {
    return this.em.findOne(LoanProduct, { id });
  }

  /** Creates the demo product once (by its code); returns the existing one on later calls. */
  async ensureDemoProduct(): Promise<LoanProduct> {
    return (await this.em.findOne(LoanProduct, { code: DEMO_PRODUCT.code })) ?? this.create(DEMO_PRODUCT);
  }
}

/** NBP reference rate the demo penalty rate is derived from: 5.75 % (in force 4 Oct 2023 – 7 May 2025). */
export const DEMO_REFERENCE_RATE_BP = 575;

/**
 * The demo product, modelled on BGK's preferential loan for social economy entities (figures in
 * ../shared/data/calibration/social_economy_figures.csv, topic loans_terms): 0.25 % a year fixed,
 * remission of up to 40 % of the principal for jobs created and kept; up to PLN 100,000 (the
 * liquidity loan cap quoted there), up to 60 monthly annuity instalments, up to 6 months' grace.
 * Penalty interest: the statutory interest for delay at the reference rate above (11.25 %).
 */
export const DEMO_PRODUCT: LoanProductDefinition = {
  code: 'PES-PREF',
  name: 'Pożyczka preferencyjna dla podmiotów ekonomii społecznej (demo)',
  minAmountMinor: 500_000n,
  maxAmountMinor: 10_000_000n,
  minInstalments: 6,
  maxInstalments: 60,
  interestKind: InterestKind.FIXED,
  annualRateBp: 25,
  frequency: RepaymentFrequencyKind.MONTHLY,
  amortisation: AmortisationKind.ANNUITY,
  graceKind: GraceKindValue.INTEREST_ONLY,
  maxGracePeriods: 6,
  dayCount: DayCountKind.ACTUAL_365,
  businessDayRule: BusinessDayRuleKind.FOLLOWING,
  arrangementFeeBp: null,
  arrangementFeeFixedMinor: null,
  penaltyRateBp: statutoryDelayInterestBp(DEMO_REFERENCE_RATE_BP),
  allocationOrder: DEFAULT_ALLOCATION_ORDER,
  remissionMaxShareBp: 4000,
  remissionDeadlineMonths: 12,
  committeeQuorum: 3,
  committeeMajority: CommitteeMajority.SIMPLE,
};

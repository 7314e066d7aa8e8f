export { LoanProduct } from './loan-product.entity';
export {
  InterestKind,
  DayCountKind,
  RepaymentFrequencyKind,
  AmortisationKind,
  GraceKindValue,
  BusinessDayRuleKind,
  RepaymentComponent,
  CommitteeMajority,
  DEFAULT_ALLOCATION_ORDER,
} from './loan-product-enums';
export {
  LoanProductService,
  checkProductDefinition,
  isAllocationPermutation,
  statutoryDelayInterestBp,
  maximumDelayInterestBp,
  DEMO_PRODUCT,
  DEMO_REFERENCE_RATE_BP,
  type LoanProductDefinition,
} from './loan-product.service';
export { LoanProductErrorCode, loanProductMessages } from './loan-product-messages';
export { LoanProductResolver } from './loan-product.resolver';

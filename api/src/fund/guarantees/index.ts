export { GuaranteeService, refreshGuaranteeExposure, type IssueCommand, type FundCreateCommand, type ProductCreateCommand, type PartnerCreateCommand, type GuaranteeFilter } from './guarantee.service';
export { GuaranteeError, GuaranteeErrorCode } from './guarantee-errors';
export { exposureFor, exposureLimit, feeFor } from './guarantee-rules';
export type { GuaranteeRecord, GuaranteeFundRecord, GuaranteeProductRecord, GuaranteeEventRecord, PartnerLenderRecord, GuaranteeStatus, GuaranteeEventKind } from './guarantee-records';

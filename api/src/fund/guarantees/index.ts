export { GuaranteeService, refreshGuaranteeExposure, type IssueCommand, type FundCreateCommand, type ProductCreateCommand, type PartnerCreateCommand, type GuaranteeFilter } from './guarantee.service';
export { GuaranteeError, GuaranteeErrorCode } from './guarantee-errors';
export { exposureFor, exposureLimit, feeFor } from './guarantee-rules';
export type { GuaranteeRecord, GuaranteeFundRecord, GuaranteeProductRecord, GuaranteeEventRecord, PartnerLenderRecord, GuaranteeStatus, GuaranteeEventKind } from './guarantee-records';

import type { HubContext } from '../../context';
import type { HubModule } from '../../shared/module';
import { GuaranteeBorrowerResolver, GuaranteeResolver } from './guarantee.resolver';

/** The guarantee fund: partner lenders, funds, products, guarantees and their calls (GraphQL part). */
export const fundGuaranteesModule = {
  name: 'fundGuarantees',
  entities: [],
  resolvers: [GuaranteeResolver, GuaranteeBorrowerResolver],
} satisfies HubModule<never, HubContext>;

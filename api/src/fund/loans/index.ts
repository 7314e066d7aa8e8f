import type { HubContext } from '../../context';
import type { HubModule } from '../../shared/module';
import { Loan } from './loan.entity';
import { LoanInstalment, LoanSchedule } from './loan-schedule.entity';
import { LoanDisbursement, LoanEvent, LoanRepayment } from './loan-transactions.entity';
import { LoanResolver, LoanScheduleResolver } from './loan.resolver';
import { createLoanLoaders, type LoanLoaders } from './loan.loaders';
import { canSeeLoans } from './loan-access';

/** Loans after the contract: disbursement, schedule versions, repayments, arrears, restructuring, remission, write-off, closure. */
export const fundLoansModule = {
  name: 'fundLoans',
  entities: [Loan, LoanSchedule, LoanInstalment, LoanDisbursement, LoanRepayment, LoanEvent],
  resolvers: [LoanResolver, LoanScheduleResolver],
  createLoaders: createLoanLoaders,
  nodeFetchers: {
    // Individual loans are for fund staff only.
    Loan: async (localIds, ctx) => {
      if (!canSeeLoans(ctx.user)) return localIds.map(() => null);
      const rows = await ctx.em.find(Loan, { id: { $in: [...localIds] } });
      return localIds.map((id) => rows.find((r) => r.id === id) ?? null);
    },
  },
} satisfies HubModule<LoanLoaders, HubContext>;

export { Loan, LoanStatus } from './loan.entity';
export { LoanSchedule, LoanInstalment, ScheduleReason } from './loan-schedule.entity';
export { saveScheduleVersion } from './loan-schedule-store';
export { LoanRepayment, LoanDisbursement, LoanEvent, LoanEventKind, RepaymentStatus } from './loan-transactions.entity';
export { LoanService, type OpenFromContractCommand, type LoanDisburseCommand, type LoanRepayCommand, type LoanRestructureCommand, type LoanRemitCommand, type LoanDateCommand } from './loan.service';
export { LoanError, LoanErrorCode, loanMessages } from './loan-messages';
export { allocateRepayment, totalOwed, type AllocationComponent, type Allocation, type Owed } from './allocate-repayment';
export { ArrearsBucket, bucketOf, DEFAULT_PROVISIONING, provisionRequired, accrualTarget, dailyPenalty, type ProvisioningPolicy } from './loan-math';
export type { LoanLoaders } from './loan.loaders';

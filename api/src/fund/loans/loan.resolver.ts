import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { StaffRole } from '../../access';
import { badInput, DomainError, UserError } from '../../shared/errors';
import { Money, toMoneyObject } from '../../shared/money';
import { ForwardPageArgs, localIdOf, pageWindow, toConnection, type Connection } from '../../shared/relay';
import { Loan } from './loan.entity';
import { LoanDateInput, LoanDisburseInput, LoanFilter, LoanRemitInput, LoanRepayInput, LoanRepaymentReverseInput, LoanRestructureInput } from './loan.inputs';
import { LoanConnection, LoanPayload, LoanRepaymentPayload } from './loan.payloads';
import { LoanService } from './loan.service';
import { LOAN_READERS } from './loan-access';
import { LoanInstalment, LoanSchedule } from './loan-schedule.entity';
import { LoanArrears, LoanRepayment } from './loan-transactions.entity';

const serviceFor = (ctx: HubContext) => new LoanService(ctx.em, { locale: ctx.locale, createdById: ctx.user?.id ?? null });
const loanId = (id: string) => localIdOf(id, 'Loan', ['input', 'loanId']);
const minor = (amount: string) => {
  try {
    return Money.parse(amount).minor;
  } catch (error) {
    throw badInput('INVALID_AMOUNT', (error as Error).message, ['input', 'amount']);
  }
};

async function asLoanPayload(work: () => Promise<Loan>): Promise<LoanPayload> {
  const payload = new LoanPayload();
  try {
    payload.loan = await work();
  } catch (error) {
    if (error instanceof DomainError) payload.errors = [UserError.from(error)];
    else throw error;
  }
  return payload;
}

async function asRepaymentPayload(work: () => Promise<{ loan: Loan; repayment: LoanRepayment; replayed?: boolean }>): Promise<LoanRepaymentPayload> {
  const payload = new LoanRepaymentPayload();
  try {
    Object.assign(payload, await work());
  } catch (error) {
    if (error instanceof DomainError) payload.errors = [UserError.from(error)];
    else throw error;
  }
  return payload;
}

@Resolver(() => Loan)
export class LoanResolver {
  @Authorized(...LOAN_READERS)
  @Query(() => Loan, { nullable: true, description: 'One loan by its id (fund staff only).' })
  async loan(@Arg('id', () => ID, { description: 'The loan’s global id.' }) id: string, @Ctx() ctx: HubContext): Promise<Loan | null> {
    return ctx.loaders.fundLoans.loan.load(localIdOf(id, 'Loan'));
  }

  @Authorized(...LOAN_READERS)
  @Query(() => LoanConnection, { description: 'Loans, newest first, optionally filtered (fund staff only).' })
  async loans(
    @Arg('filter', () => LoanFilter, { nullable: true, description: 'Which loans to list.' }) filter: LoanFilter | null,
    @Args(() => ForwardPageArgs) args: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<Loan>> {
    const window = pageWindow(args);
    const where: Record<string, unknown> = {};
    if (filter?.status) where.status = filter.status;
    if (filter?.borrowerClientId) where.borrowerClientId = filter.borrowerClientId;
    if (filter?.minDaysPastDue != null) where.daysPastDue = { $gte: filter.minDaysPastDue };
    const [rows, totalCount] = await ctx.em.findAndCount(Loan, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: window.limit, offset: window.offset });
    return toConnection(rows, totalCount, window);
  }

  @FieldResolver(() => [LoanInstalment], { description: 'The current repayment schedule, instalment by instalment (empty before the first payout).' })
  async schedule(@Root() loan: Loan, @Ctx() ctx: HubContext): Promise<LoanInstalment[]> {
    return loan.scheduleId ? ctx.loaders.fundLoans.instalments.load(loan.scheduleId) : [];
  }

  @FieldResolver(() => [LoanSchedule], { description: 'Every version of the schedule, newest first: restructurings and early repayments keep the old ones here.' })
  async scheduleHistory(@Root() loan: Loan, @Ctx() ctx: HubContext): Promise<LoanSchedule[]> {
    return ctx.loaders.fundLoans.schedules.load(loan.id);
  }

  @FieldResolver(() => [LoanRepayment], { description: 'Payments from the borrower, oldest first, reversed ones included.' })
  async repayments(@Root() loan: Loan, @Ctx() ctx: HubContext): Promise<LoanRepayment[]> {
    return ctx.loaders.fundLoans.repayments.load(loan.id);
  }

  @FieldResolver(() => LoanArrears, { description: 'What is overdue and for how long, as of the last close of business.' })
  arrears(@Root() loan: Loan): LoanArrears {
    const m = (x: bigint) => toMoneyObject(Money.ofMinor(x));
    return Object.assign(new LoanArrears(), {
      daysPastDue: loan.daysPastDue,
      oldestUnpaidDueDate: loan.oldestUnpaidDueDate,
      principalOverdue: m(loan.principalDueMinor),
      interestOverdue: m(loan.interestDueMinor),
      penalties: m(loan.penaltyDueMinor),
      totalOverdue: m(loan.principalDueMinor + loan.interestDueMinor + loan.feeDueMinor + loan.penaltyDueMinor),
      par30: loan.daysPastDue > 30,
      par90: loan.daysPastDue > 90,
    });
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => LoanPayload, { description: 'Pays out a tranche; the first payout builds the repayment schedule from the amount paid out.' })
  loanDisburse(@Arg('input', () => LoanDisburseInput) input: LoanDisburseInput, @Ctx() ctx: HubContext): Promise<LoanPayload> {
    return asLoanPayload(() => serviceFor(ctx).disburse({ loanId: loanId(input.loanId), amountMinor: minor(input.amount), businessDate: input.businessDate }));
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => LoanRepaymentPayload, { description: 'Books a payment from the borrower, split by the loan’s allocation order; safe to retry with the same idempotency key.' })
  loanRepay(@Arg('input', () => LoanRepayInput) input: LoanRepayInput, @Ctx() ctx: HubContext): Promise<LoanRepaymentPayload> {
    return asRepaymentPayload(() => serviceFor(ctx).repay({ loanId: loanId(input.loanId), amountMinor: minor(input.amount), businessDate: input.businessDate, idempotencyKey: input.idempotencyKey }));
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => LoanRepaymentPayload, { description: 'Reverses a repayment (only the loan’s latest transaction), restoring what was owed.' })
  loanRepaymentReverse(@Arg('input', () => LoanRepaymentReverseInput) input: LoanRepaymentReverseInput, @Ctx() ctx: HubContext): Promise<LoanRepaymentPayload> {
    return asRepaymentPayload(() => serviceFor(ctx).reverseRepayment({ repaymentId: input.repaymentId, businessDate: input.businessDate }));
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => LoanPayload, { description: 'Restructures a loan: a new schedule version for everything outstanding; the old version stays in the history.' })
  loanRestructure(@Arg('input', () => LoanRestructureInput) input: LoanRestructureInput, @Ctx() ctx: HubContext): Promise<LoanPayload> {
    const holiday = input.paymentHoliday;
    if (holiday && holiday.kind !== 'INTEREST_ONLY' && holiday.kind !== 'DEFERRAL_CAPITALISED') throw badInput('INVALID_PAYMENT_HOLIDAY', 'kind must be INTEREST_ONLY or DEFERRAL_CAPITALISED', ['input', 'paymentHoliday', 'kind']);
    return asLoanPayload(() =>
      serviceFor(ctx).restructure({
        loanId: loanId(input.loanId),
        businessDate: input.businessDate,
        instalments: input.instalments,
        annualRateBp: input.annualRateBp ?? undefined,
        paymentHoliday: holiday ? { periods: holiday.periods, kind: holiday.kind as 'INTEREST_ONLY' | 'DEFERRAL_CAPITALISED' } : undefined,
        capitaliseInterest: input.capitaliseInterest ?? false,
      }),
    );
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => LoanPayload, { description: 'Forgives part of the principal when the promised jobs were created and kept until the contract’s deadline.' })
  loanRemit(@Arg('input', () => LoanRemitInput) input: LoanRemitInput, @Ctx() ctx: HubContext): Promise<LoanPayload> {
    return asLoanPayload(() => serviceFor(ctx).remit({ loanId: loanId(input.loanId), businessDate: input.businessDate, shareBp: input.shareBp, jobsKept: input.jobsKept }));
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => LoanPayload, { description: 'Writes a loan off as uncollectable, against the provision held.' })
  loanWriteOff(@Arg('input', () => LoanDateInput) input: LoanDateInput, @Ctx() ctx: HubContext): Promise<LoanPayload> {
    return asLoanPayload(() => serviceFor(ctx).writeOff({ loanId: loanId(input.loanId), businessDate: input.businessDate }));
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => LoanPayload, { description: 'Closes a loan that owes nothing any more (repaid, remitted or written off).' })
  loanClose(@Arg('input', () => LoanDateInput) input: LoanDateInput, @Ctx() ctx: HubContext): Promise<LoanPayload> {
    return asLoanPayload(() => serviceFor(ctx).close({ loanId: loanId(input.loanId), businessDate: input.businessDate }));
  }
}

@Resolver(() => LoanSchedule)
export class LoanScheduleResolver {
  @FieldResolver(() => [LoanInstalment], { description: 'The instalments of this version.' })
  instalments(@Root() schedule: LoanSchedule, @Ctx() ctx: HubContext): Promise<LoanInstalment[]> {
    return ctx.loaders.fundLoans.instalments.load(schedule.id);
  }
}

import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../context';
import { StaffRole } from '../../access/staff-role';
import { DateScalar } from '../../shared/dates';
import { UserError } from '../../shared/errors';
import { pick } from '../../shared/i18n';
import { Money, toMoneyObject } from '../../shared/money';
import { ForwardPageArgs, pageWindow, toConnection } from '../../shared/relay';
import { CHART_OF_ACCOUNTS, type FundAccount } from './chart-of-accounts';
import { BooksError } from './books-errors';
import { journalEntriesByIds, listJournalEntries, type JournalEntryRecord } from './books-reads';
import { BooksService } from './books.service';
import {
  AccountingPeriodCloseInput,
  AccountingPeriodClosePayload,
  FundAccountObject,
  FundJournalEntryConnection,
  FundJournalEntryFilter,
  FundJournalEntryObject,
  FundPostingSideEnum,
  FundTrialBalance,
  FundTrialBalanceLine,
  JournalEntryReverseInput,
  JournalEntryReversePayload,
} from './books.graphql';

/** Who may read the fund's books: fund staff (and administrators, who pass every check). */
export const BOOKS_READERS = [StaffRole.FUND_OFFICER, StaffRole.COMMITTEE_MEMBER];
const pln = (minor: bigint) => toMoneyObject(Money.ofMinor(minor));

/** Maps a refusal by the books (or any domain error with bilingual messages) into a payload error. */
export function toUserError(error: unknown, ctx: HubContext): UserError {
  if (error instanceof BooksError || (error instanceof Error && 'messages' in error && 'code' in error)) {
    const e = error as BooksError;
    return Object.assign(new UserError(), { code: e.code, field: e.field.length ? ['input', ...e.field] : undefined, message: pick(e.messages, ctx.locale) });
  }
  throw error;
}

export async function toEntryObjects(ctx: HubContext, entries: JournalEntryRecord[]): Promise<FundJournalEntryObject[]> {
  const postings = await new BooksService(ctx.em).postingsOf(entries.map((e) => e.id));
  return entries.map((e) =>
    Object.assign(new FundJournalEntryObject(), {
      ...e,
      postings: postings
        .filter((p) => p.entryId === e.id)
        .map((p) => ({ accountCode: p.account, side: p.side as FundPostingSideEnum, amount: pln(p.amountMinor), loanId: p.loanId, guaranteeId: p.guaranteeId })),
    }),
  );
}

@Resolver()
export class BooksResolver {
  @Authorized(...BOOKS_READERS)
  @Query(() => [FundAccountObject], { description: 'The fund’s chart of accounts with each account’s current balance (fund staff only).' })
  async fundAccounts(@Ctx() ctx: HubContext): Promise<FundAccountObject[]> {
    const lines = await new BooksService(ctx.em).trialBalance();
    return lines.map((l) => FundAccountObject.of(l.account, l.balanceMinor));
  }

  @Authorized(...BOOKS_READERS)
  @Query(() => FundTrialBalance, { description: 'The trial balance of the fund’s books, now or as of a date: every account’s debits and credits, which add up to the same total (fund staff only).' })
  async trialBalance(
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Include entries dated up to and including this day; omit for all entries.' }) asOf?: string | null,
  ): Promise<FundTrialBalance> {
    const lines = await new BooksService(ctx.em).trialBalance(asOf ?? null);
    const totalDebit = lines.reduce((s, l) => s + l.debitMinor, 0n);
    const totalCredit = lines.reduce((s, l) => s + l.creditMinor, 0n);
    return Object.assign(new FundTrialBalance(), {
      asOf: asOf ?? null,
      lines: lines.map((l) =>
        Object.assign(new FundTrialBalanceLine(), { account: FundAccountObject.of(l.account, l.balanceMinor), debit: pln(l.debitMinor), credit: pln(l.creditMinor), net: pln(l.netMinor) }),
      ),
      totalDebit: pln(totalDebit),
      totalCredit: pln(totalCredit),
    });
  }

  @Authorized(...BOOKS_READERS)
  @Query(() => FundJournalEntryConnection, { description: 'Journal entries of the fund’s books, newest first (fund staff only).' })
  async journalEntries(
    @Ctx() ctx: HubContext,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('filter', () => FundJournalEntryFilter, { nullable: true, description: 'Which entries to list.' }) filter?: FundJournalEntryFilter | null,
  ) {
    const window = pageWindow(page);
    const { rows, total } = await listJournalEntries(ctx.em, filter ?? {}, window);
    return toConnection(await toEntryObjects(ctx, rows), total, window);
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => AccountingPeriodClosePayload, {
    description: 'Closes the fund’s books for a month (and any earlier month still open): nothing can be posted with a date in a closed month any more; corrections go into an open month as reversals (fund officers).',
  })
  async accountingPeriodClose(@Arg('input', () => AccountingPeriodCloseInput) input: AccountingPeriodCloseInput, @Ctx() ctx: HubContext): Promise<AccountingPeriodClosePayload> {
    try {
      const closedMonths = await ctx.em.transactional((em) => new BooksService(em).closePeriod(input.periodEnd, { closedById: ctx.user?.id ?? null }));
      return Object.assign(new AccountingPeriodClosePayload(), { closedMonths, errors: [] });
    } catch (e) {
      return Object.assign(new AccountingPeriodClosePayload(), { closedMonths: null, errors: [toUserError(e, ctx)] });
    }
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => JournalEntryReversePayload, { description: 'Corrects a journal entry by posting its mirror image (debits and credits swapped), linked to it. An entry is reversed at most once (fund officers).' })
  async journalEntryReverse(@Arg('input', () => JournalEntryReverseInput) input: JournalEntryReverseInput, @Ctx() ctx: HubContext): Promise<JournalEntryReversePayload> {
    try {
      const { id } = await ctx.em.transactional((em) => new BooksService(em).reverse(input.entryId, input.businessDate, input.memo, { createdById: ctx.user?.id ?? null }));
      const [entry] = await toEntryObjects(ctx, await journalEntriesByIds(ctx.em, [id]));
      return Object.assign(new JournalEntryReversePayload(), { entry, errors: [] });
    } catch (e) {
      return Object.assign(new JournalEntryReversePayload(), { entry: null, errors: [toUserError(e, ctx)] });
    }
  }
}


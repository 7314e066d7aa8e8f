import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/dates';
import { UserError } from '../../shared/errors';
import { Money, MoneyObject, toMoneyObject } from '../../shared/money';
import { ConnectionType } from '../../shared/relay';
import { accountDefinition, type FundAccount } from './chart-of-accounts';

export enum FundAccountTypeEnum {
  ASSET = 'ASSET',
  LIABILITY = 'LIABILITY',
  EQUITY = 'EQUITY',
  INCOME = 'INCOME',
  EXPENSE = 'EXPENSE',
}
registerEnumType(FundAccountTypeEnum, {
  name: 'FundAccountType',
  description: 'What an account of the fund’s books records.',
  valuesConfig: {
    ASSET: { description: 'Something the fund owns or is owed: cash, loans receivable.' },
    LIABILITY: { description: 'Something the fund owes: guarantee calls to pay, overpayments to return.' },
    EQUITY: { description: 'The fund’s own capital.' },
    INCOME: { description: 'Income: interest, fees, recoveries.' },
    EXPENSE: { description: 'Costs: remissions, write-offs, provisions, guarantee losses.' },
  },
});

export enum FundPostingSideEnum {
  DEBIT = 'DEBIT',
  CREDIT = 'CREDIT',
}
registerEnumType(FundPostingSideEnum, {
  name: 'FundPostingSide',
  description: 'The side of an account a posting is made on (Polish: Wn / Ma).',
  valuesConfig: { DEBIT: { description: 'Debit (Wn): increases assets and expenses.' }, CREDIT: { description: 'Credit (Ma): increases liabilities, capital and income.' } },
});

const pln = (minor: bigint) => toMoneyObject(Money.ofMinor(minor));

@ObjectType('FundAccount', { description: 'An account in the fund’s chart of accounts, with its current balance.' })
export class FundAccountObject {
  @Field({ description: 'Account number in the chart of accounts, e.g. "141" (loans receivable – principal).' })
  code!: string;

  @Field({ description: 'Polish name of the account.' })
  namePl!: string;

  @Field({ description: 'English name of the account.' })
  nameEn!: string;

  @Field(() => FundAccountTypeEnum, { description: 'Asset, liability, equity, income or expense.' })
  type!: FundAccountTypeEnum;

  @Field(() => FundPostingSideEnum, { description: 'The side the account normally carries its balance on (the loan-loss allowance is an asset with a credit balance).' })
  normalSide!: FundPostingSideEnum;

  @Field(() => MoneyObject, { description: 'The current balance seen from the account’s normal side (positive when it holds what it should).' })
  balance!: MoneyObject;

  static of(code: FundAccount, balanceMinor: bigint): FundAccountObject {
    const d = accountDefinition(code);
    return Object.assign(new FundAccountObject(), { code: d.code, namePl: d.namePl, nameEn: d.nameEn, type: d.type, normalSide: d.normalSide, balance: pln(balanceMinor) });
  }
}

@ObjectType('FundTrialBalanceLine', { description: 'One account’s line in the trial balance.' })
export class FundTrialBalanceLine {
  @Field(() => FundAccountObject, { description: 'The account (its balance field shows the balance of this trial balance’s date).' })
  account!: FundAccountObject;

  @Field(() => MoneyObject, { description: 'Sum of everything debited to the account (debit turnover).' })
  debit!: MoneyObject;

  @Field(() => MoneyObject, { description: 'Sum of everything credited to the account (credit turnover).' })
  credit!: MoneyObject;

  @Field(() => MoneyObject, { description: 'Debit minus credit; the lines of a trial balance add up to zero.' })
  net!: MoneyObject;
}

@ObjectType('FundTrialBalance', { description: 'The trial balance: every account’s debits and credits. In double-entry books the totals are equal.' })
export class FundTrialBalance {
  @Field(() => DateScalar, { nullable: true, description: 'The date it was drawn up as of (entries dated up to and including it); empty for "now".' })
  asOf!: string | null;

  @Field(() => [FundTrialBalanceLine], { description: 'One line per account, in account-number order.' })
  lines!: FundTrialBalanceLine[];

  @Field(() => MoneyObject, { description: 'Total of all debits.' })
  totalDebit!: MoneyObject;

  @Field(() => MoneyObject, { description: 'Total of all credits (equal to the total of debits).' })
  totalCredit!: MoneyObject;
}

@ObjectType('FundPosting', { description: 'One line of a journal entry: an amount debited or credited to one account, possibly for one loan or guarantee.' })
export class FundPostingObject {
  @Field({ description: 'The account number, e.g. "130".' })
  accountCode!: string;

  @Field(() => FundPostingSideEnum, { description: 'Debit or credit.' })
  side!: FundPostingSideEnum;

  @Field(() => MoneyObject, { description: 'The amount (always positive; the side says which way it goes).' })
  amount!: MoneyObject;

  @Field(() => ID, { nullable: true, description: 'The loan the posting belongs to, if any.' })
  loanId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The guarantee the posting belongs to, if any.' })
  guaranteeId!: string | null;
}

@ObjectType('FundJournalEntry', { description: 'A journal entry: one business event in the fund’s books, whose debits equal its credits. Entries are never changed; a mistake is corrected by a reversal.' })
export class FundJournalEntryObject {
  @Field(() => ID, { description: 'The entry’s id.' })
  id!: string;

  @Field(() => DateScalar, { description: 'The accounting date the entry belongs to.' })
  businessDate!: string;

  @Field({ description: 'What happened, as a code: e.g. LOAN_DISBURSEMENT, INTEREST_ACCRUAL, GUARANTEE_FEE, REVERSAL.' })
  kind!: string;

  @Field({ description: 'A short description of the entry.' })
  memo!: string;

  @Field(() => String, { nullable: true, description: 'The id of the business record the entry came from (a loan event, a guarantee …).' })
  sourceId!: string | null;

  @Field(() => ID, { nullable: true, description: 'If this entry is a reversal: the entry it reverses.' })
  reversesEntryId!: string | null;

  @Field(() => ID, { nullable: true, description: 'If this entry has been reversed: the reversing entry.' })
  reversedByEntryId!: string | null;

  @Field({ description: 'When the entry was recorded.' })
  createdAt!: Date;

  @Field(() => [FundPostingObject], { description: 'The entry’s lines.' })
  postings!: FundPostingObject[];
}

export const FundJournalEntryConnection = ConnectionType(FundJournalEntryObject, 'FundJournalEntry', 'A page of journal entries, newest first.');

@InputType('FundJournalEntryFilter', { description: 'Narrows the list of journal entries; all conditions must hold.' })
export class FundJournalEntryFilter {
  @Field(() => String, { nullable: true, description: 'Only entries of this kind, e.g. GUARANTEE_CALL.' })
  kind?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only entries dated on or after this day.' })
  fromDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only entries dated on or before this day.' })
  toDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entries with a posting to this account, e.g. "141".' })
  accountCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only entries with a posting for this loan.' })
  loanId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only entries with a posting for this guarantee.' })
  guaranteeId?: string | null;
}

@InputType('AccountingPeriodCloseInput', { description: 'Closes the books for a month.' })
export class AccountingPeriodCloseInput {
  @Field(() => DateScalar, { description: 'The last day of the month to close, e.g. "2026-11-30". Earlier months still open are closed with it.' })
  periodEnd!: string;
}

@ObjectType('AccountingPeriodClosePayload', { description: 'The result of closing a month.' })
export class AccountingPeriodClosePayload {
  @Field(() => [DateScalar], { nullable: true, description: 'The months closed by this call (their first days); empty if they were closed already.' })
  closedMonths!: string[] | null;

  @Field(() => [UserError], { description: 'Why the month was not closed (empty on success).' })
  errors!: UserError[];
}

@InputType('JournalEntryReverseInput', { description: 'Corrects an entry by posting its mirror image.' })
export class JournalEntryReverseInput {
  @Field(() => ID, { description: 'The entry to reverse.' })
  entryId!: string;

  @Field(() => DateScalar, { description: 'The accounting date of the reversal (in an open month, not before the original).' })
  businessDate!: string;

  @Field({ description: 'Why the entry is reversed.' })
  memo!: string;
}

@ObjectType('JournalEntryReversePayload', { description: 'The result of reversing a journal entry.' })
export class JournalEntryReversePayload {
  @Field(() => FundJournalEntryObject, { nullable: true, description: 'The reversing entry.' })
  entry!: FundJournalEntryObject | null;

  @Field(() => [UserError], { description: 'Why the entry was not reversed (empty on success).' })
  errors!: UserError[];
}


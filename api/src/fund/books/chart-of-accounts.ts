/**
 * The fund's chart of accounts (plan kont). Codes follow the Polish numbering habit: 1xx assets,
 * 2xx capital and liabilities, 7xx income, 76x expenses. The migration inserts the same rows into
 * `fund_account`; a new account needs both (and gets its cached-balance row from a trigger).
 */
export enum FundAccount {
  /** 130 Cash at bank of the loan fund. */
  CASH = '130',
  /** 131 Cash at bank of the guarantee fund (kept apart: its capital backs the guarantees). */
  GUARANTEE_CASH = '131',
  /** 141 Loans receivable, principal outstanding. */
  LOANS_PRINCIPAL = '141',
  /** 142 Contractual interest accrued and not yet paid. */
  INTEREST_RECEIVABLE = '142',
  /** 143 Loan fees charged and not yet paid. */
  FEES_RECEIVABLE = '143',
  /** 144 Penalty interest accrued and not yet paid. */
  PENALTY_RECEIVABLE = '144',
  /** 145 Loan-loss allowance: a contra-asset, credit balance. */
  LOAN_LOSS_ALLOWANCE = '145',
  /** 200 Loan fund capital. */
  LOAN_FUND_CAPITAL = '200',
  /** 201 Guarantee fund capital. */
  GUARANTEE_FUND_CAPITAL = '201',
  /** 230 Money borrowers paid beyond what they owed, owed back to them. */
  OVERPAYMENTS = '230',
  /** 240 Guarantee calls accepted and not yet paid out. */
  GUARANTEE_CALLS_PAYABLE = '240',
  /** 701 Contractual interest income. */
  INTEREST_INCOME = '701',
  /** 702 Loan fee and commission income. */
  FEE_INCOME = '702',
  /** 703 Penalty interest income. */
  PENALTY_INCOME = '703',
  /** 704 Guarantee fee income. */
  GUARANTEE_FEE_INCOME = '704',
  /** 705 Recoveries of amounts written off or paid out under guarantees. */
  RECOVERY_INCOME = '705',
  /** 760 Loan remission (umorzenie), e.g. for jobs created. */
  REMISSION_EXPENSE = '760',
  /** 761 Write-off of uncollectable receivables. */
  WRITE_OFF_EXPENSE = '761',
  /** 762 Provision (allowance) expense. */
  PROVISION_EXPENSE = '762',
  /** 764 Losses on guarantees called. */
  GUARANTEE_LOSS_EXPENSE = '764',
}

export type AccountType = 'ASSET' | 'LIABILITY' | 'EQUITY' | 'INCOME' | 'EXPENSE';
export type PostingSide = 'DEBIT' | 'CREDIT';

export interface AccountDefinition {
  code: FundAccount;
  namePl: string;
  nameEn: string;
  type: AccountType;
  /** The side on which the account normally carries its balance; `balance()` is positive on it. */
  normalSide: PostingSide;
}

const def = (code: FundAccount, namePl: string, nameEn: string, type: AccountType, normalSide: PostingSide): AccountDefinition => ({ code, namePl, nameEn, type, normalSide });

/** Every account, in code order (the order cached balance rows are locked in). */
export const CHART_OF_ACCOUNTS: readonly AccountDefinition[] = [
  def(FundAccount.CASH, 'Rachunek bankowy funduszu pożyczkowego', 'Cash at bank – loan fund', 'ASSET', 'DEBIT'),
  def(FundAccount.GUARANTEE_CASH, 'Rachunek bankowy funduszu poręczeniowego', 'Cash at bank – guarantee fund', 'ASSET', 'DEBIT'),
  def(FundAccount.LOANS_PRINCIPAL, 'Należności z tytułu pożyczek – kapitał', 'Loans receivable – principal', 'ASSET', 'DEBIT'),
  def(FundAccount.INTEREST_RECEIVABLE, 'Należności z tytułu odsetek umownych', 'Interest receivable', 'ASSET', 'DEBIT'),
  def(FundAccount.FEES_RECEIVABLE, 'Należności z tytułu opłat i prowizji', 'Fees receivable', 'ASSET', 'DEBIT'),
  def(FundAccount.PENALTY_RECEIVABLE, 'Należności z tytułu odsetek karnych', 'Penalty interest receivable', 'ASSET', 'DEBIT'),
  def(FundAccount.LOAN_LOSS_ALLOWANCE, 'Odpisy aktualizujące należności (rezerwa na straty)', 'Loan-loss allowance (contra-asset)', 'ASSET', 'CREDIT'),
  def(FundAccount.LOAN_FUND_CAPITAL, 'Kapitał funduszu pożyczkowego', 'Loan fund capital', 'EQUITY', 'CREDIT'),
  def(FundAccount.GUARANTEE_FUND_CAPITAL, 'Kapitał funduszu poręczeniowego', 'Guarantee fund capital', 'EQUITY', 'CREDIT'),
  def(FundAccount.OVERPAYMENTS, 'Nadpłaty pożyczkobiorców', 'Borrower overpayments', 'LIABILITY', 'CREDIT'),
  def(FundAccount.GUARANTEE_CALLS_PAYABLE, 'Zobowiązania z tytułu wywołanych poręczeń', 'Guarantee calls payable', 'LIABILITY', 'CREDIT'),
  def(FundAccount.INTEREST_INCOME, 'Przychody z odsetek umownych', 'Interest income', 'INCOME', 'CREDIT'),
  def(FundAccount.FEE_INCOME, 'Przychody z opłat i prowizji od pożyczek', 'Loan fee income', 'INCOME', 'CREDIT'),
  def(FundAccount.PENALTY_INCOME, 'Przychody z odsetek karnych', 'Penalty interest income', 'INCOME', 'CREDIT'),
  def(FundAccount.GUARANTEE_FEE_INCOME, 'Przychody z opłat poręczeniowych', 'Guarantee fee income', 'INCOME', 'CREDIT'),
  def(FundAccount.RECOVERY_INCOME, 'Przychody z odzyskanych należności', 'Recoveries income', 'INCOME', 'CREDIT'),
  def(FundAccount.REMISSION_EXPENSE, 'Koszty umorzeń pożyczek', 'Loan remission expense', 'EXPENSE', 'DEBIT'),
  def(FundAccount.WRITE_OFF_EXPENSE, 'Koszty odpisania należności nieściągalnych', 'Write-off expense', 'EXPENSE', 'DEBIT'),
  def(FundAccount.PROVISION_EXPENSE, 'Koszty odpisów aktualizujących (rezerw)', 'Provision expense', 'EXPENSE', 'DEBIT'),
  def(FundAccount.GUARANTEE_LOSS_EXPENSE, 'Koszty wypłat z poręczeń', 'Guarantee loss expense', 'EXPENSE', 'DEBIT'),
];

const BY_CODE = new Map<string, AccountDefinition>(CHART_OF_ACCOUNTS.map((a) => [a.code, a]));

export const isFundAccount = (code: unknown): code is FundAccount => typeof code === 'string' && BY_CODE.has(code);

export function accountDefinition(code: FundAccount): AccountDefinition {
  const found = BY_CODE.get(code);
  if (!found) throw new RangeError(`Unknown fund account ${code}`);
  return found;
}

/** A balance seen from the account's normal side: debit − credit for debit-normal accounts, the reverse otherwise. */
export function normalBalance(code: FundAccount, debitMinor: bigint, creditMinor: bigint): bigint {
  return accountDefinition(code).normalSide === 'DEBIT' ? debitMinor - creditMinor : creditMinor - debitMinor;
}

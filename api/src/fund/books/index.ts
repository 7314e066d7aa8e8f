export { FundAccount, CHART_OF_ACCOUNTS, accountDefinition, isFundAccount, normalBalance, type AccountDefinition, type AccountType, type PostingSide } from './chart-of-accounts';
export { BooksError, BooksErrorCode } from './books-errors';
export {
  BooksService,
  type PostingInput,
  type JournalEntryInput,
  type SelectEntryInput,
  type TrialBalanceLine,
  type ReplayResult,
  type BalanceMismatch,
  type PostResult,
  type StoredPosting,
} from './books.service';

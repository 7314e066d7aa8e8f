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
export { listJournalEntries, journalEntriesByIds, type JournalEntryFilter, type JournalEntryRecord } from './books-reads';

import type { HubContext } from '../../context';
import type { HubModule } from '../../shared/module';
import { BooksResolver } from './books.resolver';

/** The fund's books: chart of accounts, journal, balances, trial balance, month close (GraphQL part). */
export const fundBooksModule = {
  name: 'fundBooks',
  entities: [],
  resolvers: [BooksResolver],
} satisfies HubModule<never, HubContext>;

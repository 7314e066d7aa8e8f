import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { LoanService } from '../loans';
import type { LoanOpener } from './loan-application.service';

/**
 * How a signed contract becomes a loan: fund/loans' `LoanService.openFromContract`, inside the
 * signing transaction, so a contract never exists without its loan (nor a loan without its contract).
 */
export function defaultLoanOpener(locale: Locale = DEFAULT_LOCALE): LoanOpener {
  return async (em, contract) => LoanService.openFromContract(em, contract, locale);
}

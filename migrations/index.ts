import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127100000_access } from './Migration20261127100000_access';
import { Migration20261127110000_territory } from './Migration20261127110000_territory';
import { Migration20261127120000_observatory } from './Migration20261127120000_observatory';
import { Migration20261127130000_registry_history } from './Migration20261127130000_registry_history';
import { Migration20261127131000_statistical_areas } from './Migration20261127131000_statistical_areas';
import { Migration20261127132000_indicators } from './Migration20261127132000_indicators';
import { Migration20261127133000_import_runs } from './Migration20261127133000_import_runs';
import { Migration20261127139000_committee_role } from './Migration20261127139000_committee_role';
import { Migration20261127140000_fund_origination } from './Migration20261127140000_fund_origination';
import { Migration20261127141000_fund_books } from './Migration20261127141000_fund_books';
import { Migration20261127142000_fund_loans } from './Migration20261127142000_fund_loans';
import { Migration20261127142500_fund_guarantees } from './Migration20261127142500_fund_guarantees';
import { Migration20261127143500_fund_relief } from './Migration20261127143500_fund_relief';
import { Migration20261127150000_academy } from './Migration20261127150000_academy';
import { Migration20261127160000_widgets } from './Migration20261127160000_widgets';
import { Migration20261127170000_diagnostics } from './Migration20261127170000_diagnostics';
import { Migration20261128100000_fund_guarantee_borrower_client } from './Migration20261128100000_fund_guarantee_borrower_client';
import { Migration20261208100000_loan_principal_not_yet_overdue } from './Migration20261208100000_loan_principal_not_yet_overdue';
import { Migration20261208110000_loan_fillfactor } from './Migration20261208110000_loan_fillfactor';

/**
 * Every hub migration in order. Listed explicitly (not found by glob) so the same list works
 * from TypeScript sources in tests and from compiled JavaScript at run time.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127100000_access', class: Migration20261127100000_access },
  { name: 'Migration20261127110000_territory', class: Migration20261127110000_territory },
  { name: 'Migration20261127120000_observatory', class: Migration20261127120000_observatory },
  { name: 'Migration20261127130000_registry_history', class: Migration20261127130000_registry_history },
  { name: 'Migration20261127131000_statistical_areas', class: Migration20261127131000_statistical_areas },
  { name: 'Migration20261127132000_indicators', class: Migration20261127132000_indicators },
  { name: 'Migration20261127133000_import_runs', class: Migration20261127133000_import_runs },
  { name: 'Migration20261127139000_committee_role', class: Migration20261127139000_committee_role },
  { name: 'Migration20261127140000_fund_origination', class: Migration20261127140000_fund_origination },
  { name: 'Migration20261127141000_fund_books', class: Migration20261127141000_fund_books },
  { name: 'Migration20261127142000_fund_loans', class: Migration20261127142000_fund_loans },
  { name: 'Migration20261127142500_fund_guarantees', class: Migration20261127142500_fund_guarantees },
  { name: 'Migration20261127143500_fund_relief', class: Migration20261127143500_fund_relief },
  { name: 'Migration20261127150000_academy', class: Migration20261127150000_academy },
  { name: 'Migration20261127160000_widgets', class: Migration20261127160000_widgets },
  { name: 'Migration20261127170000_diagnostics', class: Migration20261127170000_diagnostics },
  { name: 'Migration20261128100000_fund_guarantee_borrower_client', class: Migration20261128100000_fund_guarantee_borrower_client },
  { name: 'Migration20261208100000_loan_principal_not_yet_overdue', class: Migration20261208100000_loan_principal_not_yet_overdue },
  { name: 'Migration20261208110000_loan_fillfactor', class: Migration20261208110000_loan_fillfactor },
];

import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127100000_access } from './Migration20261127100000_access';
import { Migration20261127110000_territory } from './Migration20261127110000_territory';
import { Migration20261127120000_observatory } from './Migration20261127120000_observatory';
import { Migration20261127130000_registry_history } from './Migration20261127130000_registry_history';
import { Migration20261127131000_statistical_areas } from './Migration20261127131000_statistical_areas';
import { Migration20261127132000_indicators } from './Migration20261127132000_indicators';
import { Migration20261127133000_import_runs } from './Migration20261127133000_import_runs';
import { Migration20261127139000_committee_role } from './Migration20261127139000_committee_role';

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
];

import type { MigrationObject } from '@mikro-orm/core';

/**
 * Every hub migration in order. Listed explicitly (not found by glob) so the same list works
 * from TypeScript sources in tests and from compiled JavaScript at run time.
 */
export const migrationsList: MigrationObject[] = [];

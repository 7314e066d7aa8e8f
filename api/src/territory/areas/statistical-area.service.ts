import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../shared/errors';
import { StatisticalArea } from './statistical-area.entity';
import { isAreaCode, StatisticalAreaLevel } from './statistical-area-level';

const NUTS_LEVELS = [StatisticalAreaLevel.NUTS2, StatisticalAreaLevel.NUTS3];

/** Throws the hub's BAD_USER_INPUT when `code` is not shaped like a statistical-area code. */
export function assertAreaCode(code: string, field: string[]): void {
  if (!isAreaCode(code)) {
    throw badInput('INVALID_AREA_CODE', `"${code}" is not an area code: use PL, a TERYT code (2, 4 or 7 digits) or NUTS: and a Polish NUTS 2 or 3 code (e.g. NUTS:PL213)`, field);
  }
}

export const areaNotFound = (code: string, field: string[]) => notFound('STATISTICAL_AREA_NOT_FOUND', `No statistical area has the code ${code}`, field);

/** The NUTS areas of one level (or both), in code order. */
export async function listNutsAreas(em: EntityManager, level: StatisticalAreaLevel | null | undefined, field: string[]): Promise<StatisticalArea[]> {
  if (level != null && !NUTS_LEVELS.includes(level)) throw badInput('INVALID_NUTS_LEVEL', `level must be NUTS2 or NUTS3, got ${level}`, field);
  return em.find(StatisticalArea, { level: { $in: level ? [level] : NUTS_LEVELS } }, { orderBy: { code: 'asc' } });
}

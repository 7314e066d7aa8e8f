import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { badInput, notFound } from '../shared/errors';
import type { PageWindow } from '../shared/relay';
import { TerritorialUnit } from './territorial-unit.entity';
import { TerritorialLevel } from './territorial-level';
import { codeAndAncestors, isTerytCode } from './teryt-code';

/** Throws the hub's BAD_USER_INPUT when `code` is not shaped like a TERYT code (or PL). */
export function assertTerytCode(code: string, field: string[]): void {
  if (!isTerytCode(code)) {
    throw badInput('INVALID_TERYT_CODE', `"${code}" is not a TERYT code: use PL, or 2 digits (voivodeship), 4 (powiat) or 7 (gmina with its type digit)`, field);
  }
}

export const territoryNotFound = (code: string, field: string[]) => notFound('TERRITORY_NOT_FOUND', `No territorial unit has the TERYT code ${code}`, field);

/**
 * The finest unit the database holds for a code: the unit itself, else its powiat, voivodeship or
 * the country. With the built-in territory (voivodeships only) a gmina maps to its voivodeship.
 * Returns null for a malformed code or when not even the country exists.
 */
export async function findUnitOrAncestor(em: EntityManager, code: string): Promise<TerritorialUnit | null> {
  return (await findUnitsOrAncestors(em, [code])).get(code) ?? null;
}

/** `findUnitOrAncestor` for many codes in one query; codes that resolve to nothing are absent from the map. */
export async function findUnitsOrAncestors(em: EntityManager, codes: readonly string[]): Promise<Map<string, TerritorialUnit>> {
  const wellFormed = [...new Set(codes)].filter(isTerytCode);
  const candidates = [...new Set(wellFormed.flatMap(codeAndAncestors))];
  const found = new Map((await em.find(TerritorialUnit, { terytCode: { $in: candidates } })).map((u) => [u.terytCode, u]));
  const out = new Map<string, TerritorialUnit>();
  for (const code of wellFormed) {
    const unit = codeAndAncestors(code).map((c) => found.get(c)).find((u) => u !== undefined);
    if (unit) out.set(code, unit);
  }
  return out;
}

export interface UnitListFilter {
  level?: TerritorialLevel | null;
  parentTerytCode?: string | null;
}

/** One page of units in TERYT code order, with the total. */
export async function listUnits(em: EntityManager, filter: UnitListFilter, window: PageWindow): Promise<{ units: TerritorialUnit[]; total: number }> {
  const where: FilterQuery<TerritorialUnit> = {};
  if (filter.level) where.level = filter.level;
  if (filter.parentTerytCode) where.parent = filter.parentTerytCode;
  // MikroORM reads limit 0 as "no limit": a zero-size page only counts.
  if (window.limit === 0) return { units: [], total: await em.count(TerritorialUnit, where) };
  const [units, total] = await em.findAndCount(TerritorialUnit, where, { orderBy: { terytCode: 'asc' }, limit: window.limit, offset: window.offset });
  return { units, total };
}

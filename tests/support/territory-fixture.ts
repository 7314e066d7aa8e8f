import type { EntityManager } from '@mikro-orm/postgresql';
import { TerritorialUnit } from '../../api/src/territory';

/** A unit below the built-in voivodeships: [TERYT code, name, parent's code] — 4 digits a powiat, 7 an (urban) gmina. */
export type FixtureUnit = readonly [terytCode: string, name: string, parent: string];

/**
 * Adds powiats and gminas under the built-in Poland and voivodeships (what `importTerritory` loads
 * without a data directory), so a test can seat entities there without the whole TERYT register.
 */
export async function addTerritorialUnits(em: EntityManager, units: readonly FixtureUnit[]): Promise<void> {
  for (const [terytCode, name, parent] of units) {
    const gmina = terytCode.length === 7;
    em.create(TerritorialUnit, { terytCode, name, level: gmina ? 'GMINA' : 'POWIAT', parent, gminaType: gmina ? 'URBAN' : null, isCityWithPowiatRights: false } as never);
  }
  await em.flush();
}

import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StatisticalArea } from './statistical-area.entity';
import { StatisticalAreaMember } from './statistical-area-member.entity';
import { StatisticalAreaLevel } from './statistical-area-level';

export interface UnitNuts {
  nuts2: StatisticalArea | null;
  nuts3: StatisticalArea | null;
}

/** Per-request loaders for statistical areas; part of the territory loaders. */
export function createStatisticalAreaLoaders(em: EntityManager) {
  return {
    /** A statistical area by code (TERYT code, PL, or NUTS:<code>); null when there is none. */
    areaByCode: new DataLoader<string, StatisticalArea | null>(async (codes) => {
      const areas = await em.find(StatisticalArea, { code: { $in: [...codes] } });
      const byCode = new Map(areas.map((a) => [a.code, a]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),

    /** The NUTS-3 and NUTS-2 areas a territorial unit lies in (both null for voivodeships, the country, or unmapped units). */
    nutsByUnitCode: new DataLoader<string, UnitNuts>(async (codes) => {
      const members = await em.find(
        StatisticalAreaMember,
        { unit: { $in: [...codes] }, area: { level: { $in: [StatisticalAreaLevel.NUTS2, StatisticalAreaLevel.NUTS3] } } },
        { populate: ['area'], strategy: 'joined' },
      );
      const byUnit = new Map<string, UnitNuts>(codes.map((c) => [c, { nuts2: null, nuts3: null }]));
      for (const m of members) {
        const entry = byUnit.get(m.unit.terytCode);
        if (!entry) continue;
        if (m.area.level === StatisticalAreaLevel.NUTS3) entry.nuts3 = m.area;
        else entry.nuts2 = m.area;
      }
      return codes.map((c) => byUnit.get(c)!);
    }),
  };
}

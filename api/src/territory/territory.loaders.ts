import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TerritorialUnit } from './territorial-unit.entity';
import { PopulationFigure } from './population-figure.entity';
import { createStatisticalAreaLoaders } from './areas/statistical-area.loaders';

/**
 * Per-request loaders of the territory module: each turns all the loads of one tick into one
 * SQL statement, so nesting units in lists never multiplies queries.
 */
export function createTerritoryLoaders(em: EntityManager) {
  return {
    /** A unit by TERYT code; null when no unit has it. */
    unitByCode: new DataLoader<string, TerritorialUnit | null>(async (codes) => {
      const units = await em.find(TerritorialUnit, { terytCode: { $in: [...codes] } });
      const byCode = new Map(units.map((u) => [u.terytCode, u]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),

    /** The units directly inside a unit, by code order. */
    childrenByCode: new DataLoader<string, TerritorialUnit[]>(async (codes) => {
      const units = await em.find(TerritorialUnit, { parent: { $in: [...codes] } }, { orderBy: { terytCode: 'asc' } });
      const byParent = new Map<string, TerritorialUnit[]>(codes.map((c) => [c, []]));
      for (const unit of units) byParent.get(unit.parent!.terytCode)?.push(unit);
      return codes.map((c) => byParent.get(c)!);
    }),

    /** Every population figure of a unit, oldest year first. */
    populationsByCode: new DataLoader<string, PopulationFigure[]>(async (codes) => {
      const figures = await em.find(PopulationFigure, { unit: { $in: [...codes] } }, { orderBy: { year: 'asc' } });
      const byUnit = new Map<string, PopulationFigure[]>(codes.map((c) => [c, []]));
      for (const figure of figures) byUnit.get(figure.unit.terytCode)?.push(figure);
      return codes.map((c) => byUnit.get(c)!);
    }),

    /** Statistical areas: `areaByCode`, `nutsByUnitCode`. */
    ...createStatisticalAreaLoaders(em),
  };
}

export type TerritoryLoaders = ReturnType<typeof createTerritoryLoaders>;

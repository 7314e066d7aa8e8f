import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AnnualReport } from './annual-report.entity';

/** The reports of one entity, for the listed years (null: all years). */
export interface ReportsKey {
  entityId: string;
  years: number[] | null;
}

/** The annual reports of many entities in one query, ordered by year within each entity. */
export async function reportsOf(em: EntityManager, entityIds: readonly string[], years: readonly number[] | null): Promise<Map<string, AnnualReport[]>> {
  const result = new Map<string, AnnualReport[]>(entityIds.map((id) => [id, []]));
  if (!entityIds.length || years?.length === 0) return result;
  const reports = await em.find(
    AnnualReport,
    { entity: { $in: [...new Set(entityIds)] }, ...(years ? { year: { $in: [...years] } } : {}) },
    { orderBy: { entity: 'asc', year: 'asc' } },
  );
  for (const report of reports) result.get(report.entity.id)?.push(report);
  return result;
}

/** Per-request loaders of annual reports. */
export function createReportLoaders(em: EntityManager) {
  return {
    /** `SocialEconomyEntity.reports`: every entity of a list asking for the same years shares one query. */
    reportsByEntity: new DataLoader<ReportsKey, AnnualReport[], string>(
      async (keys) => {
        const groups = new Map<string, ReportsKey[]>();
        for (const key of keys) {
          const group = JSON.stringify(key.years);
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const answers = new Map<ReportsKey, AnnualReport[]>();
        for (const group of groups.values()) {
          const found = await reportsOf(em, group.map((k) => k.entityId), group[0].years);
          for (const key of group) answers.set(key, found.get(key.entityId) ?? []);
        }
        return keys.map((key) => answers.get(key)!);
      },
      { cacheKeyFn: (key) => JSON.stringify([key.entityId, key.years]) },
    ),

    /** A report by its UUID (for `node(id:)`); null when there is none. */
    reportById: new DataLoader<string, AnnualReport | null>(async (ids) => {
      const wanted = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).map((id) => id.toLowerCase()))];
      const found = wanted.length ? await em.find(AnnualReport, { id: { $in: wanted } }) : [];
      const byId = new Map(found.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}

export type ReportLoaders = ReturnType<typeof createReportLoaders>;

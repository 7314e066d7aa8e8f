import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageWindow } from '../../shared/relay';
import { SocialEconomyEntity } from './social-economy-entity.entity';
import type { EntityFilter } from './entity-filter.input';
import { pageEntitiesWithin, type EntityPage } from './entities-within';
import { createHistoryLoaders } from './history/history.loaders';
import { createReportLoaders } from '../reports/annual-report.loaders';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** A request for one page of the entities within one unit. */
export interface EntitiesWithinKey {
  terytCode: string;
  filter: EntityFilter;
  window: PageWindow;
}

/** Per-request loaders of the registry, its history and its annual reports. */
export function createRegistryLoaders(em: EntityManager) {
  return {
    ...createHistoryLoaders(em),
    ...createReportLoaders(em),

    /** An entity by its UUID; null when there is none (or the key is not a UUID, e.g. a CMS typo). */
    entityById: new DataLoader<string, SocialEconomyEntity | null>(async (ids) => {
      const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const found = wanted.length ? await em.find(SocialEconomyEntity, { id: { $in: wanted } }) : [];
      const byId = new Map(found.map((e) => [e.id, e]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),

    /**
     * Pages of entities within units (`TerritorialUnit.entities`). All keys of one tick that share
     * a filter and window — every unit of a list — are answered by one SQL statement.
     */
    entitiesWithin: new DataLoader<EntitiesWithinKey, EntityPage, string>(
      async (keys) => {
        const groups = new Map<string, EntitiesWithinKey[]>();
        for (const key of keys) {
          const group = JSON.stringify([key.filter, key.window]);
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const answers = new Map<EntitiesWithinKey, EntityPage>();
        for (const group of groups.values()) {
          const { filter, window } = group[0];
          const pages = await pageEntitiesWithin(em, group.map((k) => k.terytCode), filter, window);
          for (const key of group) answers.set(key, pages.get(key.terytCode)!);
        }
        return keys.map((key) => answers.get(key)!);
      },
      { cacheKeyFn: (key) => JSON.stringify([key.terytCode, key.filter, key.window]) },
    ),
  };
}

export type RegistryLoaders = ReturnType<typeof createRegistryLoaders>;

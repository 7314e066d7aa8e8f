import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate } from '../../../shared/dates';
import type { EntityState } from './entity-state.entity';
import type { RegistryEvent } from './registry-event.entity';
import { RegistryHistoryService } from './registry-history.service';

/** One entity's history at one point of record time, optionally only the version valid on a date. */
export interface StatusHistoryKey {
  entityId: string;
  validAt: CalendarDate | null;
  /** ISO instant, or null for current knowledge. */
  recordedAt: string | null;
}

/** Per-request loaders of the registry history: every entity of a list is answered by one statement. */
export function createHistoryLoaders(em: EntityManager) {
  const service = new RegistryHistoryService(em);
  return {
    statusHistory: new DataLoader<StatusHistoryKey, EntityState[], string>(
      async (keys) => {
        const groups = new Map<string, StatusHistoryKey[]>();
        for (const key of keys) {
          const group = JSON.stringify([key.validAt, key.recordedAt]);
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const answers = new Map<StatusHistoryKey, EntityState[]>();
        for (const group of groups.values()) {
          const { validAt, recordedAt } = group[0];
          const history = await service.historyAsOf(
            group.map((k) => k.entityId),
            { validAt, recordedAt: recordedAt ? new Date(recordedAt) : null },
          );
          for (const key of group) answers.set(key, history.get(key.entityId) ?? []);
        }
        return keys.map((key) => answers.get(key)!);
      },
      { cacheKeyFn: (key) => JSON.stringify([key.entityId, key.validAt, key.recordedAt]) },
    ),

    eventsByEntity: new DataLoader<string, RegistryEvent[]>(async (entityIds) => {
      const events = await service.eventsOf(entityIds);
      return entityIds.map((id) => events.get(id) ?? []);
    }),
  };
}

export type HistoryLoaders = ReturnType<typeof createHistoryLoaders>;

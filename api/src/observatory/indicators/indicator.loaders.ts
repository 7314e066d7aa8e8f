import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IndicatorService } from './indicator.service';
import { IndicatorBreakdown, type IndicatorValue } from './indicator.types';

export interface AreaIndicatorKey {
  code: string;
  areaCode: string;
  reveal: boolean;
}

/** Per-request loaders: an indicator's TOTAL figures for many areas in one query, ordered by year. */
export function createIndicatorLoaders(em: EntityManager) {
  return {
    totalsByArea: new DataLoader<AreaIndicatorKey, IndicatorValue[], string>(
      async (keys) => {
        const service = new IndicatorService(em);
        const byReveal = new Map<boolean, readonly IndicatorValue[]>();
        for (const reveal of new Set(keys.map((k) => k.reveal))) {
          const subset = keys.filter((k) => k.reveal === reveal);
          byReveal.set(
            reveal,
            await service.values(
              { indicatorCodes: [...new Set(subset.map((k) => k.code))], areaCodes: [...new Set(subset.map((k) => k.areaCode))], breakdown: IndicatorBreakdown.TOTAL },
              { revealSuppressed: reveal },
            ),
          );
        }
        return keys.map((k) => (byReveal.get(k.reveal) ?? []).filter((v) => v.indicatorCode === k.code && v.areaCode === k.areaCode));
      },
      { cacheKeyFn: (k) => `${k.code}|${k.areaCode}|${k.reveal}` },
    ),
  };
}

export type IndicatorLoaders = ReturnType<typeof createIndicatorLoaders>;

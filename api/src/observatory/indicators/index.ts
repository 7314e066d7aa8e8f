import type { HubModule } from '../../shared/module';
import type { HubContext } from '../../context';
import { IndicatorResolver, IndicatorValueResolver, TerritorialUnitIndicatorResolver } from './indicator.resolver';
import { createIndicatorLoaders, type IndicatorLoaders } from './indicator.loaders';

export { refreshIndicators, syncStarterIndicators, type RefreshOptions, type RefreshReport } from './refresh/refresh-indicators';
export { IndicatorService, type ValueQuery } from './indicator.service';
export { Indicator, IndicatorValue, IndicatorBreakdown, DataVersion, SuppressionReason } from './indicator.types';
export { IndicatorValuesCache, indicatorValuesCache, configureIndicatorCache, DEFAULT_INDICATOR_CACHE_ROWS } from './values-cache';
// Shared with diagnostics, which publishes survey indicators into the same versioned rollup.
export { openDataVersion, publishDataVersion, type OpenedDataVersion } from './refresh/data-version';
export { SURVEY_MEASURE_KIND, type SurveyMeasure } from './definitions/measure';
export { STARTER_INDICATORS, type IndicatorDefinitionData } from './definitions/starter-indicators';

/** Observatory indicators: definitions as data, rollups per data version, disclosure control. */
export const indicatorsModule: HubModule<IndicatorLoaders, HubContext> & { createLoaders: typeof createIndicatorLoaders } = {
  name: 'indicators',
  entities: [],
  resolvers: [IndicatorResolver, IndicatorValueResolver, TerritorialUnitIndicatorResolver],
  createLoaders: createIndicatorLoaders,
};

import type { HubModule } from '../shared/module';
import type { HubContext } from '../context';
import { SocialEconomyEntity } from './registry/social-economy-entity.entity';
import { EntityState } from './registry/history/entity-state.entity';
import { RegistryEvent } from './registry/history/registry-event.entity';
import { AnnualReport } from './reports/annual-report.entity';
import { EntityHistoryResolver, EntityStateResolver, RegistryEventResolver } from './registry/history/entity-history.resolver';
import { AnnualReportResolver, EntityReportsResolver } from './reports/annual-report.resolver';
import { SocialEconomyEntityResolver, TerritorialUnitEntitiesResolver } from './registry/registry.resolver';
import { createRegistryLoaders, type RegistryLoaders } from './registry/registry.loaders';
import { ImportRun } from './import/import-run.entity';
import { RegistryImportResolver } from './import/registry-import.resolver';

export { SocialEconomyEntity } from './registry/social-economy-entity.entity';
export { LegalForm, SocialEconomyEntityStatus } from './registry/legal-form';
export { EntityState } from './registry/history/entity-state.entity';
export { RegistryEvent } from './registry/history/registry-event.entity';
export { RegistryEventKind } from './registry/history/registry-event-kind';
export { applyEvent, replayEvents, diffTimelines, isRetroactive, versionAt, TimelineError, type EntityFacts, type TimelineVersion, type TimelineEvent, type RecordedTimelineEvent, type RegistryEventDetails } from './registry/history/timeline';
export { RegistryHistoryService, type EntityEventInput, type RecordEventOptions, type RecordedEvent, type RecordEventsResult, type AsOf } from './registry/history/registry-history.service';
export { foldForSearch } from './registry/search-name';
export { PkdSection, isPkdCode, sectionOf, divisionsOf } from './registry/pkd';
export { AnnualReport, ExcludedEmployment } from './reports/annual-report.entity';
export { reportsOf } from './reports/annual-report.loaders';
export { SocialEconomyEntityFilter, RegistryAsOfInput, normaliseFilter, type EntityFilter } from './registry/entity-filter.input';
export { SocialEconomyEntityConnection } from './registry/registry.resolver';
export { pageEntitiesWithin, type EntityPage } from './registry/entities-within';
export { createRegistryLoaders, type RegistryLoaders, type EntitiesWithinKey } from './registry/registry.loaders';
export { findEntity, type EntityLookup } from './registry/registry.service';
export { seedDemoRegistry, type SeedDemoRegistryOptions, type SeedDemoRegistryResult } from './demo/seed-demo-registry';
export { FEATURED_ENTITIES, type FeaturedEntity } from './demo/featured';
export { generateDemoRegistry, planDemoRegistry, territorySample, NGO_SAMPLE_RATE, type DemoEntityRecord, type DemoGroup, type TerritorySample, type SampleUnit } from './demo/generate-registry';
export { indicatorsModule, refreshIndicators, IndicatorService, configureIndicatorCache, indicatorValuesCache, SuppressionReason, IndicatorBreakdown, STARTER_INDICATORS, type RefreshReport } from './indicators';
export { loadCalibration, parseCalibrationCsv, CALIBRATION_FILE, BUILTIN_CALIBRATION, type DemoCalibration, type CitedFigure } from './demo/calibration';
export { importRegistryFiles, MAX_REPORTED_ERRORS, type RegistryImportFile, type RegistryImportOptions, type RegistryImportResult, type ImportReport, type ImportProblem, type ImportProgress, type ImportPhase } from './import/registry-import.service';
export { ImportRun, ImportKind, ImportChannel } from './import/import-run.entity';
export { ImportFormat } from './import/table';
export { ImportRowErrorCode, RegistryImportErrorCode, type ImportRowError } from './import/messages';
export { parseMoney } from './import/values';
export { runRegistryImportCommand, IMPORT_USAGE, type ImportCommandIo } from './import/import-command';

/** Observatory: the registry of social economy entities (first cut) and its demo data. */
export const observatoryModule: HubModule<RegistryLoaders, HubContext> & { createLoaders: typeof createRegistryLoaders } = {
  name: 'observatory',
  entities: [SocialEconomyEntity, EntityState, RegistryEvent, AnnualReport, ImportRun],
  resolvers: [SocialEconomyEntityResolver, TerritorialUnitEntitiesResolver, EntityHistoryResolver, EntityStateResolver, RegistryEventResolver, EntityReportsResolver, AnnualReportResolver, RegistryImportResolver],
  createLoaders: createRegistryLoaders,
  nodeFetchers: {
    SocialEconomyEntity: (ids, ctx) => Promise.all(ids.map((id) => ctx.loaders.observatory.entityById.load(id))),
    AnnualReport: (ids, ctx) => Promise.all(ids.map((id) => ctx.loaders.observatory.reportById.load(id))),
  },
};

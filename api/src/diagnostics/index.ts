export * from './instruments/expression';
export * from './instruments/instrument-model';
export * from './instruments/validate-answers';
export * from './instruments/xlsform';
export * from './instruments/builtin-instruments';
export * from './instruments/instrument.service';
export * from './campaigns/campaign.service';
export * from './results/aggregate-results';
export * from './results/benchmark';
export * from './results/align-waves';
export * from './results/results-cache';
export * from './privacy/privacy.service';
export * from './privacy/retention-command';
export { configurePseudonymKey, pseudonymKeyConfigured } from './privacy/pseudonym';
export { DiagnosticsError, DiagnosticsErrorCode } from './diagnostics-errors';
export * from './strategy/local-strategy.service';
export { renderStrategyPdf } from './strategy/render-strategy-pdf';
export { createDiagnosticsRouter, type DiagnosticsRouterDeps } from './web/survey-form.router';
export { DiagnosticsResolver } from './diagnostics.resolver';

import type { HubModule } from '../shared/module';
import type { HubContext } from '../context';
import { DiagnosticsResolver as Resolver, InstrumentVersionResolver } from './diagnostics.resolver';

/** Diagnostics: survey instruments, campaigns, scoring and benchmarks, results under disclosure control, privacy, local strategies. */
export const diagnosticsModule = {
  name: 'diagnostics',
  entities: [],
  resolvers: [Resolver, InstrumentVersionResolver],
} satisfies HubModule<never, HubContext>;
export * from './results/publish-indicator';

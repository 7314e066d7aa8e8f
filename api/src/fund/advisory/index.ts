export { AdvisoryCase, AdvisorySession, AdvisoryOutcome, hoursToMinutes, minutesToHours } from './advisory-case.entity';
export { AdvisoryKind, AdvisorySessionMode, AdvisoryOutcomeKind } from './advisory-enums';
export { AdvisoryErrorCode, advisoryMessages } from './advisory-messages';
export { AdvisoryService, type AdvisoryCaseOpening, type AdvisorySessionRecording, type AdvisoryOutcomeRecording, type AdvisoryCaseFilter, type AdvisorTotals as AdvisorTotalsRow } from './advisory.service';
export { AdvisoryCaseResolver, AdvisoryOutcomeResolver } from './advisory.resolver';

export { GUS_RULE, type AdditiveGroup, type CellDisclosure, type DisclosureCell, type DisclosureRule, type DisclosureTable, type MeasureAggregate, type SuppressionReason } from './types';
export { primaryReason, cellPrimaryReason } from './primary-rule';
export { DisclosureInputError } from './cell-table';
export { suppressCells, emptySuppressionStats, type SuppressionOptions, type SuppressionStats } from './suppress-cells';
export { comparisonsAllowed, referenceAllowed, rankPublishedSiblings, type SiblingValue } from './comparisons';

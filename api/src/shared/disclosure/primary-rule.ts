import { GUS_RULE, type DisclosureCell, type DisclosureRule, type MeasureAggregate } from './types';

/**
 * The primary rule for one aggregate of units: FEW_UNITS when 1..minUnits-1 units make it,
 * DOMINANCE when one unit holds more than maxShare of some measure's (positive) sum, else null.
 * An empty aggregate (0 units) passes: it says nothing about any unit, and which places have no
 * entity is public anyway (the registry is).
 */
export function primaryReason(contributors: number, measures: Iterable<MeasureAggregate>, rule: DisclosureRule = GUS_RULE): 'FEW_UNITS' | 'DOMINANCE' | null {
  if (contributors === 0) return null;
  if (contributors < rule.minUnits) return 'FEW_UNITS';
  for (const m of measures) if (m.sum > 0 && m.max > rule.maxShare * m.sum) return 'DOMINANCE';
  return null;
}

/** The primary rule applied to a cell. */
export const cellPrimaryReason = (cell: DisclosureCell, rule: DisclosureRule = GUS_RULE) => primaryReason(cell.contributors, Object.values(cell.measures), rule);

/**
 * Types of the disclosure-control library: what one indicator's table looks like to it, and what
 * it decides for every cell.
 */

/** Why a cell is not published. */
export type SuppressionReason = 'FEW_UNITS' | 'DOMINANCE' | 'SECONDARY';

/**
 * An additive quantity the units contribute to a cell: the sum of their contributions and the
 * largest single contribution. For a signed quantity (a financial result) give the sum and the
 * largest of the ABSOLUTE contributions, as the dominance rule is about magnitudes. Public
 * denominators (population) are not contributions of units and are left out.
 */
export interface MeasureAggregate {
  sum: number;
  max: number;
}

export interface DisclosureCell {
  /** Any string; unique in the table. The caller's own cell key (e.g. `area|year|breakdown|category`). */
  key: string;
  /** How many units (entities) contribute to the cell. */
  contributors: number;
  /** Additive measures by name; a cell without a measure another cell has counts it as 0. */
  measures: Readonly<Record<string, MeasureAggregate>>;
}

/**
 * A linear relation an attacker knows: `total` equals the sum of `parts`, for contributors and
 * every measure, and the parts partition the total's units (no unit sits in two parts). A part
 * may itself be the total of other groups (area hierarchies, area × category tables). A key that
 * is not among the cells is an empty cell (no units).
 */
export interface AdditiveGroup {
  total: string;
  parts: readonly string[];
}

export interface DisclosureTable {
  cells: readonly DisclosureCell[];
  groups: readonly AdditiveGroup[];
  /**
   * Cells that are never published (e.g. the units of a powiat whose gmina is unknown, a part that
   * only makes a group add up). They are unknowns to an attacker like suppressed cells, and the
   * result says nothing about them.
   */
  residualKeys?: Iterable<string>;
}

/** The decision for one cell. A suppressed cell is published with its reason and never its value. */
export interface CellDisclosure {
  readonly suppressed: boolean;
  readonly reason: SuppressionReason | null;
}

/** Thresholds of the primary rule. */
export interface DisclosureRule {
  /** A non-empty cell built from fewer units than this is suppressed. */
  minUnits: number;
  /** A cell in which one unit contributes more than this share of a measure's sum is suppressed. */
  maxShare: number;
}

/**
 * Public Statistics Act (ustawa o statystyce publicznej), art. 38, as GUS applies it: no figure
 * from fewer than 3 units, nor one in which a single unit holds more than 75 %.
 */
export const GUS_RULE: Readonly<DisclosureRule> = Object.freeze({ minUnits: 3, maxShare: 0.75 });

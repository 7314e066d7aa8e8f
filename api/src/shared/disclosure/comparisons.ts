import type { CellDisclosure } from './types';

/*
 * Values stored beside a cell that come from OTHER cells (previous year, parent area, the country,
 * rank among siblings). Each is an equation an attacker could use, so each is published only when
 * the cells it is computed from are: then it tells nothing the published table does not.
 */

const published = (d: CellDisclosure | undefined): boolean => d !== undefined && !d.suppressed;

/**
 * `previous_value` and `change` of a cell: only when the cell and the same cell a year earlier are
 * both published. (Years are different populations, not additive, so they share no group; the
 * change is the only link between them.)
 */
export const comparisonsAllowed = (current: CellDisclosure | undefined, previous: CellDisclosure | undefined): boolean => published(current) && published(previous);

/**
 * `parent_value` / `national_value`: only when that reference cell is published (shown on a
 * published cell; readers hide every comparison of a suppressed cell anyway).
 */
export const referenceAllowed = (cell: CellDisclosure | undefined, reference: CellDisclosure | undefined): boolean => published(cell) && published(reference);

export interface SiblingValue {
  key: string;
  value: number | null;
  disclosure: CellDisclosure | undefined;
}

/**
 * `sibling_rank` / `sibling_count`: ranks (1 = highest value, ties share a rank) among the
 * PUBLISHED siblings with a value only — a rank among all siblings would bound a suppressed
 * sibling's value between its neighbours'.
 */
export function rankPublishedSiblings(siblings: readonly SiblingValue[]): Map<string, { rank: number; count: number }> {
  const ranked = siblings.filter((s): s is SiblingValue & { value: number } => published(s.disclosure) && s.value !== null).sort((a, b) => b.value - a.value);
  const result = new Map<string, { rank: number; count: number }>();
  ranked.forEach((s, i) => {
    const rank = i > 0 && ranked[i - 1].value === s.value ? result.get(ranked[i - 1].key)!.rank : i + 1;
    result.set(s.key, { rank, count: ranked.length });
  });
  return result;
}

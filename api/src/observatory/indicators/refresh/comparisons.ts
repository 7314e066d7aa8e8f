import { comparisonsAllowed, rankPublishedSiblings, type CellDisclosure, type SiblingValue } from '../../../shared/disclosure';
import type { RawCell } from './compute-cells';

export interface ComparedCell {
  cell: RawCell;
  value: number | null;
  suppressed: boolean;
  siblingRank: number | null;
  siblingCount: number | null;
  previousValue: number | null;
  change: number | null;
}

/**
 * Comparisons stored with each figure, under the disclosure library's rules: ranks among published
 * siblings (same parent and level) only, and a change only when both years are published, so a
 * hidden cell's value never reaches another cell. (Parent and national figures are read from their
 * own rows when served.)
 */
export function compareCells(cells: { cell: RawCell; value: number | null; suppressed: boolean }[]): ComparedCell[] {
  const key = (area: string, year: number, breakdown: string, category: string) => `${area}|${year}|${breakdown}|${category}`;
  const disclosure = (c: { suppressed: boolean }): CellDisclosure => ({ suppressed: c.suppressed, reason: null });
  const byKey = new Map(cells.map((c) => [key(c.cell.area_code, c.cell.year, c.cell.breakdown, c.cell.category), c]));

  const siblings = new Map<string, SiblingValue[]>();
  cells.forEach((c, index) => {
    if (!c.cell.parent_code) return;
    const group = `${c.cell.parent_code}|${c.cell.area_level}|${c.cell.year}|${c.cell.breakdown}|${c.cell.category}`;
    const list = siblings.get(group) ?? [];
    list.push({ key: String(index), value: c.value, disclosure: disclosure(c) });
    siblings.set(group, list);
  });
  const rank = new Map<string, { rank: number; count: number }>();
  for (const list of siblings.values()) for (const [k, r] of rankPublishedSiblings(list)) rank.set(k, r);

  return cells.map((c, index) => {
    const { area_code, year, breakdown, category } = c.cell;
    const before = byKey.get(key(area_code, year - 1, breakdown, category));
    const previous = before && comparisonsAllowed(disclosure(c), disclosure(before)) ? before.value : null;
    const r = rank.get(String(index));
    return {
      ...c,
      siblingRank: r?.rank ?? null,
      siblingCount: r?.count ?? null,
      previousValue: previous,
      change: previous !== null && c.value !== null ? c.value - previous : null,
    };
  });
}

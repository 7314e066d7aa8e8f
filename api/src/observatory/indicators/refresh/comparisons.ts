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
 * Comparisons stored with each figure, computed from published figures only: a hidden cell's
 * value never reaches another cell as a rank or a change. (Parent and national figures are read
 * from their own rows when served.)
 * Ranks are among published siblings (same parent and level), highest value first, ties sharing a rank.
 */
export function compareCells(cells: { cell: RawCell; value: number | null; suppressed: boolean }[]): ComparedCell[] {
  const key = (area: string, year: number, breakdown: string, category: string) => `${area}|${year}|${breakdown}|${category}`;
  const published = new Map<string, number | null>();
  for (const c of cells) if (!c.suppressed) published.set(key(c.cell.area_code, c.cell.year, c.cell.breakdown, c.cell.category), c.value);

  const siblings = new Map<string, { index: number; value: number }[]>();
  cells.forEach((c, index) => {
    if (c.suppressed || c.value === null || !c.cell.parent_code) return;
    const group = `${c.cell.parent_code}|${c.cell.area_level}|${c.cell.year}|${c.cell.breakdown}|${c.cell.category}`;
    const list = siblings.get(group) ?? [];
    list.push({ index, value: c.value });
    siblings.set(group, list);
  });
  const rank = new Map<number, { rank: number; count: number }>();
  for (const list of siblings.values()) {
    list.sort((a, b) => b.value - a.value);
    list.forEach((s, i) => rank.set(s.index, { rank: i > 0 && list[i - 1].value === s.value ? rank.get(list[i - 1].index)!.rank : i + 1, count: list.length }));
  }

  return cells.map((c, index) => {
    const { area_code, year, breakdown, category } = c.cell;
    const previous = c.suppressed ? null : (published.get(key(area_code, year - 1, breakdown, category)) ?? null);
    const r = rank.get(index);
    return {
      ...c,
      siblingRank: r?.rank ?? null,
      siblingCount: r?.count ?? null,
      previousValue: previous,
      change: previous !== null && c.value !== null ? c.value - previous : null,
    };
  });
}

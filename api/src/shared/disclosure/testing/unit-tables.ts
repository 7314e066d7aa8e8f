import type { AdditiveGroup, DisclosureCell, DisclosureTable } from '../types';

/*
 * Test support: tables built from individual units, so tests know the truth an attacker is after —
 * which units make every cell — and totals are true sums by construction.
 */

/** An area and, per hierarchy it belongs to, the area it sums into (`{ teryt: '02', nuts: 'NUTS:PL51' }`). */
export interface Area {
  code: string;
  parents: Record<string, string>;
}

/** One entity's report in one year: where its seat is, its category in each breakdown, its value. */
export interface Unit {
  id: string;
  year: number;
  /** The finest area it sits in (a leaf of the area hierarchies). */
  area: string;
  categories: Record<string, string>;
  value: number;
}

export interface TableSpec {
  areas: Area[];
  /** Breakdown → its categories; every cell also has the overall TOTAL/TOTAL column. */
  breakdowns: Record<string, string[]>;
  years: number[];
  units: Unit[];
}

export interface UnitTable {
  table: DisclosureTable;
  /** The units in each cell. */
  unitsOf: Map<string, Unit[]>;
  cellsOf: { key: string; area: string; year: number; breakdown: string; category: string }[];
}

export const cellKey = (area: string, year: number, breakdown = 'TOTAL', category = 'TOTAL') => `${area}|${year}|${breakdown}|${category}`;

/** The aggregates a unit list gives a cell: a count (max 1) and a value. */
export function aggregateOf(units: readonly Unit[]): Pick<DisclosureCell, 'contributors' | 'measures'> {
  let sum = 0;
  let max = 0;
  for (const u of units) {
    sum += u.value;
    if (u.value > max) max = u.value;
  }
  return { contributors: units.length, measures: { count: { sum: units.length, max: units.length > 0 ? 1 : 0 }, value: { sum, max } } };
}

export function buildUnitTable(spec: TableSpec): UnitTable {
  const byCode = new Map(spec.areas.map((a) => [a.code, a]));
  const ancestors = (code: string): Set<string> => {
    const found = new Set<string>([code]);
    const stack = [code];
    while (stack.length) {
      for (const parent of Object.values(byCode.get(stack.pop()!)?.parents ?? {})) {
        if (!found.has(parent)) {
          found.add(parent);
          stack.push(parent);
        }
      }
    }
    return found;
  };
  const columns: [string, string][] = [['TOTAL', 'TOTAL'], ...Object.entries(spec.breakdowns).flatMap(([b, cats]) => cats.map((c): [string, string] => [b, c]))];

  const unitsOf = new Map<string, Unit[]>();
  const cellsOf: UnitTable['cellsOf'] = [];
  for (const area of spec.areas)
    for (const year of spec.years)
      for (const [breakdown, category] of columns) {
        const key = cellKey(area.code, year, breakdown, category);
        unitsOf.set(key, []);
        cellsOf.push({ key, area: area.code, year, breakdown, category });
      }
  for (const unit of spec.units) {
    for (const area of ancestors(unit.area))
      for (const [breakdown, category] of columns) {
        if (breakdown !== 'TOTAL' && unit.categories[breakdown] !== category) continue;
        unitsOf.get(cellKey(area, unit.year, breakdown, category))?.push(unit);
      }
  }

  const groups: AdditiveGroup[] = [];
  const children = new Map<string, string[]>();
  for (const area of spec.areas)
    for (const [hierarchy, parent] of Object.entries(area.parents)) {
      const id = `${parent}\u0000${hierarchy}`;
      children.set(id, [...(children.get(id) ?? []), area.code]);
    }
  for (const [id, kids] of children) {
    const parent = id.split('\u0000')[0];
    for (const year of spec.years)
      for (const [b, c] of columns) groups.push({ total: cellKey(parent, year, b, c), parts: kids.map((k) => cellKey(k, year, b, c)) });
  }
  for (const area of spec.areas)
    for (const year of spec.years)
      for (const [b, cats] of Object.entries(spec.breakdowns)) groups.push({ total: cellKey(area.code, year), parts: cats.map((c) => cellKey(area.code, year, b, c)) });

  const cells = cellsOf.map(({ key }) => ({ key, ...aggregateOf(unitsOf.get(key)!) }));
  return { table: { cells, groups }, unitsOf, cellsOf };
}

import { DisclosureInputError, suppressCells, type CellDisclosure, type DisclosureTable } from '.';
import { determinedByLinearAlgebra, groupEquation, substitutionBreaches } from './testing/attackers';
import { buildUnitTable, cellKey, type Area, type TableSpec, type Unit } from './testing/unit-tables';

const YEAR = 2024;
let unitId = 0;
/** `count` units of `value` each, seated in `area`, with the given categories. */
const units = (area: string, count: number, value = 10, categories: Record<string, string> = {}): Unit[] =>
  Array.from({ length: count }, () => ({ id: `u${unitId++}`, year: YEAR, area, categories, value }));
const area = (code: string, parent?: string, hierarchy = 'teryt'): Area => ({ code, parents: parent ? { [hierarchy]: parent } : {} });

/** The suppressed cells (by key, with reasons), for compact expectations. */
function hidden(decisions: Map<string, CellDisclosure>): Record<string, string> {
  return Object.fromEntries([...decisions].filter(([, d]) => d.suppressed).map(([key, d]) => [key, d.reason!]).sort());
}
const k = (code: string, breakdown?: string, category?: string) => cellKey(code, YEAR, breakdown, category);

describe('suppressCells on hand-made tables', () => {
  it('hides a gmina with one unit and the cheapest sibling, and publishes the powiat', () => {
    const spec: TableSpec = {
      areas: [area('P'), area('G1', 'P'), area('G2', 'P'), area('G3', 'P')],
      breakdowns: {},
      years: [YEAR],
      units: [...units('G1', 1), ...units('G2', 4), ...units('G3', 5)],
    };
    expect(hidden(suppressCells(buildUnitTable(spec).table))).toEqual({ [k('G1')]: 'FEW_UNITS', [k('G2')]: 'SECONDARY' });
  });

  it('publishes zeros and never hides one to protect a neighbour', () => {
    const spec: TableSpec = {
      areas: [area('P'), area('G1', 'P'), area('G2', 'P'), area('G3', 'P')],
      breakdowns: {},
      years: [YEAR],
      units: [...units('G1', 2), ...units('G3', 5)],
    };
    const decisions = suppressCells(buildUnitTable(spec).table);
    expect(decisions.get(k('G2'))).toEqual({ suppressed: false, reason: null });
    expect(hidden(decisions)).toEqual({ [k('G1')]: 'FEW_UNITS', [k('G3')]: 'SECONDARY' });
  });

  it('hides a powiat of a single gmina together with that gmina (they are one figure)', () => {
    const spec: TableSpec = {
      areas: [area('W'), area('CITY', 'W'), area('CITYG', 'CITY'), area('P', 'W'), area('G1', 'P'), area('G2', 'P')],
      breakdowns: {},
      years: [YEAR],
      units: [...units('CITYG', 2), ...units('G1', 3), ...units('G2', 4)],
    };
    expect(hidden(suppressCells(buildUnitTable(spec).table))).toEqual({ [k('CITY')]: 'FEW_UNITS', [k('CITYG')]: 'FEW_UNITS', [k('G1')]: 'SECONDARY', [k('P')]: 'SECONDARY' });
  });

  it('hides a gmina dominated by one large cooperative, with a sibling large enough to cover it', () => {
    const spec: TableSpec = {
      areas: [area('P'), area('G1', 'P'), area('G2', 'P'), area('G3', 'P')],
      breakdowns: {},
      years: [YEAR],
      units: [...units('G1', 1, 100), ...units('G1', 2, 10), ...units('G2', 4, 30), ...units('G3', 5, 30)],
    };
    // G1: 100 of 120 is 83 %. G1 + G2 = 240, of which 100 is 42 %: the attacker's difference is safe.
    expect(hidden(suppressCells(buildUnitTable(spec).table))).toEqual({ [k('G1')]: 'DOMINANCE', [k('G2')]: 'SECONDARY' });
  });

  it('skips a sibling too small to dilute a dominant unit and takes one that is large enough', () => {
    const spec: TableSpec = {
      areas: [area('P'), area('G1', 'P'), area('G2', 'P'), area('G3', 'P')],
      breakdowns: {},
      years: [YEAR],
      units: [...units('G1', 1, 1000), ...units('G1', 2, 10), ...units('G2', 3, 10), ...units('G3', 4, 1000)],
    };
    // G1 + G2 = 1050 of which 1000 is 95 %; G1 + G3 = 5020: G3 it is, although it has more units.
    expect(hidden(suppressCells(buildUnitTable(spec).table))).toEqual({ [k('G1')]: 'DOMINANCE', [k('G3')]: 'SECONDARY' });
  });

  it('hides a rectangle in an area × legal form table, so no row or column gives a cell away', () => {
    const lf = (form: string) => ({ LEGAL_FORM: form });
    const spec: TableSpec = {
      areas: [area('P'), area('G1', 'P'), area('G2', 'P'), area('G3', 'P')],
      breakdowns: { LEGAL_FORM: ['ASSOCIATION', 'SOCIAL_COOPERATIVE'] },
      years: [YEAR],
      units: [
        ...units('G1', 1, 10, lf('SOCIAL_COOPERATIVE')),
        ...units('G1', 5, 10, lf('ASSOCIATION')),
        ...units('G2', 4, 10, lf('SOCIAL_COOPERATIVE')),
        ...units('G2', 4, 10, lf('ASSOCIATION')),
        ...units('G3', 5, 10, lf('SOCIAL_COOPERATIVE')),
        ...units('G3', 6, 10, lf('ASSOCIATION')),
      ],
    };
    expect(hidden(suppressCells(buildUnitTable(spec).table))).toEqual({
      [k('G1', 'LEGAL_FORM', 'SOCIAL_COOPERATIVE')]: 'FEW_UNITS',
      [k('G1', 'LEGAL_FORM', 'ASSOCIATION')]: 'SECONDARY',
      [k('G2', 'LEGAL_FORM', 'SOCIAL_COOPERATIVE')]: 'SECONDARY',
      [k('G2', 'LEGAL_FORM', 'ASSOCIATION')]: 'SECONDARY',
    });
  });

  it('does not let a voivodeship minus a hidden powiat’s published gminas isolate a dominant unit', () => {
    // W = A + B + C. A: one unit of 100. B's gminas: b1 (1 unit, hidden), b2 (3 small units, its
    // complement), b3 (large, published). Hiding B next to A would let W − C − b3 = A + b1 + b2
    // = 104, of which 100 is 96 %. C, with more units, is the safe complement.
    const spec: TableSpec = {
      areas: [area('W'), area('A', 'W'), area('B', 'W'), area('C', 'W'), area('b1', 'B'), area('b2', 'B'), area('b3', 'B')],
      breakdowns: {},
      years: [YEAR],
      units: [...units('A', 1, 100), ...units('b1', 1, 1), ...units('b2', 3, 1), ...units('b3', 5, 200), ...units('C', 20, 50)],
    };
    const t = buildUnitTable(spec);
    const decisions = suppressCells(t.table);
    expect(hidden(decisions)).toEqual({ [k('A')]: 'FEW_UNITS', [k('b1')]: 'FEW_UNITS', [k('b2')]: 'SECONDARY', [k('C')]: 'SECONDARY' });
    expect(substitutionBreaches(t, decisions)).toEqual([]);
  });

  it('determines no cell even where going round the TERYT and NUTS hierarchies would', () => {
    // Found by the property tests: with group rules alone, V1's category C2 (2 units) followed from
    // the country's and the voivodeships' totals and categories taken together.
    const u = (id: number, a: string, category: string, value: number): Unit => ({ id: `u${id}`, year: YEAR, area: a, categories: { B0: category }, value });
    const spec: TableSpec = {
      areas: [
        area('PL'), area('V0', 'PL'), area('V1', 'PL'), area('V2', 'PL'),
        { code: 'V0P0', parents: { teryt: 'V0', nuts: 'N3a' } }, area('V0P0G0', 'V0P0'),
        { code: 'V1P0', parents: { teryt: 'V1', nuts: 'N3b' } }, area('V1P0G0', 'V1P0'), area('V1P0G1', 'V1P0'), area('V1P0G2', 'V1P0'),
        { code: 'V2P0', parents: { teryt: 'V2', nuts: 'N3a' } }, area('V2P0G0', 'V2P0'),
        area('N2', 'PL', 'nuts'), area('N3a', 'N2', 'nuts'), area('N3b', 'N2', 'nuts'),
      ],
      breakdowns: { B0: ['C0', 'C1', 'C2'] },
      years: [YEAR],
      units: [
        u(0, 'V1P0G1', 'C2', 7), u(1, 'V1P0G2', 'C1', 10), u(2, 'V2P0G0', 'C0', 8), u(3, 'V2P0G0', 'C0', 4), u(4, 'V1P0G1', 'C1', 10),
        u(5, 'V0P0G0', 'C2', 222), u(6, 'V2P0G0', 'C1', 10), u(7, 'V1P0G0', 'C0', 3), u(8, 'V1P0G1', 'C2', 4),
      ],
    };
    const t = buildUnitTable(spec);
    const decisions = suppressCells(t.table);
    const published = new Set([...decisions].filter(([, d]) => !d.suppressed).map(([key]) => key));
    expect(determinedByLinearAlgebra(t.table.groups.map(groupEquation), published)).toEqual([]);
    expect(decisions.get(k('V1', 'B0', 'C2'))).toMatchObject({ suppressed: true });
  });
});

describe('suppressCells and residual cells', () => {
  const residualTable = (): DisclosureTable => {
    const cell = (key: string, contributors: number) => ({ key, contributors, measures: { value: { sum: 10 * contributors, max: contributors ? 10 : 0 } } });
    return {
      cells: [cell('P', 8), cell('G1', 3), cell('G2', 4), cell('P:residual', 1)],
      groups: [{ total: 'P', parts: ['G1', 'G2', 'P:residual'] }],
      residualKeys: new Set(['P:residual']),
    };
  };

  it('treats a residual as hidden: a gmina is hidden so that the residual cannot be derived, and the residual has no decision', () => {
    const decisions = suppressCells(residualTable());
    expect(decisions.has('P:residual')).toBe(false);
    expect(hidden(decisions)).toEqual({ G1: 'SECONDARY' });
  });
});

describe('suppressCells input checks', () => {
  const cell = (key: string, contributors: number, sum = 10 * contributors, max = contributors ? 10 : 0) => ({ key, contributors, measures: { value: { sum, max } } });

  it('treats a key that only a group names as an empty cell', () => {
    const decisions = suppressCells({ cells: [cell('P', 5), cell('G1', 5)], groups: [{ total: 'P', parts: ['G1', 'G2'] }] });
    expect(decisions.get('G2')).toEqual({ suppressed: false, reason: null });
  });

  it.each([
    ['a key listed twice', { cells: [cell('A', 3), cell('A', 3)], groups: [] }, /listed twice/],
    ['a group whose parts do not add up to its total', { cells: [cell('P', 5), cell('G1', 3), cell('G2', 3)], groups: [{ total: 'P', parts: ['G1', 'G2'] }] }, /units/],
    ['sums that do not add up', { cells: [cell('P', 6, 70), cell('G1', 3), cell('G2', 3)], groups: [{ total: 'P', parts: ['G1', 'G2'] }] }, /sum to 60/],
    ['a negative contribution', { cells: [cell('A', 3, -5, 0)], groups: [] }, /≥ 0/],
    ['a largest contribution above the sum', { cells: [cell('A', 3, 10, 20)], groups: [] }, /exceeds/],
    ['a part listed twice', { cells: [cell('P', 6), cell('G1', 3)], groups: [{ total: 'P', parts: ['G1', 'G1'] }] }, /twice/],
    ['groups that make a cell part of itself', { cells: [cell('A', 3), cell('B', 3)], groups: [{ total: 'A', parts: ['B'] }, { total: 'B', parts: ['A'] }] }, /cycle/],
  ])('refuses %s', (_, table, message) => {
    expect(() => suppressCells(table)).toThrow(DisclosureInputError);
    expect(() => suppressCells(table)).toThrow(message);
  });

  it('accepts rounding noise in sums of money', () => {
    const decisions = suppressCells({ cells: [cell('P', 6, 0.3, 0.1), cell('G1', 3, 0.1, 0.05), cell('G2', 3, 0.2, 0.1)], groups: [{ total: 'P', parts: ['G1', 'G2'] }] });
    expect(decisions.size).toBe(3);
  });
});

import fc from 'fast-check';
import { comparisonsAllowed, referenceAllowed, suppressCells, type CellDisclosure } from '.';
import { determinedByLinearAlgebra, groupDifferenceBreaches, groupEquation, primaryBreaches, solveOneUnknownAtATime, substitutionBreaches, type Equation } from './testing/attackers';
import { countrySpec } from './testing/country-tables';
import { buildUnitTable, cellKey, type TableSpec, type Unit, type UnitTable } from './testing/unit-tables';

/*
 * Random tables built from random units: a small country (voivodeships → powiats → gminas, some
 * powiats of a single gmina like a city powiat), optionally a second, NUTS-like hierarchy over the
 * same powiats, zero to two breakdowns, one or two years; units of mostly small values and a few
 * large ones (so dominance happens).
 */
const YEARS = [2023, 2024];

const shapes = fc.array(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
const unitValue = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 10 }) }, { weight: 1, arbitrary: fc.integer({ min: 40, max: 400 }) });
const rawUnit = fc.record({ leaf: fc.nat(), categories: fc.tuple(fc.nat(), fc.nat()), year: fc.nat(), value: unitValue });

const specs = fc
  .record({
    shape: shapes,
    nuts: fc.boolean(),
    breakdowns: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
    years: fc.integer({ min: 1, max: 2 }),
    units: fc.array(rawUnit, { maxLength: 45 }),
  })
  .map(({ shape, nuts, breakdowns, years, units }) => countrySpec(shape, nuts, breakdowns, YEARS.slice(0, years), units));

/** What the hub publishes next to cells (previous year, change, parent's value), as equations. */
function comparisonEquations(t: UnitTable, spec: TableSpec, decisions: Map<string, CellDisclosure>): { equations: Equation[]; known: Map<string, number> } {
  const value = (key: string) => t.unitsOf.get(key)!.reduce((s, u) => s + u.value, 0);
  const equations: Equation[] = [];
  const known = new Map<string, number>();
  const parents = new Map(spec.areas.map((a) => [a.code, Object.values(a.parents)]));
  for (const cell of t.cellsOf) {
    if (decisions.get(cell.key)?.suppressed === false) known.set(cell.key, value(cell.key));
    const previous = cellKey(cell.area, cell.year - 1, cell.breakdown, cell.category);
    if (t.unitsOf.has(previous) && comparisonsAllowed(decisions.get(cell.key), decisions.get(previous))) {
      equations.push({ terms: [[cell.key, 1], [previous, -1]], constant: value(cell.key) - value(previous) });
      equations.push({ terms: [[previous, 1]], constant: value(previous) });
    }
    for (const parent of parents.get(cell.area) ?? []) {
      const parentKey = cellKey(parent, cell.year, cell.breakdown, cell.category);
      if (referenceAllowed(decisions.get(cell.key), decisions.get(parentKey))) equations.push({ terms: [[parentKey, 1]], constant: value(parentKey) });
    }
  }
  return { equations, known };
}

const suppressed = (d: Map<string, CellDisclosure>) => [...d].filter(([, x]) => x.suppressed).map(([k]) => k);

describe('disclosure control on random tables', () => {
  it('publishes no cell that breaks the primary rule', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const t = buildUnitTable(spec);
        expect(primaryBreaches(t, suppressCells(t.table))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves total minus published parts, in every group, an aggregate that passes the primary rule', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const t = buildUnitTable(spec);
        expect(groupDifferenceBreaches(t, suppressCells(t.table))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every aggregate an attacker isolates by differencing down the levels and breakdowns passing the primary rule', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const t = buildUnitTable(spec);
        expect(substitutionBreaches(t, suppressCells(t.table))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('lets an attacker solving one unknown at a time, across levels, breakdowns, years and comparisons, recover no suppressed cell', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const t = buildUnitTable(spec);
        const decisions = suppressCells(t.table);
        const { equations, known } = comparisonEquations(t, spec, decisions);
        const learned = solveOneUnknownAtATime([...t.table.groups.map(groupEquation), ...equations], known);
        expect([...learned.keys()].filter((k) => decisions.get(k)?.suppressed)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('lets an attacker solving all the equations at once (Gaussian elimination) determine no suppressed cell', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const t = buildUnitTable(spec);
        const decisions = suppressCells(t.table);
        const { equations, known } = comparisonEquations(t, spec, decisions);
        const determined = determinedByLinearAlgebra([...t.table.groups.map(groupEquation), ...equations], new Set(known.keys()));
        expect(determined.filter((k) => decisions.get(k)?.suppressed)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('decides the same whatever order the cells, groups and parts come in', () => {
    fc.assert(
      fc.property(specs, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (spec, random) => {
        const t = buildUnitTable(spec);
        const shuffle = <T>(xs: readonly T[]) => xs.map((x) => [random.next().value as number, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
        const reordered = { cells: shuffle(t.table.cells), groups: shuffle(t.table.groups.map((g) => ({ total: g.total, parts: shuffle(g.parts) }))) };
        const once = suppressCells(t.table);
        expect(suppressCells(t.table)).toEqual(once);
        expect(suppressed(suppressCells(reordered)).sort()).toEqual(suppressed(once).sort());
      }),
      { numRuns: 150 },
    );
  });

  it('suppresses nothing when every leaf cell has at least 3 similar units or none', () => {
    const dense = fc
      .record({ shape: shapes, nuts: fc.boolean(), breakdowns: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }), fill: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 3, max: 5 })), { minLength: 1 }) })
      .map(({ shape, nuts, breakdowns, fill }) => {
        const skeleton = countrySpec(shape, nuts, breakdowns, [2024], []);
        const leaves = skeleton.areas.filter((a) => /G\d+$/.test(a.code));
        const combos: Record<string, string>[] = Object.entries(skeleton.breakdowns).reduce<Record<string, string>[]>((acc, [b, cats]) => acc.flatMap((c) => cats.map((cat) => ({ ...c, [b]: cat }))), [{}]);
        let i = 0;
        const units: Unit[] = [];
        for (const leaf of leaves)
          for (const categories of combos) {
            const [filled, count] = fill[i++ % fill.length];
            if (!filled) continue;
            for (let k = 0; k < count; k++) units.push({ id: `u${units.length}`, year: 2024, area: leaf.code, categories, value: 10 + (k % 3) });
          }
        return { ...skeleton, units };
      });
    fc.assert(
      fc.property(dense, (spec) => {
        expect(suppressed(suppressCells(buildUnitTable(spec).table))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

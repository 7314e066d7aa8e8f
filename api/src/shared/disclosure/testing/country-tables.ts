import type { Area, TableSpec, Unit } from './unit-tables';

/** A unit before it is placed: indices are taken modulo the number of gminas and categories. */
export interface RawUnit {
  leaf: number;
  categories: readonly number[];
  year: number;
  value: number;
}

/**
 * Test support: a small country from a shape (powiats per voivodeship, gminas per powiat) —
 * voivodeships → powiats → gminas, optionally a second, NUTS-like hierarchy whose two regions cut
 * across voivodeships — with breakdowns of the given sizes and units placed by index.
 */
export function countrySpec(shape: number[][], nuts: boolean, breakdownSizes: number[], years: number[], raw: readonly RawUnit[]): TableSpec {
  const areas: Area[] = [{ code: 'PL', parents: {} }];
  const gminas: string[] = [];
  const powiats: string[] = [];
  shape.forEach((powiatSizes, v) => {
    const voivodeship = `V${v}`;
    areas.push({ code: voivodeship, parents: { teryt: 'PL' } });
    powiatSizes.forEach((size, p) => {
      const powiat = `${voivodeship}P${p}`;
      powiats.push(powiat);
      areas.push({ code: powiat, parents: { teryt: voivodeship } });
      for (let g = 0; g < size; g++) {
        gminas.push(`${powiat}G${g}`);
        areas.push({ code: `${powiat}G${g}`, parents: { teryt: powiat } });
      }
    });
  });
  if (nuts) {
    // Two NUTS-3-like regions cutting across voivodeships, in one NUTS-2-like region (= the country).
    areas.push({ code: 'N2', parents: { nuts: 'PL' } });
    const regions = powiats.length > 1 ? ['N3a', 'N3b'] : ['N3a'];
    for (const r of regions) areas.push({ code: r, parents: { nuts: 'N2' } });
    for (const [i, p] of powiats.entries()) areas.find((a) => a.code === p)!.parents.nuts = regions[i % regions.length];
  }
  const breakdowns = Object.fromEntries(breakdownSizes.map((size, b) => [`B${b}`, Array.from({ length: size }, (_, c) => `C${c}`)]));
  const units: Unit[] = raw.map((u, i) => ({
    id: `u${i}`,
    year: years[u.year % years.length],
    area: gminas[u.leaf % gminas.length],
    categories: Object.fromEntries(breakdownSizes.map((size, b) => [`B${b}`, `C${u.categories[b] % size}`])),
    value: u.value,
  }));
  return { areas, breakdowns, years, units };
}

import type { AdditiveGroup, DisclosureCell, DisclosureTable } from '../types';

/*
 * A synthetic indicator table the size of the real one, for the benchmark: Poland's shape
 * (16 voivodeships, 380 powiats of which 66 cities of one gmina, 2,479 gminas, 17 NUTS-2 and
 * ~75 NUTS-3 regions over the powiats), ~90,000 entities seated with a heavy-tailed spread
 * (cities hold many), legal forms, statuses and PKD sections in published proportions (a few
 * associations and foundations, rare cooperatives), a heavy-tailed measure (employees), five
 * years. Every area × year × (TOTAL + every category of three breakdowns) is a cell.
 */

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random: () => number, weights: readonly number[]) => {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = random() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
  return weights.length - 1;
};

const LEGAL_FORMS = [700, 170, 90, 16, 3, 2, 6, 2, 2, 1.3, 7, 1];
const STATUSES = [85, 5, 5, 5];
const PKD_SECTIONS = Array.from({ length: 17 }, (_, i) => 1 / (i + 1));

export interface SyntheticOptions {
  seed?: number;
  entities?: number;
  years?: number;
  /** Also state that each voivodeship is the sum of its NUTS-2 regions (true, and worth telling). */
  voivodeshipNuts?: boolean;
}

export function syntheticCountryTable({ seed = 2026, entities = 90_000, years = 5, voivodeshipNuts = true }: SyntheticOptions = {}): DisclosureTable {
  const random = prng(seed);
  const parents = new Map<string, Record<string, string>>([['PL', {}]]);
  const gminas: string[] = [];
  const weights: number[] = [];
  let cityPowiats = 66;
  let landGminas = 2_479 - 66;
  let landPowiats = 314;
  for (let v = 0; v < 16; v++) {
    const voivodeship = `W${v}`;
    parents.set(voivodeship, { teryt: 'PL' });
    const nuts2 = v === 0 ? [`N2-${v}a`, `N2-${v}b`] : [`N2-${v}`];
    for (const n2 of nuts2) parents.set(n2, voivodeshipNuts ? { nuts: 'PL', voivodeship: voivodeship } : { nuts: 'PL' });
    const cities = v < 15 ? Math.round(66 / 16) : cityPowiats;
    const land = v < 15 ? Math.round(314 / 16) : landPowiats;
    cityPowiats -= cities;
    landPowiats -= land;
    const powiatCodes: string[] = [];
    for (let p = 0; p < cities + land; p++) {
      const powiat = `${voivodeship}P${p}`;
      powiatCodes.push(powiat);
      const size = p < cities ? 1 : v === 15 && p === cities + land - 1 ? landGminas : Math.min(landGminas, 3 + Math.floor(random() * 10));
      if (p >= cities) landGminas -= size;
      for (let g = 0; g < size; g++) {
        const gmina = `${powiat}G${g}`;
        parents.set(gmina, { teryt: powiat });
        gminas.push(gmina);
        weights.push(p < cities ? 40 + random() * 400 : 1 + random() * random() * 12);
      }
    }
    // NUTS-3: runs of about five powiats, inside the voivodeship's NUTS-2 region(s).
    powiatCodes.forEach((powiat, i) => {
      const n2 = nuts2[i % nuts2.length];
      const n3 = `${n2}-3${Math.floor(i / (5 * nuts2.length))}`;
      if (!parents.has(n3)) parents.set(n3, { nuts: n2 });
      parents.set(powiat, { teryt: voivodeship, nuts: n3 });
    });
  }

  const breakdowns: [string, number[]][] = [
    ['LEGAL_FORM', LEGAL_FORMS],
    ['STATUS', STATUSES],
    ['PKD', PKD_SECTIONS],
  ];
  const columns: string[] = ['TOTAL|TOTAL', ...breakdowns.flatMap(([b, w]) => w.map((_, c) => `${b}|C${c}`))];
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const areas = [...parents.keys()];
  const areaIndex = new Map(areas.map((a, i) => [a, i]));
  const ancestors = areas.map((a) => {
    const found = [areaIndex.get(a)!];
    const stack = [a];
    while (stack.length) for (const p of Object.values(parents.get(stack.pop()!)!)) if (!found.includes(areaIndex.get(p)!)) (found.push(areaIndex.get(p)!), stack.push(p));
    return found;
  });

  const C = columns.length;
  const A = areas.length;
  const size = A * C * years;
  const count = new Float64Array(size);
  const sum = new Float64Array(size);
  const max = new Float64Array(size);
  const entity = Array.from({ length: entities }, () => ({
    gmina: areaIndex.get(gminas[pick(random, weights)])!,
    categories: breakdowns.map(([b, w]) => columnIndex.get(`${b}|C${pick(random, w)}`)!),
    base: random() < 0.02 ? 50 + random() * 500 : Math.floor(random() * random() * 12),
  }));
  for (let y = 0; y < years; y++)
    for (const e of entity) {
      if (random() < 0.1) continue; // not active that year
      const value = Math.round(e.base * (0.8 + 0.4 * random()));
      for (const a of ancestors[e.gmina])
        for (const c of [0, ...e.categories]) {
          const i = (y * A + a) * C + c;
          count[i] += 1;
          sum[i] += value;
          if (value > max[i]) max[i] = value;
        }
    }

  const key = (y: number, a: number, c: number) => `${areas[a]}|${2020 + y}|${columns[c]}`;
  const cells: DisclosureCell[] = [];
  for (let y = 0; y < years; y++)
    for (let a = 0; a < A; a++)
      for (let c = 0; c < C; c++) {
        const i = (y * A + a) * C + c;
        cells.push({ key: key(y, a, c), contributors: count[i], measures: { employees: { sum: sum[i], max: max[i] } } });
      }
  const groups: AdditiveGroup[] = [];
  const children = new Map<string, number[]>();
  for (const [a, ps] of parents) for (const [h, p] of Object.entries(ps)) children.set(`${p}|${h}`, [...(children.get(`${p}|${h}`) ?? []), areaIndex.get(a)!]);
  for (let y = 0; y < years; y++) {
    for (const [id, kids] of children) {
      const parent = areaIndex.get(id.split('|')[0])!;
      for (let c = 0; c < C; c++) groups.push({ total: key(y, parent, c), parts: kids.map((k) => key(y, k, c)) });
    }
    for (let a = 0; a < A; a++)
      for (const [b] of breakdowns)
        groups.push({ total: key(y, a, 0), parts: columns.flatMap((col, c) => (col.startsWith(`${b}|`) ? [key(y, a, c)] : [])) });
  }
  return { cells, groups };
}

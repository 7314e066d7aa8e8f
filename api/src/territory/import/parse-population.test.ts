import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../../config';
import { addPopulationTotals, parsePowiatPopulation, parseVoivodeshipPopulation } from './parse-population';
import { parseCsv } from './csv';
import { builtinPopulation, builtinUnits } from './builtin-territory';

describe('parsePowiatPopulation', () => {
  it('pads codes that lost their leading zero and dates the figures 31 Dec 2021', () => {
    const figures = parsePowiatPopulation('teryt,name,area,population\n201,bolesławiecki,130349,88275\n1465,Warszawa,51724,1863056\n');
    expect(figures).toEqual([
      expect.objectContaining({ terytCode: '0201', year: 2021, population: 88275, referenceDate: '2021-12-31' }),
      expect.objectContaining({ terytCode: '1465', year: 2021, population: 1863056 }),
    ]);
    expect(figures[0].source).toMatch(/inferred/);
  });

  it('refuses a population that is not a positive whole number', () => {
    expect(() => parsePowiatPopulation('teryt,name,area,population\n201,x,1,-5\n')).toThrow(/line 2/);
    expect(() => parsePowiatPopulation('teryt,name,area,population\n201,x,1,12.5\n')).toThrow(/line 2/);
  });
});

describe('parseVoivodeshipPopulation', () => {
  it('turns each pop_YYYY column into a figure for that year', () => {
    const figures = parseVoivodeshipPopulation('teryt_woj,nazwa,pop_2023,pop_2024,pop_2025\n02,dolnośląskie,2879271,2868242,2857273\n');
    expect(figures.map((f) => [f.terytCode, f.year, f.population])).toEqual([
      ['02', 2023, 2879271],
      ['02', 2024, 2868242],
      ['02', 2025, 2857273],
    ]);
  });

  it('leaves the 2025 reference date open because the source does not state it', () => {
    const figures = parseVoivodeshipPopulation('teryt_woj,nazwa,pop_2024,pop_2025\n02,d,1,2\n');
    expect(figures.map((f) => f.referenceDate)).toEqual(['2024-12-31', null]);
  });
});

describe('addPopulationTotals', () => {
  it('sums powiats into their voivodeship only when every powiat of it has a figure', () => {
    const powiats = parsePowiatPopulation('teryt,name,area,population\n201,a,1,100\n202,b,1,50\n401,c,1,7\n');
    const totals = addPopulationTotals(powiats, new Map([['02', 2], ['04', 2]]));
    expect(totals.find((f) => f.terytCode === '02')).toMatchObject({ year: 2021, population: 150 });
    expect(totals.find((f) => f.terytCode === '04')).toBeUndefined();
  });

  it('adds the country only for years that all 16 voivodeships have', () => {
    const sixteen = builtinPopulation().filter((f) => f.terytCode !== 'PL');
    const totals = addPopulationTotals(sixteen, new Map());
    expect(totals.find((f) => f.terytCode === 'PL')!.population).toBe(37_489_087);
    expect(addPopulationTotals(sixteen.slice(1), new Map()).some((f) => f.terytCode === 'PL')).toBe(false);
  });
});

describe('the built-in territory', () => {
  it('is Poland and 16 voivodeships whose 2024 population sums to the GUS national total', () => {
    expect(builtinUnits()).toHaveLength(17);
    expect(builtinPopulation().find((f) => f.terytCode === 'PL')!.population).toBe(37_489_087);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields holding commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n').rows).toEqual([['x, y', 'say "hi"\nthere']]);
  });
});

const dataDir = process.env.HUB_DATA_DIR || defaultDataDir();
const withData = dataDir ? describe : describe.skip;

withData('population files in the data directory', () => {
  const powiats = parsePowiatPopulation(readFileSync(join(dataDir!, 'population', 'radostw_powiaty_population.csv'), 'utf8'));
  const voivodeships = parseVoivodeshipPopulation(readFileSync(join(dataDir!, 'population', 'wojewodztwa_population_2023_2025.csv'), 'utf8'));

  it('has 380 powiats summing to the GUS total of 31 Dec 2021', () => {
    expect(powiats).toHaveLength(380);
    expect(powiats.reduce((s, f) => s + f.population, 0)).toBe(37_907_704);
    expect(powiats.find((f) => f.terytCode === '1465')!.population).toBe(1_863_056);
  });

  it('gives country totals for 2021, 2023, 2024 and 2025 as sums', () => {
    const perVoivodeship = new Map<string, number>();
    for (const p of powiats) perVoivodeship.set(p.terytCode.slice(0, 2), (perVoivodeship.get(p.terytCode.slice(0, 2)) ?? 0) + 1);
    const all = addPopulationTotals([...powiats, ...voivodeships], perVoivodeship);
    const country = new Map(all.filter((f) => f.terytCode === 'PL').map((f) => [f.year, f.population]));
    expect(Object.fromEntries(country)).toEqual({ 2021: 37_907_704, 2023: 37_636_508, 2024: 37_489_087, 2025: 37_332_510 });
  });
});

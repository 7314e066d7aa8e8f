import { cp, mkdtemp, rm, symlink, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNutsSource, type NutsSource } from '../../api/src/territory';

/**
 * The powiat → NUTS-3 table derived from the real geometry in the data directory (no database):
 * checked against what NUTS 2021 guarantees (NUTS-3 regions are unions of whole powiats within one
 * voivodeship) and against known placements.
 */
const dataDir = process.env.HUB_DATA_DIR;
const withData = dataDir ? describe : describe.skip;

/** NUTS-2 region → voivodeship (TERYT) under NUTS 2021: 1:1 except Mazowieckie, split into PL91 and PL92. */
const VOIVODESHIP_OF_NUTS2: Record<string, string> = {
  PL21: '12', PL22: '24', PL41: '30', PL42: '32', PL43: '08', PL51: '02', PL52: '16', PL61: '04', PL62: '28',
  PL63: '22', PL71: '10', PL72: '26', PL81: '06', PL82: '18', PL84: '20', PL91: '14', PL92: '14',
};

withData('the powiat → NUTS-3 table derived from the geometry', () => {
  let source: NutsSource;
  const nuts3Of = (powiat: string) => source.powiats.find((p) => p.powiatCode === powiat)?.nuts3Code;
  beforeAll(async () => {
    source = (await readNutsSource(dataDir!))!;
  });

  it('reads the 17 Polish NUTS-2 regions and 73 NUTS-3 regions, each NUTS-3 under an existing NUTS-2', () => {
    const nuts2 = source.regions.filter((r) => r.level === 2);
    const nuts3 = source.regions.filter((r) => r.level === 3);
    expect(nuts2.map((r) => r.code).sort()).toEqual(Object.keys(VOIVODESHIP_OF_NUTS2).sort());
    expect(nuts3).toHaveLength(73);
    expect(nuts3.every((r) => r.parentCode && VOIVODESHIP_OF_NUTS2[r.parentCode])).toBe(true);
    expect(source.regions.find((r) => r.code === 'PL213')).toMatchObject({ name: 'Miasto Kraków', parentCode: 'PL21' });
    expect(source.files).toContain('boundaries-pl/radostw_powiaty_2025.geojson');
  });

  it('maps all 380 powiats, and every NUTS-3 region gets at least one', () => {
    expect(source.powiats).toHaveLength(380);
    const used = new Set(source.powiats.map((p) => p.nuts3Code));
    expect(source.regions.filter((r) => r.level === 3 && !used.has(r.code))).toEqual([]);
  });

  it('keeps every NUTS-3 region within one voivodeship, the one its NUTS-2 region covers', () => {
    const misplaced = source.powiats.filter((p) => VOIVODESHIP_OF_NUTS2[p.nuts3Code.slice(0, 4)] !== p.powiatCode.slice(0, 2));
    expect(misplaced).toEqual([]);
  });

  it('places the big cities in their own NUTS-3 regions', () => {
    expect({ krakow: nuts3Of('1261'), warszawa: nuts3Of('1465'), gdansk: nuts3Of('2261'), wroclaw: nuts3Of('0264'), lodz: nuts3Of('1061') }).toEqual({
      krakow: 'PL213', warszawa: 'PL911', gdansk: 'PL633', wroclaw: 'PL514', lodz: 'PL711',
    });
  });

  it('gives each "Miasto …" NUTS-3 region exactly one powiat, and Trójmiejski the three cities of the Tricity', () => {
    const cityRegions = source.regions.filter((r) => r.level === 3 && r.name.startsWith('Miasto '));
    const powiatsIn = (code: string) => source.powiats.filter((p) => p.nuts3Code === code).map((p) => p.powiatCode).sort();
    expect(Object.fromEntries(cityRegions.map((r) => [r.code, powiatsIn(r.code)]))).toEqual({
      PL213: ['1261'], PL415: ['3064'], PL424: ['3262'], PL514: ['0264'], PL711: ['1061'], PL911: ['1465'],
    });
    expect(powiatsIn('PL633')).toEqual(['2261', '2262', '2264']);
  });

  it('places the ring-shaped powiats around cities in the surrounding subregion, not the city’s', () => {
    expect({ krakowski: nuts3Of('1206'), wroclawski: nuts3Of('0223'), poznanski: nuts3Of('3021'), lodzkiWschodni: nuts3Of('1006') }).toEqual({
      krakowski: 'PL214', wroclawski: 'PL518', poznanski: 'PL418', lodzkiWschodni: 'PL712',
    });
  });

  it('uses "nearest" only for powiats on the generalised coast (reported: Gdańsk and Gdynia)', () => {
    const nearest = source.powiats.filter((p) => p.method === 'nearest');
    expect(nearest.map((p) => `${p.powiatCode}→${p.nuts3Code}`)).toEqual(['2261→PL633', '2262→PL633']);
  });

  it('falls back to the jusuff counties layer when the 2025 powiat layer is absent, and maps the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-nuts-'));
    try {
      await symlink(join(dataDir!, 'boundaries-nuts'), join(dir, 'boundaries-nuts'));
      await mkdir(join(dir, 'boundaries-pl'));
      await cp(join(dataDir!, 'boundaries-pl', 'jusuff_poland.counties.json'), join(dir, 'boundaries-pl', 'jusuff_poland.counties.json'));
      const fallback = (await readNutsSource(dir))!;
      expect(fallback.files).toContain('boundaries-pl/jusuff_poland.counties.json');
      const table = (s: NutsSource) => Object.fromEntries(s.powiats.map((p) => [p.powiatCode, p.nuts3Code]));
      expect(table(fallback)).toEqual(table(source));
      await rm(join(dir, 'boundaries-pl'), { recursive: true });
      expect(await readNutsSource(dir)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

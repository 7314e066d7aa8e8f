import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../../config';
import { GminaType, TerritorialLevel } from '../territorial-level';
import { parseTerc } from './parse-terc';

const SAMPLE =
  '\ufeffWOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r\n' +
  '02;;;;DOLNOŚLĄSKIE;województwo;2026-01-01\r\n' +
  '02;01;;;bolesławiecki;powiat;2026-01-01\r\n' +
  '02;01;01;1;Bolesławiec;gmina miejska;2026-01-01\r\n' +
  '02;01;02;2;Bolesławiec;gmina wiejska;2026-01-01\r\n' +
  '02;01;04;3;Nowogrodziec;gmina miejsko-wiejska;2026-01-01\r\n' +
  '02;01;04;4;Nowogrodziec;miasto;2026-01-01\r\n' +
  '02;01;04;5;Nowogrodziec;obszar wiejski;2026-01-01\r\n' +
  '02;64;;;Wrocław;miasto na prawach powiatu;2026-01-01\r\n' +
  '02;64;01;1;Wrocław;gmina miejska;2026-01-01\r\n' +
  '02;64;02;9;Wrocław-Fabryczna;delegatura;2026-01-01\r\n' +
  '14;;;;MAZOWIECKIE;województwo;2026-01-01\r\n' +
  '14;65;;;Warszawa;miasto stołeczne, na prawach powiatu;2026-01-01\r\n' +
  '14;65;01;1;Warszawa;gmina miejska, miasto stołeczne;2026-01-01\r\n' +
  '14;65;02;8;Bemowo;dzielnica;2026-01-01\r\n';

describe('parseTerc', () => {
  const parsed = parseTerc(SAMPLE);
  const byCode = new Map(parsed.units.map((u) => [u.terytCode, u]));

  it('reads voivodeships, powiats and gminas with their codes, levels and parents', () => {
    expect(parsed.units.map((u) => u.terytCode)).toEqual(['02', '0201', '0201011', '0201022', '0201043', '0264', '0264011', '14', '1465', '1465011']);
    expect(byCode.get('02')).toMatchObject({ level: TerritorialLevel.VOIVODESHIP, parentCode: 'PL', gminaType: null });
    expect(byCode.get('0201')).toMatchObject({ level: TerritorialLevel.POWIAT, parentCode: '02', name: 'bolesławiecki' });
    expect(byCode.get('0201043')).toMatchObject({ level: TerritorialLevel.GMINA, parentCode: '0201', gminaType: GminaType.URBAN_RURAL, name: 'Nowogrodziec' });
  });

  it('stores voivodeship names in lower case, as GUS writes them in text', () => {
    expect(byCode.get('02')!.name).toBe('dolnośląskie');
    expect(byCode.get('14')!.name).toBe('mazowieckie');
  });

  it('tells the two gminas called Bolesławiec apart by their type digit', () => {
    expect(byCode.get('0201011')!.gminaType).toBe(GminaType.URBAN);
    expect(byCode.get('0201022')!.gminaType).toBe(GminaType.RURAL);
  });

  it('marks cities with powiat rights, Warsaw included, and no ordinary powiat', () => {
    expect(byCode.get('0264')!.isCityWithPowiatRights).toBe(true);
    expect(byCode.get('1465')!.isCityWithPowiatRights).toBe(true);
    expect(byCode.get('0201')!.isCityWithPowiatRights).toBe(false);
  });

  it('skips town and rural parts, Warsaw districts and delegatury but counts them by RODZ', () => {
    expect(parsed.skippedByRodz).toEqual({ '4': 1, '5': 1, '8': 1, '9': 1 });
    expect(byCode.has('0201044')).toBe(false);
  });

  it('reports the register date (STAN_NA)', () => {
    expect(parsed.registerDate).toBe('2026-01-01');
  });

  it('accepts LF line ends and no BOM as well', () => {
    expect(parseTerc(SAMPLE.replace(/^\ufeff/, '').replace(/\r\n/g, '\n')).units).toHaveLength(10);
  });

  it('refuses a file whose header lacks a column, naming it', () => {
    expect(() => parseTerc('WOJ;POW;GMI;NAZWA;NAZWA_DOD;STAN_NA\r\n')).toThrow(/RODZ/);
  });

  it('refuses a malformed code with its line number', () => {
    expect(() => parseTerc('WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r\n2;;;;X;województwo;2026-01-01\r\n')).toThrow(/line 2/);
  });

  it('refuses a gmina whose powiat the file does not list', () => {
    expect(() => parseTerc('WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r\n02;;;;A;województwo;d\r\n02;01;01;1;B;gmina miejska;d\r\n')).toThrow(/0201/);
  });
});

const dataDir = process.env.HUB_DATA_DIR || defaultDataDir();
const withData = dataDir ? describe : describe.skip;

withData('parseTerc on the official TERC extract of 1 January 2026', () => {
  const parsed = parseTerc(readFileSync(join(dataDir!, 'teryt', 'TERC_Urzedowy_2026-01-01.csv'), 'utf8'));
  const count = (level: TerritorialLevel) => parsed.units.filter((u) => u.level === level).length;
  const gminas = parsed.units.filter((u) => u.level === TerritorialLevel.GMINA);

  it('finds 16 voivodeships, 380 powiats and 2,479 gminas', () => {
    expect(count(TerritorialLevel.VOIVODESHIP)).toBe(16);
    expect(count(TerritorialLevel.POWIAT)).toBe(380);
    expect(count(TerritorialLevel.GMINA)).toBe(2479);
  });

  it('splits gminas into 302 urban, 1,453 rural and 724 urban-rural', () => {
    expect(gminas.filter((g) => g.gminaType === GminaType.URBAN)).toHaveLength(302);
    expect(gminas.filter((g) => g.gminaType === GminaType.RURAL)).toHaveLength(1453);
    expect(gminas.filter((g) => g.gminaType === GminaType.URBAN_RURAL)).toHaveLength(724);
  });

  it('finds 66 cities with powiat rights (65 plus Warsaw)', () => {
    expect(parsed.units.filter((u) => u.isCityWithPowiatRights)).toHaveLength(66);
  });

  it('skips the 18 Warsaw districts and 19 delegatury, and one town part and one rural part per urban-rural gmina', () => {
    expect(parsed.skippedByRodz).toEqual({ '4': 724, '5': 724, '8': 18, '9': 19 });
    expect(parsed.units.length + Object.values(parsed.skippedByRodz).reduce((a, b) => a + b, 0)).toBe(4360);
  });

  it('holds the gminas of the featured demo entities', () => {
    const names = new Map(parsed.units.map((u) => [u.terytCode, u.name]));
    expect(names.get('1205011')).toBe('Gorlice');
    expect(names.get('1801083')).toBe('Ustrzyki Dolne');
    expect(names.get('0264011')).toBe('Wrocław');
  });
});

import { GminaType, GMINA_TYPE_BY_RODZ, TerritorialLevel } from '../territorial-level';
import { COUNTRY_CODE } from '../teryt-code';
import { columnIndex, parseCsv } from './csv';

/** One territorial unit as the importers produce it: plain data, ready for a bulk upsert. */
export interface UnitRecord {
  terytCode: string;
  name: string;
  level: TerritorialLevel;
  gminaType: GminaType | null;
  isCityWithPowiatRights: boolean;
  parentCode: string | null;
}

export interface TercParseResult {
  /** STAN_NA: the date the register extract describes. */
  registerDate: string | null;
  /** Voivodeships, powiats and gminas (RODZ 1/2/3), in file order. The country is not in TERC. */
  units: UnitRecord[];
  /** Rows that are not units of the three tiers, counted by RODZ (4 town part, 5 rural part, 8 Warsaw district, 9 delegatura). */
  skippedByRodz: Record<string, number>;
}

const COLUMNS = ['WOJ', 'POW', 'GMI', 'RODZ', 'NAZWA', 'NAZWA_DOD', 'STAN_NA'] as const;
const TWO_DIGITS = /^\d{2}$/;

/**
 * Parses the GUS "TERC – urzędowy" extract (UTF-8 with BOM, `;`-separated, CRLF). Voivodeship
 * names come in upper case and are stored in lower case, as GUS writes them in running text
 * ("dolnośląskie"); powiat and gmina names are kept as published.
 */
export function parseTerc(text: string, file = 'TERC'): TercParseResult {
  const { header, rows } = parseCsv(text, ';');
  const col = columnIndex(header, COLUMNS, file);
  const units: UnitRecord[] = [];
  const skippedByRodz: Record<string, number> = {};
  const dates = new Set<string>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const [woj, pow, gmi, rodz, name, kind, date] = COLUMNS.map((c) => (row[col[c]] ?? '').trim());
    const fail = (why: string) => new Error(`${file}, line ${line}: ${why} (${row.join(';')})`);
    if (!TWO_DIGITS.test(woj)) throw fail('WOJ must be 2 digits');
    if (!name) throw fail('NAZWA is empty');
    if (date) dates.add(date);
    if (!pow) {
      if (gmi || rodz) throw fail('a voivodeship row has no GMI or RODZ');
      units.push({ terytCode: woj, name: name.toLocaleLowerCase('pl-PL'), level: TerritorialLevel.VOIVODESHIP, gminaType: null, isCityWithPowiatRights: false, parentCode: COUNTRY_CODE });
      return;
    }
    if (!TWO_DIGITS.test(pow)) throw fail('POW must be 2 digits');
    if (!gmi) {
      if (rodz) throw fail('a powiat row has no RODZ');
      units.push({
        terytCode: woj + pow,
        name,
        level: TerritorialLevel.POWIAT,
        gminaType: null,
        // "miasto na prawach powiatu", and Warsaw's "miasto stołeczne, na prawach powiatu".
        isCityWithPowiatRights: /na prawach powiatu/i.test(kind),
        parentCode: woj,
      });
      return;
    }
    if (!TWO_DIGITS.test(gmi) || !/^\d$/.test(rodz)) throw fail('GMI must be 2 digits and RODZ 1 digit');
    const gminaType = GMINA_TYPE_BY_RODZ[rodz];
    if (!gminaType) {
      skippedByRodz[rodz] = (skippedByRodz[rodz] ?? 0) + 1;
      return;
    }
    units.push({ terytCode: woj + pow + gmi + rodz, name, level: TerritorialLevel.GMINA, gminaType, isCityWithPowiatRights: false, parentCode: woj + pow });
  });
  const known = new Set(units.map((u) => u.terytCode));
  if (known.size !== units.length) throw new Error(`${file}: a TERYT code appears more than once`);
  for (const unit of units) {
    if (unit.parentCode !== COUNTRY_CODE && unit.parentCode && !known.has(unit.parentCode)) {
      throw new Error(`${file}: unit ${unit.terytCode} (${unit.name}) names parent ${unit.parentCode}, which the file does not list`);
    }
  }
  return { registerDate: dates.size ? [...dates].sort().at(-1)! : null, units, skippedByRodz };
}

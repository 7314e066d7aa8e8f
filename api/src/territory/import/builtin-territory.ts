import { TerritorialLevel } from '../territorial-level';
import { COUNTRY_CODE } from '../teryt-code';
import { addPopulationTotals, VOIVODESHIP_SOURCE, type PopulationRecord } from './parse-population';
import type { UnitRecord } from './parse-terc';

/**
 * The territory the hub runs on when no data directory is configured: Poland and its 16
 * voivodeships (codes and names as in GUS TERYT/TERC), with their population on 31 Dec 2024 from
 * GUS Bank Danych Lokalnych (as transcribed in shared/data/population/wojewodztwa_population_2023_2025.csv,
 * column pop_2024; taken from datacommonsorg/data, StatisticsPoland_input_23_24.csv). The country's
 * figure is their sum, which equals the GUS national total for that date.
 */
const VOIVODESHIPS_2024: readonly (readonly [code: string, name: string, population: number])[] = [
  ['02', 'dolnośląskie', 2_868_242],
  ['04', 'kujawsko-pomorskie', 1_984_479],
  ['06', 'lubelskie', 1_996_440],
  ['08', 'lubuskie', 969_819],
  ['10', 'łódzkie', 2_345_924],
  ['12', 'małopolskie', 3_429_084],
  ['14', 'mazowieckie', 5_508_322],
  ['16', 'opolskie', 930_296],
  ['18', 'podkarpackie', 2_062_997],
  ['20', 'podlaskie', 1_132_641],
  ['22', 'pomorskie', 2_359_493],
  ['24', 'śląskie', 4_291_441],
  ['26', 'świętokrzyskie', 1_157_991],
  ['28', 'warmińsko-mazurskie', 1_349_172],
  ['30', 'wielkopolskie', 3_479_986],
  ['32', 'zachodniopomorskie', 1_622_760],
];

export const BUILTIN_POPULATION_YEAR = 2024;
// The same wording as an import from the data directory, so switching between the two changes nothing.
const SOURCE = VOIVODESHIP_SOURCE[BUILTIN_POPULATION_YEAR];

export const BUILTIN_COUNTRY_NAME = 'Polska';

export function builtinUnits(): UnitRecord[] {
  return [
    { terytCode: COUNTRY_CODE, name: BUILTIN_COUNTRY_NAME, level: TerritorialLevel.COUNTRY, gminaType: null, isCityWithPowiatRights: false, parentCode: null },
    ...VOIVODESHIPS_2024.map(([terytCode, name]) => ({
      terytCode,
      name,
      level: TerritorialLevel.VOIVODESHIP,
      gminaType: null,
      isCityWithPowiatRights: false,
      parentCode: COUNTRY_CODE,
    })),
  ];
}

export function builtinPopulation(): PopulationRecord[] {
  const referenceDate = `${BUILTIN_POPULATION_YEAR}-12-31`;
  const voivodeships = VOIVODESHIPS_2024.map(([terytCode, , population]) => ({ terytCode, year: BUILTIN_POPULATION_YEAR, population, referenceDate, source: SOURCE }));
  return addPopulationTotals(voivodeships, new Map());
}

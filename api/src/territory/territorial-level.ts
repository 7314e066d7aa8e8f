import { registerEnumType } from 'type-graphql';

/** The tiers of Poland's three-tier administrative division, plus the country itself. */
export enum TerritorialLevel {
  COUNTRY = 'COUNTRY',
  VOIVODESHIP = 'VOIVODESHIP',
  POWIAT = 'POWIAT',
  GMINA = 'GMINA',
}
registerEnumType(TerritorialLevel, {
  name: 'TerritorialLevel',
  description: 'Tier of the administrative division (TERYT).',
  valuesConfig: {
    COUNTRY: { description: 'Poland as a whole (code PL).' },
    VOIVODESHIP: { description: 'Voivodeship (województwo), the region: 2-digit code.' },
    POWIAT: { description: 'Powiat (county), including cities with powiat rights: 4-digit code.' },
    GMINA: { description: 'Gmina (municipality): 7-digit code, the last digit its type.' },
  },
});

/** Gmina type, the 7th digit of its TERYT code (RODZ 1, 2, 3). */
export enum GminaType {
  URBAN = 'URBAN',
  RURAL = 'RURAL',
  URBAN_RURAL = 'URBAN_RURAL',
}
registerEnumType(GminaType, {
  name: 'GminaType',
  description: 'Type of a gmina: urban, rural or urban-rural (the last digit of its TERYT code).',
  valuesConfig: {
    URBAN: { description: 'Gmina miejska — a town or city (type digit 1).' },
    RURAL: { description: 'Gmina wiejska — villages only (type digit 2).' },
    URBAN_RURAL: { description: 'Gmina miejsko-wiejska — a town with its surrounding villages (type digit 3).' },
  },
});

export const GMINA_TYPE_BY_RODZ: Readonly<Record<string, GminaType>> = { '1': GminaType.URBAN, '2': GminaType.RURAL, '3': GminaType.URBAN_RURAL };

import { registerEnumType } from 'type-graphql';

/** The levels statistics are published for: the TERYT tiers and the two NUTS levels. */
export enum StatisticalAreaLevel {
  COUNTRY = 'COUNTRY',
  NUTS2 = 'NUTS2',
  NUTS3 = 'NUTS3',
  VOIVODESHIP = 'VOIVODESHIP',
  POWIAT = 'POWIAT',
  GMINA = 'GMINA',
}
registerEnumType(StatisticalAreaLevel, {
  name: 'StatisticalAreaLevel',
  description:
    'The level of an area a statistic is published for: Poland, its administrative units (TERYT), or the EU’s NUTS statistical regions, which Eurostat uses to compare regions across Europe.',
  valuesConfig: {
    COUNTRY: { description: 'Poland as a whole (code PL).' },
    NUTS2: { description: 'NUTS 2 region (region): a voivodeship, except Mazowieckie, split into Warszawski stołeczny (PL91) and Mazowiecki regionalny (PL92).' },
    NUTS3: { description: 'NUTS 3 subregion (podregion): a group of whole powiats within one voivodeship, e.g. PL213 Miasto Kraków.' },
    VOIVODESHIP: { description: 'Voivodeship (województwo): 2-digit TERYT code.' },
    POWIAT: { description: 'Powiat (county), including cities with powiat rights: 4-digit TERYT code.' },
    GMINA: { description: 'Gmina (municipality): 7-digit TERYT code.' },
  },
});

export const NUTS_AREA_PREFIX = 'NUTS:';

/** The statistical-area code of a NUTS region: PL213 → NUTS:PL213. */
export const areaCodeOfNuts = (nutsCode: string): string => `${NUTS_AREA_PREFIX}${nutsCode}`;

const AREA_CODE = /^(PL|\d{2}|\d{4}|\d{7}|NUTS:PL[0-9A-Z]{2}|NUTS:PL[0-9A-Z]{3})$/;

/** Whether `code` is shaped like a statistical-area code: a TERYT code, PL, or NUTS: and a Polish NUTS-2/3 code. */
export const isAreaCode = (code: string): boolean => AREA_CODE.test(code);
